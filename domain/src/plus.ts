/**
 * Plus membership (issue 18): the shapes shared by the subscription slice (checkout, webhooks,
 * entitlement, rules) and the revenue-share slice (monthly statements). Pure; no Firebase.
 *
 * Documents:
 * - `users/{uid}/private/subscription` — {@link PlusSubscription}, written by the Stripe webhook only.
 * - `plusInvoices/{stripeInvoiceId}` — {@link PlusInvoice}, one per paid subscription invoice,
 *   written by the webhook on `invoice.paid` (refunds mark it), read by the monthly split.
 */
import type { Course } from './models';

export const PLUS_PLANS = ['monthly', 'yearly'] as const;
export type PlusPlan = (typeof PLUS_PLANS)[number];

/** Stripe's subscription statuses, as Stripe names them. */
export const PLUS_STATUSES = [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'canceled',
  'unpaid',
  'paused',
] as const;
export type PlusStatus = (typeof PLUS_STATUSES)[number];

/** users/{uid}/private/subscription */
export interface PlusSubscription {
  subscriptionId: string;
  customerId: string;
  plan: PlusPlan;
  status: PlusStatus;
  /** Stripe's `current_period_end`, as a Date. */
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  /** Stripe's `created` of the event that last changed this document (out-of-order guard). */
  stripeUpdatedAt: Date;
  updatedAt: Date;
  /**
   * (slice D, optional) When the subscription last became `past_due` (the event's `created`), for
   * the grace period; null or absent when it is not past due.
   */
  pastDueSince?: Date | null;
}

/** plusInvoices/{invoiceId} */
export interface PlusInvoice {
  invoiceId: string;
  uid: string;
  subscriptionId: string;
  plan: PlusPlan;
  /** Minor units actually paid. */
  amountPaid: number;
  currency: string;
  /** Calendar month (UTC) the payment counts towards, 'YYYY-MM', from `paidAt`. */
  month: string;
  paidAt: Date;
  /** Minor units refunded so far (0 when none). */
  amountRefunded: number;
  createdAt: Date;
}

/** Whether a course is offered through Plus: a published paid course the educator left in and no admin excluded. */
export function isInPlus(
  course: Pick<Course, 'price' | 'status'> & { includedInPlus?: boolean; plusExcluded?: boolean },
): boolean {
  return (
    course.status === 'published' &&
    course.price > 0 &&
    course.includedInPlus !== false &&
    course.plusExcluded !== true
  );
}

/** 'YYYY-MM' of a date in UTC. */
export function plusMonthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

// ---------------------------------------------------------------------------------------------
// Entitlement (slice D): what the rules (firestore.rules `hasPlusAccess`) and the server (progress,
// grading, startPlusLearning) both decide from users/{uid}/private/subscription. Keep them equal.

/** Days a past-due subscriber keeps access while Stripe retries the card (from `pastDueSince`). */
export const PLUS_PAST_DUE_GRACE_DAYS = 7;
/**
 * Hours an active, renewing subscription keeps access past `currentPeriodEnd`: the renewal's
 * webhooks (invoice.paid, customer.subscription.updated) may arrive a little after the period ends.
 * A subscription set to cancel at period end gets none.
 */
export const PLUS_RENEWAL_LEEWAY_HOURS = 48;

const HOUR_MS = 3_600_000;

export type PlusAccessReason =
  | 'active'
  | 'cancelling'
  | 'past-due-grace'
  | 'canceled-paid-period'
  | 'none'
  | 'lapsed';

export interface PlusAccess {
  entitled: boolean;
  /** When access ends (exclusive), or null without a subscription. */
  until: Date | null;
  reason: PlusAccessReason;
}

/**
 * Whether a subscription (as the webhook keeps it) opens Plus courses at `now`:
 * - active or trialing: until the period end (plus PLUS_RENEWAL_LEEWAY_HOURS unless cancelling);
 * - past_due: PLUS_PAST_DUE_GRACE_DAYS from `pastDueSince` (the webhook always sets it; without it,
 *   none) — Stripe has already moved the period end to the unpaid period, so it is no measure;
 * - canceled: until the end of the period already paid for;
 * - anything else (incomplete, incomplete_expired, unpaid, paused): no access.
 */
export function plusAccess(
  sub:
    | (Pick<PlusSubscription, 'status' | 'currentPeriodEnd' | 'cancelAtPeriodEnd'> & {
        pastDueSince?: Date | null;
      })
    | null,
  now: Date,
): PlusAccess {
  if (!sub) return { entitled: false, until: null, reason: 'none' };
  const end = sub.currentPeriodEnd.getTime();
  let until: number;
  let reason: PlusAccessReason;
  switch (sub.status) {
    case 'active':
    case 'trialing':
      until = sub.cancelAtPeriodEnd ? end : end + PLUS_RENEWAL_LEEWAY_HOURS * HOUR_MS;
      reason = sub.cancelAtPeriodEnd ? 'cancelling' : 'active';
      break;
    case 'past_due': {
      if (!sub.pastDueSince) return { entitled: false, until: null, reason: 'lapsed' };
      const since = sub.pastDueSince.getTime();
      until = since + PLUS_PAST_DUE_GRACE_DAYS * 24 * HOUR_MS;
      reason = 'past-due-grace';
      break;
    }
    case 'canceled':
      until = end;
      reason = 'canceled-paid-period';
      break;
    default:
      return { entitled: false, until: null, reason: 'lapsed' };
  }
  if (now.getTime() >= until) return { entitled: false, until: new Date(until), reason: 'lapsed' };
  return { entitled: true, until: new Date(until), reason };
}

/** Stripe's recurring interval → our plan ('month' → monthly, 'year' → yearly), else null. */
export function plusPlanOfInterval(interval: unknown): PlusPlan | null {
  if (interval === 'month') return 'monthly';
  if (interval === 'year') return 'yearly';
  return null;
}

/**
 * Prices shown on the pricing page and charged by the local checkout (minor units). In Stripe mode
 * the charge is the configured Price (PLUS_MONTHLY_PRICE_ID / PLUS_YEARLY_PRICE_ID): keep them equal.
 */
export const PLUS_PRICES: Record<PlusPlan, { amount: number; currency: string; interval: 'month' | 'year' }> =
  {
    monthly: { amount: 1999, currency: 'USD', interval: 'month' },
    yearly: { amount: 19900, currency: 'USD', interval: 'year' },
  };

/** The end of a period of `plan` starting at `start` (calendar month or year, UTC). */
export function plusPeriodEnd(start: Date, plan: PlusPlan): Date {
  const end = new Date(start.getTime());
  if (plan === 'monthly') end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  return end;
}

/** What the local Customer Portal stand-in can do (emulator only; the same events Stripe sends). */
export const LOCAL_PLUS_PORTAL_ACTIONS = ['switch-plan', 'cancel', 'resume', 'fail-payment', 'pay'] as const;
export type LocalPlusPortalAction = (typeof LOCAL_PLUS_PORTAL_ACTIONS)[number];

/** Days before the period end of a cancelling subscription when the "period ending" notice goes out. */
export const PLUS_PERIOD_ENDING_NOTICE_DAYS = 3;

/**
 * A Plus enrolment earns (progress, completion, quiz attempts, certificates) only while the
 * membership grants access and the course is still in Plus; other enrolments are not affected.
 */
export function plusEnrollmentLapsed(
  enrollment: { source?: unknown },
  course: { status: string; price: number; includedInPlus?: boolean; plusExcluded?: boolean } | null,
  sub: Parameters<typeof plusAccess>[0],
  now: Date,
): boolean {
  if (enrollment.source !== 'plus') return false;
  return !course || !isInPlus(course as Parameters<typeof isInPlus>[0]) || !plusAccess(sub, now).entitled;
}

/** What a learner is told when a lapsed Plus enrolment tries to earn. */
export const PLUS_LAPSED_MESSAGE =
  'Your Plus membership no longer includes this course: renew Plus or buy the course to continue.';

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

// Plus membership (issue 18 item 3; docs/plus.md): customer.subscription.created|updated|deleted
// keep users/{uid}/private/subscription; invoice.paid records plusInvoices/{invoiceId};
// invoice.payment_failed changes nothing (Stripe's customer.subscription.updated carries the
// past_due status) and only notifies (plus-notices.ts).
//
// Entitlement follows the subscription object's own state, never the arrival order: a document
// is replaced only by an event at least as new as the one that wrote it (`stripeUpdatedAt`, the
// event's `created`), so a late `updated` never undoes a `deleted`, and a duplicate changes nothing
// (the stripeEvents record makes each event apply once anyway). An event about an older
// subscription never replaces a newer subscription that still grants access.
import {
  type PlusPlan,
  type PlusStatus,
  PLUS_STATUSES,
  plusAccess,
  plusMonthOf,
  plusPlanOfInterval,
} from '@skillverse/domain/plus';
import { num, oneOf, str } from '@skillverse/domain/fields';
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import type Stripe from 'stripe';
import {
  plusInvoiceRef,
  plusSubscriptionRef,
  readPlusSubscription,
  stripeCustomerRef,
} from '../../lib/data/plus-membership';
import { type Applied, idOf, type WebhookDeps } from './webhook-data';

export type PlusOutcome =
  | 'subscription-updated'
  | 'subscription-stale'
  | 'subscription-other'
  | 'subscription-unmatched'
  | 'invoice-recorded'
  | 'invoice-already-recorded'
  | 'invoice-unmatched'
  | 'invoice-ignored'
  | 'invoice-payment-failed';

const SUBSCRIPTION_EVENTS = [
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
] as const;
const INVOICE_EVENTS = ['invoice.paid', 'invoice.payment_failed'] as const;

export function isSubscriptionEvent(type: string): boolean {
  return (SUBSCRIPTION_EVENTS as readonly string[]).includes(type);
}
export function isInvoiceEvent(type: string): boolean {
  return (INVOICE_EVENTS as readonly string[]).includes(type);
}

/** A uid or Stripe id we may use as a document id. */
function safeId(value: unknown): string {
  const s = str(value);
  return s && !s.includes('/') && s.length <= 255 && s !== '.' && s !== '..' ? s : '';
}

/** The subscription an invoice belongs to (API ≥ 2025-03: parent.subscription_details), and its metadata. */
export function invoiceSubscription(invoice: Stripe.Invoice): {
  subscriptionId: string;
  metadata: Record<string, string>;
} {
  const details = invoice.parent?.subscription_details;
  const legacy = (invoice as unknown as { subscription?: string | { id: string } | null }).subscription;
  const subscriptionId = idOf(details?.subscription ?? legacy ?? null) ?? '';
  const metadata = (details?.metadata ?? {}) as Record<string, string>;
  return { subscriptionId, metadata };
}

/**
 * The user an event is about: the customer's owner as recorded when we created the customer
 * (stripeCustomers/{customerId}), else the uid we put in the subscription's metadata. Read before
 * the transaction: the mapping never changes.
 */
export async function plusUidOf(db: Firestore, event: Stripe.Event): Promise<string> {
  const object = event.data.object as {
    customer?: string | { id: string } | null;
    metadata?: Stripe.Metadata | null;
  };
  const customerId = safeId(idOf(object.customer ?? null));
  if (customerId) {
    const mapped = safeId((await stripeCustomerRef(db, customerId).get()).get('uid'));
    if (mapped) return mapped;
  }
  const metadata = isInvoiceEvent(event.type)
    ? invoiceSubscription(event.data.object as Stripe.Invoice).metadata
    : (object.metadata ?? {});
  return safeId(metadata.uid);
}

/** Our plan from the subscription's first item's recurring interval (what the customer pays now). */
export function planOfSubscription(sub: Stripe.Subscription): PlusPlan | null {
  const item = sub.items?.data?.[0];
  return (
    plusPlanOfInterval(item?.price?.recurring?.interval) ??
    oneOf(['monthly', 'yearly'] as const, sub.metadata?.plan, null)
  );
}

/** current_period_end: on the items since API 2025-03 (on the subscription before). */
export function periodEndOf(sub: Stripe.Subscription): number {
  const item = sub.items?.data?.[0] as { current_period_end?: number } | undefined;
  const legacy = (sub as unknown as { current_period_end?: number }).current_period_end;
  return num(item?.current_period_end ?? legacy);
}

export async function applySubscriptionEvent(
  deps: WebhookDeps,
  tx: Transaction,
  uid: string,
  event: Stripe.Event,
  sub: Stripe.Subscription,
): Promise<Applied> {
  const { db, now } = deps;
  const base = { subscriptionId: sub.id, uid: uid || null };
  const customerId = idOf(sub.customer) ?? '';
  const periodEnd = periodEndOf(sub);
  const status = oneOf(PLUS_STATUSES, sub.status, null) as PlusStatus | null;
  if (!uid || !status || periodEnd <= 0) {
    logger.warn('stripe webhook: subscription event matches no user', {
      eventId: event.id,
      subscriptionId: sub.id,
    });
    return { outcome: 'subscription-unmatched', paymentId: null, record: base };
  }
  const ref = plusSubscriptionRef(db, uid);
  const existing = readPlusSubscription(await tx.get(ref));
  const eventAt = new Date(event.created * 1000);
  if (existing && existing.stripeUpdatedAt.getTime() > eventAt.getTime()) {
    return { outcome: 'subscription-stale', paymentId: null, record: base };
  }
  const next = {
    subscriptionId: sub.id,
    customerId,
    plan: planOfSubscription(sub) ?? existing?.plan ?? 'monthly',
    status,
    currentPeriodEnd: new Date(periodEnd * 1000),
    cancelAtPeriodEnd: Boolean(sub.cancel_at_period_end),
    stripeUpdatedAt: eventAt,
    updatedAt: now,
    pastDueSince:
      status === 'past_due'
        ? existing?.subscriptionId === sub.id && existing.status === 'past_due' && existing.pastDueSince
          ? existing.pastDueSince
          : eventAt
        : null,
  };
  if (
    existing &&
    existing.subscriptionId !== sub.id &&
    plusAccess(existing, now).entitled &&
    !plusAccess(next, now).entitled
  ) {
    // A late event about an earlier subscription (canceled, then the learner subscribed again).
    return { outcome: 'subscription-other', paymentId: null, record: base };
  }
  tx.set(ref, next);
  return {
    outcome: 'subscription-updated',
    paymentId: null,
    record: { ...base, status, cancelAtPeriodEnd: next.cancelAtPeriodEnd },
  };
}

/** A line's recurring interval, or — when the line names no price — the plan its period spans. */
function planOfInvoice(invoice: Stripe.Invoice, fallback: string): PlusPlan {
  const line = invoice.lines?.data?.[0] as
    | { price?: { recurring?: { interval?: string } | null } | null; period?: { start: number; end: number } }
    | undefined;
  const byPrice = plusPlanOfInterval(line?.price?.recurring?.interval);
  if (byPrice) return byPrice;
  if (line?.period && line.period.end - line.period.start > 62 * 86_400) return 'yearly';
  if (line?.period) return 'monthly';
  return fallback === 'yearly' ? 'yearly' : 'monthly';
}

export async function applyInvoiceEvent(
  deps: WebhookDeps,
  tx: Transaction,
  uid: string,
  event: Stripe.Event,
  invoice: Stripe.Invoice,
): Promise<Applied> {
  const { db, now } = deps;
  const { subscriptionId, metadata } = invoiceSubscription(invoice);
  const base = { invoiceId: invoice.id ?? null, subscriptionId: subscriptionId || null, uid: uid || null };
  if (!subscriptionId || !invoice.id) return { outcome: 'invoice-ignored', paymentId: null, record: base };
  if (!uid) {
    logger.warn('stripe webhook: subscription invoice matches no user', {
      eventId: event.id,
      invoiceId: invoice.id,
    });
    return { outcome: 'invoice-unmatched', paymentId: null, record: base };
  }
  if (event.type === 'invoice.payment_failed') {
    return { outcome: 'invoice-payment-failed', paymentId: null, record: base };
  }
  const invoiceId = safeId(invoice.id);
  if (!invoiceId) return { outcome: 'invoice-ignored', paymentId: null, record: base };
  const ref = plusInvoiceRef(db, invoiceId);
  if ((await tx.get(ref)).exists)
    return { outcome: 'invoice-already-recorded', paymentId: null, record: base };
  const paidAtSec = num(invoice.status_transitions?.paid_at) || event.created;
  const paidAt = new Date(paidAtSec * 1000);
  tx.create(ref, {
    invoiceId,
    uid,
    subscriptionId,
    plan: planOfInvoice(invoice, str(metadata.plan)),
    amountPaid: num(invoice.amount_paid),
    currency: str(invoice.currency, 'usd').toUpperCase(),
    month: plusMonthOf(paidAt),
    paidAt,
    amountRefunded: 0,
    // How a refunded charge finds its invoice (newer Stripe API versions send no charge.invoice).
    ...(paymentIntentOf(invoice) ? { paymentIntentId: paymentIntentOf(invoice) } : {}),
    createdAt: now,
  });
  return {
    outcome: 'invoice-recorded',
    paymentId: null,
    record: { ...base, amountPaid: num(invoice.amount_paid) },
  };
}

/** The invoice's payment intent id (older API versions: `payment_intent`; newer: `payments`), or null. */
function paymentIntentOf(invoice: Stripe.Invoice): string | null {
  const raw = (invoice as unknown as { payment_intent?: unknown }).payment_intent;
  const id = typeof raw === 'string' ? raw : (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && /^pi_[A-Za-z0-9_]+$/.test(id) ? id : null;
}

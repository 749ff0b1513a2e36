// Signed Plus membership events (customer.subscription.*, invoice.*) as Stripe sends them, for the
// webhook int tests, the abuse suite and e2e: the same object builders the local checkout uses.
import type { PlusPlan, PlusStatus } from '@skillverse/domain/plus';
import { randomBytes } from 'node:crypto';
import {
  type LocalSubscriptionState,
  localInvoiceObject,
  localSubscriptionObject,
} from '../src/plus/local-plus';
import { stripeEvent } from './stripe-events';

export type { LocalSubscriptionState };

export function subscriptionState(
  uid: string,
  over: Partial<LocalSubscriptionState> & { plan?: PlusPlan; status?: PlusStatus } = {},
): LocalSubscriptionState {
  const now = new Date();
  return {
    id: `sub_test_${randomBytes(8).toString('hex')}`,
    customer: `cus_test_${randomBytes(8).toString('hex')}`,
    uid,
    plan: 'monthly',
    status: 'active',
    periodStart: now,
    periodEnd: new Date(now.getTime() + 30 * 86_400_000),
    cancelAtPeriodEnd: false,
    ...over,
  };
}

/** A signed-able event with an explicit `created` (seconds), so tests can order them. */
export function subscriptionEvent(
  type: 'customer.subscription.created' | 'customer.subscription.updated' | 'customer.subscription.deleted',
  s: LocalSubscriptionState,
  createdSec: number,
) {
  return {
    ...stripeEvent(type, localSubscriptionObject(s, new Date(createdSec * 1000))),
    created: createdSec,
  };
}

export function invoiceEvent(
  type: 'invoice.paid' | 'invoice.payment_failed',
  s: LocalSubscriptionState,
  createdSec: number,
  invoiceId = `in_test_${randomBytes(8).toString('hex')}`,
) {
  const at = new Date(createdSec * 1000);
  return {
    ...stripeEvent(type, localInvoiceObject(s, type === 'invoice.paid', 'subscription_cycle', at, invoiceId)),
    created: createdSec,
  };
}

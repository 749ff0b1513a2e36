// The emulator's stand-ins for Stripe Checkout (mode 'subscription') and the Customer Portal
// (issue 18 item 2): each builds the events Stripe would send — customer.subscription.created |
// updated, invoice.paid | payment_failed — signs them like Stripe and POSTs them to stripeWebhook,
// so entitlement runs exactly the code production runs. Emulator only; the caller's own membership.
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type {
  completeLocalPlusCheckout as checkoutContract,
  LocalPlusEventsResponse,
  localPlusPortalAction as portalContract,
} from '@skillverse/domain/contracts/plus-membership';
import {
  PLUS_PRICES,
  type PlusPlan,
  type PlusStatus,
  plusAccess,
  plusPeriodEnd,
} from '@skillverse/domain/plus';
import { randomBytes } from 'node:crypto';
import { plusSubscriptionRef, readPlusSubscription } from '../lib/data/plus-membership';
import { failedPrecondition } from '../lib/errors';
import { deliverLocalStripeEvent, type LocalStripeDeps, localStripeEvent } from '../billing/local-stripe';
import { ensurePlusCustomer, localCustomerId } from './plus-checkout';

const sec = (d: Date) => Math.floor(d.getTime() / 1000);
const localId = (prefix: string) => `${prefix}_local_${randomBytes(10).toString('hex')}`;

export interface LocalSubscriptionState {
  id: string;
  customer: string;
  uid: string;
  plan: PlusPlan;
  status: PlusStatus;
  periodStart: Date;
  periodEnd: Date;
  cancelAtPeriodEnd: boolean;
}

/** A Stripe Subscription object (API 2025+: the period on the item) for the local state. */
export function localSubscriptionObject(s: LocalSubscriptionState, now: Date) {
  const price = PLUS_PRICES[s.plan];
  return {
    id: s.id,
    object: 'subscription',
    customer: s.customer,
    status: s.status,
    cancel_at_period_end: s.cancelAtPeriodEnd,
    cancel_at: s.cancelAtPeriodEnd ? sec(s.periodEnd) : null,
    canceled_at: s.cancelAtPeriodEnd || s.status === 'canceled' ? sec(now) : null,
    created: sec(s.periodStart),
    livemode: false,
    metadata: { uid: s.uid, plan: s.plan },
    items: {
      object: 'list',
      data: [
        {
          id: `si_${s.id}`,
          object: 'subscription_item',
          current_period_start: sec(s.periodStart),
          current_period_end: sec(s.periodEnd),
          price: {
            id: `price_local_plus_${s.plan}`,
            object: 'price',
            currency: price.currency.toLowerCase(),
            unit_amount: price.amount,
            recurring: { interval: price.interval, interval_count: 1 },
          },
          quantity: 1,
        },
      ],
    },
  };
}

/** A Stripe Invoice object of the subscription's current period. */
export function localInvoiceObject(
  s: LocalSubscriptionState,
  paid: boolean,
  billingReason: 'subscription_create' | 'subscription_cycle' | 'subscription_update',
  now: Date,
  id = localId('in'),
) {
  const price = PLUS_PRICES[s.plan];
  return {
    id,
    object: 'invoice',
    customer: s.customer,
    status: paid ? 'paid' : 'open',
    billing_reason: billingReason,
    amount_due: price.amount,
    amount_paid: paid ? price.amount : 0,
    currency: price.currency.toLowerCase(),
    attempt_count: 1,
    created: sec(now),
    livemode: false,
    status_transitions: { paid_at: paid ? sec(now) : null },
    parent: {
      type: 'subscription_details',
      quote_details: null,
      subscription_details: { subscription: s.id, metadata: { uid: s.uid, plan: s.plan } },
    },
    lines: {
      object: 'list',
      data: [
        {
          id: `il_${id}`,
          object: 'line_item',
          amount: price.amount,
          currency: price.currency.toLowerCase(),
          period: { start: sec(s.periodStart), end: sec(s.periodEnd) },
        },
      ],
    },
  };
}

async function deliver(deps: LocalStripeDeps, events: { id: string }[]): Promise<string[]> {
  for (const event of events) {
    await deliverLocalStripeEvent(deps, event, {
      what: 'local plus: webhook refused the event',
      consequence: 'the membership was not changed',
    });
  }
  return events.map((e) => e.id);
}

function requireEmulator(deps: LocalStripeDeps): void {
  if (!deps.emulator)
    throw failedPrecondition('The local Plus checkout and portal exist only in the Firebase emulator.');
}

export async function completeLocalPlusCheckout(
  deps: LocalStripeDeps,
  caller: { uid: string },
  input: ParsedRequestOf<typeof checkoutContract>,
): Promise<LocalPlusEventsResponse> {
  requireEmulator(deps);
  const { db, now } = deps;
  const current = readPlusSubscription(await plusSubscriptionRef(db, caller.uid).get());
  if (input.outcome === 'cancelled') return { eventIds: [], status: current?.status ?? 'none' };
  if (current && plusAccess(current, now).entitled && current.status !== 'canceled') {
    return { eventIds: [], status: current.status };
  }
  // The user's one local customer, recorded once (as Stripe Checkout would create it).
  const customer = await ensurePlusCustomer({ db, now, stripe: null }, caller);
  const state: LocalSubscriptionState = {
    id: localId('sub'),
    customer,
    uid: caller.uid,
    plan: input.plan,
    status: 'active',
    periodStart: now,
    periodEnd: plusPeriodEnd(now, input.plan),
    cancelAtPeriodEnd: false,
  };
  const eventIds = await deliver(deps, [
    localStripeEvent(
      localId('evt'),
      'customer.subscription.created',
      localSubscriptionObject(state, now),
      now,
    ),
    localStripeEvent(
      localId('evt'),
      'invoice.paid',
      localInvoiceObject(state, true, 'subscription_create', now),
      now,
    ),
  ]);
  return { eventIds, status: 'active' };
}

export async function localPlusPortalAction(
  deps: LocalStripeDeps,
  caller: { uid: string },
  input: ParsedRequestOf<typeof portalContract>,
): Promise<LocalPlusEventsResponse> {
  requireEmulator(deps);
  const { db, now } = deps;
  const current = readPlusSubscription(await plusSubscriptionRef(db, caller.uid).get());
  if (!current || current.customerId !== localCustomerId(caller.uid)) {
    throw failedPrecondition('You have no local Plus membership to manage.');
  }
  if (current.status === 'canceled' || !plusAccess(current, now).entitled) {
    throw failedPrecondition('This membership has ended: subscribe again on the Plus page.');
  }
  const state: LocalSubscriptionState = {
    id: current.subscriptionId,
    customer: current.customerId,
    uid: caller.uid,
    plan: current.plan,
    status: current.status,
    periodStart: now,
    periodEnd: current.currentPeriodEnd,
    cancelAtPeriodEnd: current.cancelAtPeriodEnd,
  };
  const updated = (s: LocalSubscriptionState) =>
    localStripeEvent(localId('evt'), 'customer.subscription.updated', localSubscriptionObject(s, now), now);
  let events: { id: string }[];
  switch (input.action) {
    case 'switch-plan': {
      if (!input.plan || input.plan === current.plan)
        throw failedPrecondition('Choose the other plan to switch to.');
      const next = {
        ...state,
        plan: input.plan,
        periodStart: now,
        periodEnd: plusPeriodEnd(now, input.plan),
        cancelAtPeriodEnd: false,
      };
      events = [
        updated(next),
        localStripeEvent(
          localId('evt'),
          'invoice.paid',
          localInvoiceObject(next, true, 'subscription_update', now),
          now,
        ),
      ];
      break;
    }
    case 'cancel':
      if (current.cancelAtPeriodEnd) return { eventIds: [], status: current.status };
      events = [updated({ ...state, cancelAtPeriodEnd: true })];
      break;
    case 'resume':
      if (!current.cancelAtPeriodEnd) return { eventIds: [], status: current.status };
      events = [updated({ ...state, cancelAtPeriodEnd: false })];
      break;
    case 'fail-payment': {
      // The renewal's card is declined: Stripe starts the next period unpaid and retries.
      const next = {
        ...state,
        status: 'past_due' as const,
        periodStart: current.currentPeriodEnd,
        periodEnd: plusPeriodEnd(current.currentPeriodEnd, current.plan),
      };
      events = [
        localStripeEvent(
          localId('evt'),
          'invoice.payment_failed',
          localInvoiceObject(next, false, 'subscription_cycle', now),
          now,
        ),
        updated(next),
      ];
      break;
    }
    case 'pay': {
      if (current.status !== 'past_due') return { eventIds: [], status: current.status };
      const next = { ...state, status: 'active' as const };
      events = [
        localStripeEvent(
          localId('evt'),
          'invoice.paid',
          localInvoiceObject(next, true, 'subscription_cycle', now),
          now,
        ),
        updated(next),
      ];
      break;
    }
  }
  const eventIds = await deliver(deps, events);
  const after = readPlusSubscription(await plusSubscriptionRef(db, caller.uid).get());
  return { eventIds, status: after?.status ?? 'none' };
}

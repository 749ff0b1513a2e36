// Plus membership, step 1 (issue 18 item 2): one Stripe customer per user, created idempotently and
// recorded server-side (users/{uid}/private/account.stripeCustomerId + stripeCustomers/{id} → uid),
// then a `mode: 'subscription'` Checkout Session — or, without STRIPE_SECRET_KEY in the emulator,
// the local checkout page. The Customer Portal (or its local page) manages it afterwards.
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import {
  type createPlusCheckoutSession as checkoutContract,
  type createPlusPortalSession as portalContract,
  LOCAL_PLUS_PORTAL_PATH,
  localPlusCheckoutPath,
  type PlusRedirectResponse,
} from '@skillverse/domain/contracts/plus-membership';
import { str } from '@skillverse/domain/fields';
import { plusAccess } from '@skillverse/domain/plus';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError } from 'firebase-functions/v2/https';
import type Stripe from 'stripe';
import { plusSubscriptionRef, readPlusSubscription, stripeCustomerRef } from '../lib/data/plus-membership';
import { accountRef } from '../lib/data/users';
import { failedPrecondition } from '../lib/errors';
import { runCallableTransaction } from '../lib/firestore';

export interface PlusCheckoutDeps {
  db: Firestore;
  now: Date;
  stripe: Stripe | null;
  allowLocal: boolean;
  appUrl: string;
  /** The configured Stripe Price id of a plan ('' when not configured). */
  priceId: (plan: 'monthly' | 'yearly') => string;
}

/** The id of the emulator's stand-in customer of `uid`. */
export const localCustomerId = (uid: string) => `cus_local_${uid}`;

/**
 * The caller's Stripe customer, created once: the account's stripeCustomerId when set; else a new
 * customer (Stripe idempotency key per user, so a concurrent or retried call gets the same one),
 * recorded in a transaction that keeps whichever id was recorded first.
 */
export async function ensurePlusCustomer(
  deps: Pick<PlusCheckoutDeps, 'db' | 'now' | 'stripe'>,
  caller: { uid: string; email?: string | null },
): Promise<string> {
  const { db, stripe } = deps;
  const aRef = accountRef(db, caller.uid);
  const recorded = str((await aRef.get()).get('stripeCustomerId'));
  const wantLocal = !stripe;
  if (recorded && recorded.startsWith('cus_local_') === wantLocal) return recorded;
  let customerId: string;
  if (stripe) {
    const customer = await stripe.customers.create(
      { ...(caller.email ? { email: caller.email } : {}), metadata: { uid: caller.uid } },
      { idempotencyKey: `plus_customer_${caller.uid}` },
    );
    customerId = customer.id;
  } else {
    customerId = localCustomerId(caller.uid);
  }
  return runCallableTransaction(db, async (tx) => {
    const snap = await tx.get(aRef);
    const now = str(snap.get('stripeCustomerId'));
    if (now && now.startsWith('cus_local_') === wantLocal) return now;
    if (snap.exists) tx.update(aRef, { stripeCustomerId: customerId });
    else tx.set(aRef, { stripeCustomerId: customerId }, { merge: true });
    tx.set(stripeCustomerRef(db, customerId), { uid: caller.uid, createdAt: deps.now });
    return customerId;
  });
}

export async function createPlusCheckoutSession(
  deps: PlusCheckoutDeps,
  caller: { uid: string; email?: string | null },
  input: ParsedRequestOf<typeof checkoutContract>,
): Promise<PlusRedirectResponse & { customerId: string }> {
  const { db, now, stripe } = deps;
  if (!stripe && !deps.allowLocal) {
    logger.error('plus checkout: STRIPE_SECRET_KEY is not configured');
    throw failedPrecondition('Plus is not available right now: payments are not configured.');
  }
  const priceId = stripe ? deps.priceId(input.plan) : '';
  if (stripe && !priceId) {
    logger.error('plus checkout: no Stripe Price configured', { plan: input.plan });
    throw failedPrecondition('This Plus plan is not available right now.');
  }
  const current = readPlusSubscription(await plusSubscriptionRef(db, caller.uid).get());
  if (current && plusAccess(current, now).entitled && current.status !== 'canceled') {
    throw new HttpsError('already-exists', 'You already have Plus: change your plan in "Manage membership".');
  }
  // Locally the customer is recorded when the local checkout is paid (completeLocalPlusCheckout),
  // as Stripe Checkout would create it: opening the page writes nothing.
  if (!stripe)
    return { mode: 'local', url: localPlusCheckoutPath(input.plan), customerId: localCustomerId(caller.uid) };
  const customerId = await ensurePlusCustomer(deps, caller);

  const appUrl = deps.appUrl.replace(/\/$/, '');
  const metadata = { uid: caller.uid, plan: input.plan };
  try {
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer: customerId,
      client_reference_id: caller.uid,
      line_items: [{ price: priceId, quantity: 1 }],
      metadata,
      subscription_data: { metadata },
      success_url: input.successUrl ?? `${appUrl}/plus?checkout=success`,
      cancel_url: input.cancelUrl ?? `${appUrl}/plus?checkout=cancelled`,
    });
    if (!session.url) throw new Error('no url');
    return { mode: 'stripe', url: session.url, customerId };
  } catch (error) {
    logger.error('plus checkout: Stripe refused the session', {
      uid: caller.uid,
      reason: error instanceof Error ? error.message : String(error),
    });
    throw new HttpsError(
      'unavailable',
      'The payment provider is not reachable right now; try again shortly.',
    );
  }
}

export async function createPlusPortalSession(
  deps: PlusCheckoutDeps,
  caller: { uid: string },
  input: ParsedRequestOf<typeof portalContract>,
): Promise<PlusRedirectResponse> {
  const { db, stripe } = deps;
  const customerId = str((await accountRef(db, caller.uid).get()).get('stripeCustomerId'));
  const sub = readPlusSubscription(await plusSubscriptionRef(db, caller.uid).get());
  if (!customerId || !sub) throw failedPrecondition('You have no Plus membership to manage.');
  if (!stripe) {
    if (!deps.allowLocal)
      throw failedPrecondition('Plus is not available right now: payments are not configured.');
    return { mode: 'local', url: LOCAL_PLUS_PORTAL_PATH };
  }
  const appUrl = deps.appUrl.replace(/\/$/, '');
  try {
    const session = await stripe.billingPortal.sessions.create({
      customer: customerId,
      return_url: input.returnUrl ?? `${appUrl}/plus`,
    });
    return { mode: 'stripe', url: session.url };
  } catch (error) {
    logger.error('plus portal: Stripe refused the session', {
      uid: caller.uid,
      reason: error instanceof Error ? error.message : String(error),
    });
    throw new HttpsError(
      'unavailable',
      'The payment provider is not reachable right now; try again shortly.',
    );
  }
}

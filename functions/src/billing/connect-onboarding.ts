// Instructor payouts, onboarding (Stripe Connect Express) and the keyless local path.
//
// createConnectOnboardingLink (educator only): creates the educator's Express account once —
// Stripe idempotency key per educator, and educatorPayouts/{uid}.accountId written in a
// transaction that keeps the first account — then returns an Account Link (account_onboarding)
// that brings them back to the dashboard. Without STRIPE_SECRET_KEY (emulator only) it stores a
// simulated account (acct_local_…) and returns the local onboarding page.
//
// completeLocalOnboarding / runLocalPayout (emulator only, educator only): build the Stripe events
// a real onboarding or payout would produce (account.updated, payout.paid), sign them like Stripe
// and POST them to stripeWebhook — so the local path runs the same webhook code as production.
import {
  type CompleteLocalOnboardingResponse,
  type CreateConnectOnboardingLinkResponse,
  LOCAL_ONBOARDING_PATH,
  onboardingState,
  PAYOUTS_RETURN_PATH,
  type RunLocalPayoutResponse,
} from '@skillverse/domain/payouts';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError } from 'firebase-functions/v2/https';
import type Stripe from 'stripe';
import { type Caller, failedPrecondition, isEducator } from '../lib/errors';
import { localAccountId } from './payouts-data';
import { deliverLocalStripeEvent, type LocalStripeDeps, localStripeEvent } from './local-stripe';
import { num } from '@skillverse/domain/fields';
import { educatorPayoutsRef, readConnectAccount, stripeAccountRef } from '../lib/data/payouts';
import { earningsRef } from '../lib/data/earnings';
import { readShardedCounters } from '../lib/sharded-counter';
import { runCallableTransaction } from '../lib/firestore';

export function requireEducator(caller: Caller): void {
  if (!isEducator(caller)) throw new HttpsError('permission-denied', 'Only educators can set up payouts.');
}

export interface OnboardingDeps {
  db: Firestore;
  now: Date;
  stripe: Stripe | null;
  /** The keyless local path exists only in the emulator. */
  allowLocal: boolean;
  appUrl: string;
}

export async function createConnectOnboardingLink(
  deps: OnboardingDeps,
  caller: Caller & { email?: string | null },
): Promise<CreateConnectOnboardingLinkResponse> {
  requireEducator(caller);
  const { db, now, stripe } = deps;
  const uid = caller.uid;
  const ref = educatorPayoutsRef(db, uid);
  const current = readConnectAccount(await ref.get());

  if (!stripe) {
    if (!deps.allowLocal) {
      logger.error('payouts: STRIPE_SECRET_KEY is not configured');
      throw failedPrecondition('Payouts are not available right now: payments are not configured.');
    }
    const accountId = current.accountId ?? localAccountId(uid);
    if (!current.accountId) await storeAccount(db, uid, accountId, 'local', now);
    return { mode: 'local', url: LOCAL_ONBOARDING_PATH, accountId };
  }

  let accountId = current.accountId;
  try {
    if (!accountId) {
      const account = await stripe.accounts.create(
        {
          type: 'express',
          ...(caller.email ? { email: caller.email } : {}),
          metadata: { uid },
          capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
          business_profile: { product_description: 'Online courses sold on SkillVerse' },
        },
        { idempotencyKey: `connect_account_${uid}` },
      );
      accountId = await storeAccount(db, uid, account.id, 'stripe', now);
    }
    const base = deps.appUrl.replace(/\/$/, '');
    const link = await stripe.accountLinks.create({
      account: accountId,
      type: 'account_onboarding',
      refresh_url: `${base}${PAYOUTS_RETURN_PATH}?payouts=refresh`,
      return_url: `${base}${PAYOUTS_RETURN_PATH}?payouts=return`,
    });
    return { mode: 'stripe', url: link.url, accountId };
  } catch (error) {
    if (error instanceof HttpsError) throw error;
    logger.error('payouts: Stripe refused the onboarding request', {
      uid,
      reason: error instanceof Error ? error.message : String(error),
    });
    throw new HttpsError(
      'unavailable',
      'The payment provider is not reachable right now; try again shortly.',
    );
  }
}

/** Keeps the first account stored for the educator (a concurrent call's, if it won). */
async function storeAccount(
  db: Firestore,
  uid: string,
  accountId: string,
  mode: 'stripe' | 'local',
  now: Date,
): Promise<string> {
  const ref = educatorPayoutsRef(db, uid);
  return runCallableTransaction(db, async (tx) => {
    const snap = await tx.get(ref);
    const existing = readConnectAccount(snap).accountId;
    if (existing) return existing;
    tx.set(
      ref,
      {
        uid,
        accountId,
        mode,
        chargesEnabled: false,
        payoutsEnabled: false,
        detailsSubmitted: false,
        requirementsDue: [],
        disabledReason: null,
        accountEventCreated: 0,
        createdAt: now,
        updatedAt: now,
      },
      { merge: true },
    );
    tx.set(stripeAccountRef(db, accountId), { uid, accountId });
    return accountId;
  });
}

// ---------------------------------------------------------------------------------------------
// Local (keyless) path

export type LocalDeps = LocalStripeDeps;

export function localConnectEvent(
  id: string,
  type: string,
  accountId: string,
  object: Record<string, unknown>,
  now: Date,
) {
  return localStripeEvent(id, type, object, now, accountId);
}

const deliver = (deps: LocalDeps, event: { id: string }) =>
  deliverLocalStripeEvent(deps, event, {
    what: 'local payouts: webhook refused the event',
    consequence: 'nothing was changed',
  });

async function localAccount(deps: LocalDeps, caller: Caller) {
  requireEducator(caller);
  if (!deps.emulator)
    throw failedPrecondition('The local payouts path exists only in the Firebase emulator.');
  const account = readConnectAccount(await educatorPayoutsRef(deps.db, caller.uid).get());
  if (!account.accountId)
    throw failedPrecondition('Start payouts setup first (createConnectOnboardingLink).');
  if (account.mode !== 'local' || !account.accountId.startsWith('acct_local_')) {
    throw failedPrecondition('This account is onboarded through Stripe, not the local path.');
  }
  return { ...account, accountId: account.accountId };
}

/** Simulates finishing Stripe's onboarding form: an account.updated with everything enabled. */
export async function completeLocalOnboarding(
  deps: LocalDeps,
  caller: Caller,
): Promise<CompleteLocalOnboardingResponse> {
  const account = await localAccount(deps, caller);
  const created = Math.floor(deps.now.getTime() / 1000);
  // Deterministic per account and second: a double click delivers the same event (a duplicate).
  const event = localConnectEvent(
    `evt_local_acct_${account.accountId}_${created}`,
    'account.updated',
    account.accountId,
    {
      id: account.accountId,
      object: 'account',
      type: 'express',
      charges_enabled: true,
      payouts_enabled: true,
      details_submitted: true,
      metadata: { uid: caller.uid },
      requirements: { currently_due: [], past_due: [], eventually_due: [], disabled_reason: null },
      created,
    },
    deps.now,
  );
  await deliver(deps, event);
  const after = readConnectAccount(await educatorPayoutsRef(deps.db, caller.uid).get());
  return { accountId: account.accountId, eventId: event.id, state: onboardingState(after) };
}

/**
 * Simulates the payout schedule: one payout.paid per currency with a balance on the connected
 * account (transferred net of refunds minus paid out). Payout ids are derived from what was paid out so far, so running it
 * twice without new sales delivers nothing new.
 */
export async function runLocalPayout(deps: LocalDeps, caller: Caller): Promise<RunLocalPayoutResponse> {
  const account = await localAccount(deps, caller);
  if (!account.payoutsEnabled) throw failedPrecondition('Finish payouts setup first.');
  // Exact: the folded totals plus the sales still in the counter shards.
  const earnings = (await readShardedCounters(deps.db, earningsRef(deps.db, caller.uid))) ?? {};
  // Only what destination charges moved to the connected account can be paid out from it; sales
  // held by the platform (made before payouts were set up) are not part of a Stripe payout.
  const totals = (earnings.transferred ?? {}) as Record<string, unknown>;
  const paidOut = (earnings.paidOut ?? {}) as Record<string, unknown>;
  const payouts: RunLocalPayoutResponse['payouts'] = [];
  const created = Math.floor(deps.now.getTime() / 1000);
  for (const [currency, total] of Object.entries(totals)) {
    const already = num(paidOut[currency]);
    const amount = num(total) - already;
    if (amount <= 0) continue;
    const payoutId = `po_local_${account.accountId.slice('acct_local_'.length)}_${currency}_${already}`;
    const event = localConnectEvent(
      `evt_local_${payoutId}`,
      'payout.paid',
      account.accountId,
      {
        id: payoutId,
        object: 'payout',
        amount,
        currency: currency.toLowerCase(),
        status: 'paid',
        arrival_date: created,
        created,
        failure_message: null,
        metadata: {},
      },
      deps.now,
    );
    await deliver(deps, event);
    payouts.push({ payoutId, amount, currency, status: 'paid' });
  }
  return { payouts };
}

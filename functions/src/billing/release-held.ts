// Payouts of held earnings (issue 16 item 9). A sale made while the educator could not receive
// destination charges credits an earning entry with `payout: 'pending'`: the money stays on the
// platform's Stripe balance. When their connected account becomes active (account.updated, after
// the webhook's commit — dispatch.ts afterCommit), this job moves what is held to them ONCE:
//
// 1. open: one transaction reads the educator's pending entries, creates one heldReleases record
//    per currency (state 'pending', amount, entry ids; the id is derived from the entries, so a
//    retried transaction finds it) and marks those entries 'releasing' — they are in no other
//    release, ever.
// 2. drive: for each release not 'paid': mark it 'transferring' (attempts + 1), create the Stripe
//    Transfer with the idempotency key derived from the record, then in one transaction mark the
//    release 'paid' with the transfer id, its entries 'transferred', and add the amount to the
//    educator's `transferred` total (what their connected account received) — once: the
//    transaction checks the state first.
//
// A crash or a Stripe failure anywhere leaves the release 'pending'/'transferring': the webhook
// answers 500, Stripe redelivers account.updated, the redelivery (a duplicate) runs this job again,
// and the same idempotency key makes Stripe return the transfer it already made rather than a
// second one. Keyless local accounts (acct_local_…, emulator) get a simulated tr_local_ transfer.
//
// A refund of a sale after its release (or during it) reverses that sale's share of the release's
// transfer on Connect: webhook/refund.ts reverseHeldSaleTransfer, one idempotency key per refund.
import {
  canReceiveDestinationCharges,
  heldAmountOfEntry,
  heldReleaseAction,
  heldReleaseId,
  heldReleaseIdempotencyKey,
} from '@skillverse/domain/payouts';
import { sha256Hex } from '@skillverse/domain/sha256';
import { num, str, strList } from '@skillverse/domain/fields';
import { type DocumentReference, FieldValue, type Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import type Stripe from 'stripe';
import { earningEntriesCol, earningEntryRef, earningsRef } from '../lib/data/earnings';
import { educatorPayoutsRef, heldReleaseRef, heldReleasesCol, readConnectAccount } from '../lib/data/payouts';
import { runTransactionRetrying } from '../lib/firestore';
import { reverseHeldSaleTransfer } from './webhook/refund';

/** Entries per release: one transaction writes the release, its entries and the total. */
export const MAX_ENTRIES_PER_RELEASE = 400;

export interface ReleaseDeps {
  db: Firestore;
  now: Date;
  stripe?: Stripe | null;
  /** Test seam: runs after Stripe answered and before the release is marked paid (a crash there). */
  afterTransfer?: (releaseId: string) => void | Promise<void>;
}

export interface ReleaseResult {
  releaseId: string;
  currency: string;
  amount: number;
  transferId: string;
}

/** Opens releases for held entries, then drives every unfinished release. Idempotent. */
export async function releaseHeldEarnings(deps: ReleaseDeps, uid: string): Promise<ReleaseResult[]> {
  const { db } = deps;
  const account = readConnectAccount(await educatorPayoutsRef(db, uid).get());
  if (!account.accountId || !canReceiveDestinationCharges(account)) return [];
  const local = account.mode === 'local' || account.accountId.startsWith('acct_local_');
  if (!local && !deps.stripe) {
    // A Stripe account but no STRIPE_SECRET_KEY here: open nothing (the entries stay held, and the
    // next account.updated after the key is configured moves them).
    logger.error('payouts: held earnings not transferred: STRIPE_SECRET_KEY is not configured', { uid });
    return [];
  }
  // Bounded: each round marks up to MAX_ENTRIES_PER_RELEASE entries per currency.
  for (let round = 0; round < 10; round += 1) {
    if (!(await openReleases(deps, uid, account.accountId))) break;
  }
  const open = await heldReleasesCol(db, uid).where('state', 'in', ['pending', 'transferring']).get();
  const done: ReleaseResult[] = [];
  for (const doc of open.docs) {
    done.push(await driveRelease(deps, uid, doc.ref, account.accountId, account.mode));
  }
  return done;
}

/** Step 1: one release per currency for the pending entries; true when it opened any. */
async function openReleases(deps: ReleaseDeps, uid: string, accountId: string): Promise<boolean> {
  const { db, now } = deps;
  return runTransactionRetrying(db, async (tx) => {
    const pending = await tx.get(
      earningEntriesCol(db, uid).where('payout', '==', 'pending').limit(MAX_ENTRIES_PER_RELEASE),
    );
    if (pending.empty) return false;
    const byCurrency = new Map<string, { ids: string[]; amount: number }>();
    const nothingHeld: DocumentReference[] = [];
    for (const entry of pending.docs) {
      const amount = heldAmountOfEntry(entry.data());
      if (amount <= 0) {
        nothingHeld.push(entry.ref);
        continue;
      }
      const currency = str(entry.get('currency'), 'USD').toUpperCase();
      const group = byCurrency.get(currency) ?? { ids: [], amount: 0 };
      group.ids.push(entry.id);
      group.amount += amount;
      byCurrency.set(currency, group);
    }
    const groups = [...byCurrency.entries()].map(([currency, g]) => {
      const ids = [...g.ids].sort();
      const releaseId = heldReleaseId(currency, sha256Hex(ids.join('\n')).slice(0, 20));
      return { currency, ids, amount: g.amount, releaseId, ref: heldReleaseRef(db, uid, releaseId) };
    });
    const existing = groups.length ? await tx.getAll(...groups.map((g) => g.ref)) : [];
    groups.forEach((g, i) => {
      if (!existing[i]?.exists) {
        tx.create(g.ref, {
          uid,
          releaseId: g.releaseId,
          accountId,
          currency: g.currency,
          amount: g.amount,
          entryIds: g.ids,
          state: 'pending',
          idempotencyKey: heldReleaseIdempotencyKey(uid, g.releaseId),
          transferId: null,
          attempts: 0,
          lastError: null,
          createdAt: now,
          updatedAt: now,
          paidAt: null,
        });
      }
      for (const id of g.ids) {
        const entry = pending.docs.find((e) => e.id === id)?.data() ?? {};
        tx.update(earningEntryRef(db, uid, id), {
          payout: 'releasing',
          releaseId: g.releaseId,
          // What this sale put into the release (a later refund reverses at most this much).
          releasedAmount: heldAmountOfEntry(entry),
          refundedAtRelease: num(entry.refundedAmount),
          updatedAt: now,
        });
      }
    });
    // Reversed (fully refunded) sales hold nothing: they leave the queue without a transfer.
    for (const ref of nothingHeld) tx.update(ref, { payout: 'none', updatedAt: now });
    return true;
  });
}

/** Step 2: the transfer of one release, exactly once. */
async function driveRelease(
  deps: ReleaseDeps,
  uid: string,
  ref: DocumentReference,
  accountId: string,
  mode: 'stripe' | 'local' | null,
): Promise<ReleaseResult> {
  const { db, now } = deps;
  const before = await runTransactionRetrying(db, async (tx) => {
    const snap = await tx.get(ref);
    const d = snap.data() ?? {};
    if (heldReleaseAction(str(d.state)) === 'transfer') {
      tx.update(ref, {
        state: 'transferring',
        attempts: FieldValue.increment(1),
        lastAttemptAt: now,
        updatedAt: now,
      });
    }
    return d;
  });
  const releaseId = ref.id;
  const currency = str(before.currency, 'USD');
  const amount = num(before.amount);
  if (before.state === 'paid') return { releaseId, currency, amount, transferId: str(before.transferId) };
  // The account the release was opened for (the educator cannot switch accounts mid-release).
  const destination = str(before.accountId) || accountId;
  const key = str(before.idempotencyKey) || heldReleaseIdempotencyKey(uid, releaseId);

  let transferId: string;
  try {
    if (mode === 'local' || destination.startsWith('acct_local_')) {
      transferId = `tr_local_${releaseId}`;
    } else if (deps.stripe) {
      const transfer = await deps.stripe.transfers.create(
        {
          amount,
          currency: currency.toLowerCase(),
          destination,
          transfer_group: `held_${uid}`,
          description: 'SkillVerse course sales held until payouts were set up',
          metadata: { uid, releaseId, kind: 'held_release' },
        },
        { idempotencyKey: key },
      );
      transferId = transfer.id;
    } else {
      throw new Error('STRIPE_SECRET_KEY is not configured: held earnings cannot be transferred');
    }
    await deps.afterTransfer?.(releaseId);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.error('payouts: transfer of held earnings failed; the webhook retry repeats it', {
      uid,
      releaseId,
      reason,
    });
    await ref.update({ lastError: reason.slice(0, 500), updatedAt: now }).catch(() => undefined);
    throw error;
  }

  await runTransactionRetrying(db, async (tx) => {
    const snap = await tx.get(ref);
    if (snap.get('state') === 'paid') return;
    const entryIds = strList(snap.get('entryIds'));
    tx.update(ref, { state: 'paid', transferId, paidAt: now, lastError: null, updatedAt: now });
    for (const id of entryIds) {
      tx.update(earningEntryRef(db, uid, id), { payout: 'transferred', transferId, updatedAt: now });
    }
    tx.set(
      earningsRef(db, uid),
      {
        instructorId: uid,
        transferred: { [currency]: FieldValue.increment(amount) },
        releasedHeld: { [currency]: FieldValue.increment(amount) },
        updatedAt: now,
      },
      { merge: true },
    );
  });
  logger.info('payouts: held earnings transferred', { uid, releaseId, amount, currency, transferId });
  // Sales refunded while their release was under way: reverse their share of the transfer now.
  const refunded = await earningEntriesCol(db, uid)
    .where('releaseId', '==', releaseId)
    .where('transferReversal', '==', 'pending')
    .get();
  for (const entry of refunded.docs) await reverseHeldSaleTransfer(deps, entry.ref);
  return { releaseId, currency, amount, transferId };
}

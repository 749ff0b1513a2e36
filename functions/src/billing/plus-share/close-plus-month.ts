// The monthly Plus revenue share (issue 18 item 5; docs/plus.md "Revenue share"). closePlusMonth(M)
// runs after M ended (a day's grace) and is safe to run any number of times, concurrently too:
//
// A. freeze (one transaction): plusMonths/{M} goes from absent to 'closing' and every carried
//    refund not yet assigned (plusCarries, appliedToMonth null) is assigned to M. From then on a
//    refund of an invoice of M no longer reduces M: the webhook sees the month is not open and
//    writes a carry for the next month instead (refund-plus-invoice.ts) — in a transaction that
//    reads plusMonths/{M}, so a refund is on one side of the freeze or the other, never both.
// B. compute (reads, then one transaction): M's invoices (paid minus refunds before the freeze),
//    the observed seconds per instructor (plusWatch of M), the carry lines (a late refund split
//    by its closed month's shares) and the negative balances the previous month carried out →
//    the split (domain/plus-split.ts). The transaction stores it on plusMonths/{M} ('computed')
//    only if no other run stored one first; every run then works from THE stored split.
// C. statements: plusStatements/{M}_{uid}, created if absent from the stored split (a second run
//    creates nothing).
// D. transfers: per statement with something payable, once. An educator who cannot receive
//    transfers yet has it HELD: an earnings entry `payout: 'pending'` (release-held.ts moves it
//    when their account becomes active). Otherwise: mark 'transferring', create the Stripe
//    Transfer with the statement's idempotency key (a concurrent or retried run gets the same
//    transfer back), then mark it 'paid' and credit the earnings entry — in a transaction that
//    checks the state first. Local accounts (acct_local_…) get a deterministic tr_local_ id.
// E. close: when every statement is settled, plusMonths/{M} becomes 'closed'.
import { canReceiveDestinationCharges } from '@skillverse/domain/payouts';
import {
  type ClosePlusMonthResponse,
  plusMonthClosable,
  plusMinutes,
  plusStatementId,
  plusTransferIdempotencyKey,
  previousPlusMonth,
  splitCarry,
  splitPlusRevenue,
  statementBalance,
} from '@skillverse/domain/plus-split';
import { isRecord, num, str } from '@skillverse/domain/fields';
import { type DocumentReference, FieldValue, type Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError } from 'firebase-functions/v2/https';
import type Stripe from 'stripe';
import { earningEntryRef, earningsRef } from '../../lib/data/earnings';
import { educatorPayoutsRef, readConnectAccount } from '../../lib/data/payouts';
import {
  plusCarriesCol,
  plusInvoicesCol,
  plusMonthRef,
  plusStatementRef,
  plusStatementsCol,
  plusWatchCol,
} from '../../lib/data/plus-revenue';
import { runTransactionRetrying } from '../../lib/firestore';

export interface ClosePlusDeps {
  db: Firestore;
  now: Date;
  feeBps: number;
  stripe?: Stripe | null;
  /** Test seam: after Stripe answered, before the statement is marked paid (a crash there). */
  afterTransfer?: (statementId: string) => void | Promise<void>;
}

/** One instructor's line of the stored split (plusMonths/{M}.instructors). */
export interface PlusMonthLine {
  instructorId: string;
  seconds: number;
  share: number;
  /** Their share of the distributable amount. */
  amount: number;
  /** Carried lines (≤ 0): late refunds of closed months, and last month's negative balance. */
  carryIn: number;
  payable: number;
  carryOut: number;
}

export type ClosePlusMonthResult = ClosePlusMonthResponse;

/** Invoices whose refunds a month can still absorb: absent month doc = open. */
export const isPlusMonthOpen = (state: unknown) => state === undefined || state === null;

const MAX_CHAIN_CHECK = 1;

export async function closePlusMonth(deps: ClosePlusDeps, month: string): Promise<ClosePlusMonthResult> {
  const { db, now } = deps;
  if (!plusMonthClosable(month, now)) {
    throw new HttpsError('failed-precondition', `${month} can close one day after it ends.`);
  }
  await requirePreviousClosed(db, month);
  const monthRef = plusMonthRef(db, month);

  // A. freeze
  await runTransactionRetrying(db, async (tx) => {
    const snap = await tx.get(monthRef);
    if (snap.exists) return;
    const carries = await tx.get(plusCarriesCol(db).where('appliedToMonth', '==', null));
    tx.create(monthRef, { month, state: 'closing', startedAt: now, updatedAt: now });
    for (const carry of carries.docs) tx.update(carry.ref, { appliedToMonth: month, updatedAt: now });
  });

  // B. compute (once: the first stored split wins)
  let monthDoc = (await monthRef.get()).data() ?? {};
  if (monthDoc.state === 'closing') {
    const computed = await computeMonth(deps, month);
    monthDoc = await runTransactionRetrying(db, async (tx) => {
      const snap = await tx.get(monthRef);
      const current = snap.data() ?? {};
      if (current.state !== 'closing') return current;
      const next = { ...current, ...computed, state: 'computed', computedAt: now, updatedAt: now };
      tx.set(monthRef, next);
      return next;
    });
  }
  const lines = readLines(monthDoc.instructors);
  const currency = str(monthDoc.currency, 'USD');

  // C. statements
  const totals = {
    paid: num(monthDoc.paid),
    refundedBeforeClose: num(monthDoc.refundedBeforeClose),
    netRevenue: num(monthDoc.netRevenue),
    platformFee: num(monthDoc.platformFee),
    distributable: num(monthDoc.distributable),
    roundingCents: num(monthDoc.roundingCents),
    undistributed: num(monthDoc.undistributed),
    totalSeconds: num(monthDoc.totalSeconds),
    instructors: lines.length,
  };
  for (let i = 0; i < lines.length; i += 200) {
    const chunk = lines.slice(i, i + 200);
    await runTransactionRetrying(db, async (tx) => {
      const refs = chunk.map((l) => plusStatementRef(db, plusStatementId(month, l.instructorId)));
      const snaps = await tx.getAll(...refs);
      chunk.forEach((line, j) => {
        const ref = refs[j];
        if (!ref || snaps[j]?.exists) return;
        tx.create(ref, {
          month,
          instructorId: line.instructorId,
          seconds: line.seconds,
          minutes: plusMinutes(line.seconds),
          share: line.share,
          amount: line.amount,
          carryIn: line.carryIn,
          payable: line.payable,
          carryOut: line.carryOut,
          currency,
          totals,
          transferState: line.payable > 0 ? 'pending' : 'none',
          idempotencyKey: plusTransferIdempotencyKey(month, line.instructorId),
          transferId: null,
          attempts: 0,
          lastError: null,
          createdAt: now,
          updatedAt: now,
        });
      });
    });
  }

  // D. transfers
  const transfers: ClosePlusMonthResult['transfers'] = [];
  let unsettled = 0;
  for (const line of lines) {
    if (line.payable <= 0) continue;
    const ref = plusStatementRef(db, plusStatementId(month, line.instructorId));
    try {
      transfers.push(await settleStatement(deps, ref, line.instructorId, month));
    } catch (error) {
      unsettled += 1;
      logger.error('plus: statement transfer failed; the next run retries it', {
        month,
        instructorId: line.instructorId,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }

  // E. close
  if (unsettled === 0 && monthDoc.state !== 'closed') {
    await runTransactionRetrying(db, async (tx) => {
      const snap = await tx.get(monthRef);
      if (snap.get('state') === 'computed')
        tx.update(monthRef, { state: 'closed', closedAt: now, updatedAt: now });
    });
  }
  return {
    month,
    state: unsettled === 0 ? 'closed' : 'computed',
    currency,
    distributable: num(monthDoc.distributable),
    statements: lines.length,
    transfers,
  };
}

/** The previous month must be closed first, unless nothing happened in it. */
async function requirePreviousClosed(db: Firestore, month: string): Promise<void> {
  let m = month;
  for (let i = 0; i < MAX_CHAIN_CHECK; i++) {
    m = previousPlusMonth(m);
    const snap = await plusMonthRef(db, m).get();
    if (snap.get('state') === 'closed') return;
    const [invoices, watch] = await Promise.all([
      plusInvoicesCol(db).where('month', '==', m).limit(1).get(),
      plusWatchCol(db).where('month', '==', m).limit(1).get(),
    ]);
    if (snap.exists || !invoices.empty || !watch.empty) {
      throw new HttpsError('failed-precondition', `Close ${m} before ${month}.`);
    }
  }
}

/** Step B's inputs → the split and the month's totals (pure given the reads). */
async function computeMonth(deps: ClosePlusDeps, month: string) {
  const { db } = deps;
  const [invoices, watch, carries, previous] = await Promise.all([
    plusInvoicesCol(db).where('month', '==', month).get(),
    plusWatchCol(db).where('month', '==', month).get(),
    plusCarriesCol(db).where('appliedToMonth', '==', month).get(),
    plusStatementsCol(db).where('month', '==', previousPlusMonth(month)).where('carryOut', '<', 0).get(),
  ]);
  const currencies = new Set<string>();
  let paid = 0;
  let refundedBeforeClose = 0;
  for (const inv of invoices.docs) {
    currencies.add(str(inv.get('currency'), 'USD').toUpperCase());
    const amount = Math.max(0, Math.round(num(inv.get('amountPaid'))));
    paid += amount;
    // Refunds after the freeze were carried (refundCarried), not taken from this month.
    const before = Math.max(0, num(inv.get('amountRefunded')) - num(inv.get('refundCarried')));
    refundedBeforeClose += Math.min(amount, before);
  }
  for (const c of carries.docs) currencies.add(str(c.get('currency'), 'USD').toUpperCase());
  if (currencies.size > 1) {
    throw new Error(
      `plus: ${month} mixes currencies (${[...currencies].join(', ')}); one Plus currency expected`,
    );
  }
  const currency = [...currencies][0] ?? 'USD';

  const seconds = new Map<string, number>();
  for (const w of watch.docs) {
    const instructorId = str(w.get('instructorId'));
    if (!instructorId) continue;
    seconds.set(
      instructorId,
      (seconds.get(instructorId) ?? 0) + Math.max(0, Math.floor(num(w.get('seconds')))),
    );
  }
  const split = splitPlusRevenue({
    paid,
    refunded: refundedBeforeClose,
    currency,
    feeBps: deps.feeBps,
    instructors: [...seconds.entries()].map(([instructorId, s]) => ({ instructorId, seconds: s })),
  });

  // Carry lines: each late refund, split by the shares of the month it belonged to.
  const carryIn = new Map<string, number>();
  const add = (id: string, amount: number) => carryIn.set(id, (carryIn.get(id) ?? 0) + amount);
  const closedLines = new Map<string, PlusMonthLine[]>();
  const closedFee = new Map<string, number>();
  let carriedRefunds = 0;
  for (const c of carries.docs) {
    const from = str(c.get('fromMonth'));
    if (!closedLines.has(from)) {
      const fromDoc = await plusMonthRef(db, from).get();
      closedLines.set(from, readLines(fromDoc.get('instructors')));
      closedFee.set(from, num(fromDoc.get('feeBps'), deps.feeBps));
    }
    const lines = splitCarry({
      refunded: num(c.get('amount')),
      currency,
      // The fee the closed month took: its instructors give back what they received of it.
      feeBps: closedFee.get(from) ?? deps.feeBps,
      closedShares: (closedLines.get(from) ?? []).map((l) => ({
        instructorId: l.instructorId,
        seconds: l.seconds,
      })),
    });
    carriedRefunds += num(c.get('amount'));
    for (const l of lines) add(l.instructorId, l.amount);
  }
  let carriedFromPrevious = 0;
  for (const s of previous.docs) {
    const out = num(s.get('carryOut'));
    carriedFromPrevious += out;
    add(str(s.get('instructorId')), out);
  }

  const ids = new Set([...split.shares.map((s) => s.instructorId), ...carryIn.keys()]);
  const byId = new Map(split.shares.map((s) => [s.instructorId, s]));
  const instructors: PlusMonthLine[] = [...ids].sort().map((instructorId) => {
    const share = byId.get(instructorId);
    const carry = carryIn.get(instructorId) ?? 0;
    const balance = statementBalance(share?.amount ?? 0, carry);
    return {
      instructorId,
      seconds: share?.seconds ?? 0,
      share: share?.share ?? 0,
      amount: share?.amount ?? 0,
      carryIn: carry,
      ...balance,
    };
  });
  // Reconciliation to the cent: what is paid is the shares plus the carried lines, less what
  // carries on; the shares are the distributable amount (unless nobody was observed).
  const sum = (f: (l: PlusMonthLine) => number) => instructors.reduce((s, l) => s + f(l), 0);
  const distributed = sum((l) => l.amount);
  if (distributed + split.undistributed !== split.distributable)
    throw new Error('plus: split does not reconcile');
  if (sum((l) => l.payable) !== distributed + sum((l) => l.carryIn) - sum((l) => l.carryOut)) {
    throw new Error('plus: statements do not reconcile');
  }
  return {
    currency,
    feeBps: deps.feeBps,
    invoiceCount: invoices.size,
    paid,
    refundedBeforeClose,
    netRevenue: split.netRevenue,
    platformFee: split.platformFee,
    distributable: split.distributable,
    distributed,
    roundingCents: split.roundingCents,
    undistributed: split.undistributed,
    totalSeconds: split.totalSeconds,
    carryIds: carries.docs.map((d) => d.id).sort(),
    carriedRefunds,
    carriedFromPrevious,
    carryInTotal: sum((l) => l.carryIn),
    payableTotal: sum((l) => l.payable),
    carryOutTotal: sum((l) => l.carryOut),
    instructors,
  };
}

function readLines(value: unknown): PlusMonthLine[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((l) => ({
    instructorId: str(l.instructorId),
    seconds: num(l.seconds),
    share: num(l.share),
    amount: num(l.amount),
    carryIn: num(l.carryIn),
    payable: num(l.payable),
    carryOut: num(l.carryOut),
  }));
}

/** Step D for one statement: held, or transferred exactly once. */
async function settleStatement(
  deps: ClosePlusDeps,
  ref: DocumentReference,
  instructorId: string,
  month: string,
): Promise<ClosePlusMonthResult['transfers'][number]> {
  const { db, now } = deps;
  const account = readConnectAccount(await educatorPayoutsRef(db, instructorId).get());
  const canReceive = Boolean(account.accountId) && canReceiveDestinationCharges(account);
  const local = account.mode === 'local' || str(account.accountId).startsWith('acct_local_');
  const entryRef = earningEntryRef(db, instructorId, `plus_${month}`);

  const before = await runTransactionRetrying(db, async (tx) => {
    const snap = await tx.get(ref);
    const d = snap.data() ?? {};
    if (d.transferState === 'pending' && !canReceive) {
      // Held until payouts are set up: the earnings entry release-held.ts moves later.
      const currency = str(d.currency, 'USD');
      const amount = num(d.payable);
      tx.update(ref, { transferState: 'held', updatedAt: now });
      tx.create(entryRef, plusEntry(month, amount, currency, 'pending', null, now));
      tx.set(
        earningsRef(db, instructorId),
        { instructorId, totals: { [currency]: FieldValue.increment(amount) }, updatedAt: now },
        { merge: true },
      );
      return { ...d, transferState: 'held' };
    }
    if (d.transferState === 'pending' || d.transferState === 'transferring') {
      tx.update(ref, {
        transferState: 'transferring',
        destinationAccountId: d.destinationAccountId ?? account.accountId,
        attempts: FieldValue.increment(1),
        lastAttemptAt: now,
        updatedAt: now,
      });
      return { ...d, destinationAccountId: d.destinationAccountId ?? account.accountId };
    }
    return d;
  });
  const amount = num(before.payable);
  const currency = str(before.currency, 'USD');
  if (before.transferState === 'held' || before.transferState === 'paid') {
    return {
      instructorId,
      state: str(before.transferState),
      transferId: (before.transferId as string) ?? null,
      amount,
    };
  }
  const destination = str(before.destinationAccountId);
  let transferId: string;
  try {
    if (local || destination.startsWith('acct_local_')) {
      transferId = `tr_local_plus_${month}_${instructorId}`.slice(0, 120);
    } else if (deps.stripe) {
      const transfer = await deps.stripe.transfers.create(
        {
          amount,
          currency: currency.toLowerCase(),
          destination,
          transfer_group: `plus_${month}`,
          description: `SkillVerse Plus revenue share, ${month}`,
          metadata: { instructorId, month, kind: 'plus_statement' },
        },
        { idempotencyKey: str(before.idempotencyKey) || plusTransferIdempotencyKey(month, instructorId) },
      );
      transferId = transfer.id;
    } else {
      throw new Error('STRIPE_SECRET_KEY is not configured: the Plus share cannot be transferred');
    }
    await deps.afterTransfer?.(ref.id);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await ref.update({ lastError: reason.slice(0, 500), updatedAt: now }).catch(() => undefined);
    throw error;
  }
  await runTransactionRetrying(db, async (tx) => {
    const snap = await tx.get(ref);
    if (snap.get('transferState') === 'paid') return;
    tx.update(ref, { transferState: 'paid', transferId, paidAt: now, lastError: null, updatedAt: now });
    tx.create(entryRef, plusEntry(month, amount, currency, 'transferred', transferId, now, destination));
    tx.set(
      earningsRef(db, instructorId),
      {
        instructorId,
        totals: { [currency]: FieldValue.increment(amount) },
        transferred: { [currency]: FieldValue.increment(amount) },
        updatedAt: now,
      },
      { merge: true },
    );
  });
  return { instructorId, state: 'paid', transferId, amount };
}

/** earnings/{uid}/entries/plus_{month}: the statement's credit, beside the course sales. */
function plusEntry(
  month: string,
  amount: number,
  currency: string,
  payout: 'pending' | 'transferred',
  transferId: string | null,
  now: Date,
  destinationAccountId: string | null = null,
) {
  return {
    kind: 'plus',
    month,
    paymentId: null,
    amount,
    grossAmount: amount,
    platformFee: 0,
    currency,
    refundedAmount: 0,
    status: 'credited',
    destinationAccountId,
    transferId,
    payout,
    createdAt: now,
    updatedAt: now,
    reversedAt: null,
  };
}

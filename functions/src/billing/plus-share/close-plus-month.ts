// The monthly Plus revenue share (issue 18 item 5; docs/plus.md "Revenue share"). closePlusMonth(M)
// runs after M ended (a day's grace) and is safe to run any number of times, concurrently too.
// Concurrent runs never hold read-then-write transactions against each other (two such
// transactions on one document wait for each other's lock until it times out): every step is a
// single atomic write whose precondition or create decides who wins, and the loser re-reads.
//
// A. freeze: plusMonths/{M} is CREATED as 'closing'. From then on a refund of an invoice of M no
//    longer reduces M: the webhook sees the month is not open and writes a carry for a later
//    month instead (refund-plus-invoice.ts) — in a transaction that reads plusMonths/{M}, so a
//    refund lands wholly before the freeze or wholly after it.
// B. compute: M's invoices (paid minus refunds before the freeze), the observed seconds per
//    instructor (plusWatch of M), the carried refunds of earlier (closed) months not yet taken,
//    split by those months' shares, and the negative balances the previous month carried out →
//    the split (domain/plus-split.ts). One batch stores it on plusMonths/{M} ('computed') and marks
//    the carries taken, each write preconditioned on the document being unchanged since it was
//    read: the first run's batch wins, the others fail and re-read THE stored split.
// C. statements: plusStatements/{M}_{uid} created from the stored split (a create that exists is
//    another run's: skipped).
// D. transfers: per statement with something payable, once — the earnings entry
//    earnings/{uid}/entries/plus_{M} is created in the same batch that settles the statement, so
//    only one batch can succeed. An educator who cannot receive transfers yet has it HELD (entry
//    `payout: 'pending'`; release-held.ts moves it when their account becomes active). Otherwise:
//    the Stripe Transfer with the statement's idempotency key (a concurrent or retried run gets the
//    same transfer back), then the batch marks it 'paid'. Local accounts (acct_local_…) get a
//    deterministic tr_local_ id.
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
import { isAlreadyExists, isContention } from '../../lib/firestore';

/** An update whose lastUpdateTime precondition no longer held (another run wrote first). */
const isFailedPrecondition = (error: unknown) => (error as { code?: unknown } | null)?.code === 9;

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
  await monthRef.create({ month, state: 'closing', startedAt: now, updatedAt: now }).catch((error) => {
    if (!isAlreadyExists(error)) throw error;
  });

  // B. compute (once: the first stored split wins)
  let monthDoc: Record<string, unknown> = {};
  for (let attempt = 0; attempt < 5; attempt++) {
    const snap = await monthRef.get();
    monthDoc = snap.data() ?? {};
    if (monthDoc.state !== 'closing') break;
    const { fields, carries } = await computeMonth(deps, month);
    const batch = db.batch();
    batch.update(
      monthRef,
      { ...fields, state: 'computed', computedAt: now, updatedAt: now },
      {
        lastUpdateTime: snap.updateTime,
      },
    );
    for (const carry of carries) {
      batch.update(
        carry.ref,
        { appliedToMonth: month, updatedAt: now },
        { lastUpdateTime: carry.updateTime },
      );
    }
    try {
      await batch.commit();
    } catch (error) {
      // Another run stored its split first (or a carry moved): read what is stored now.
      if (!isFailedPrecondition(error) && !isContention(error)) throw error;
    }
  }
  if (monthDoc.state === 'closing') monthDoc = (await monthRef.get()).data() ?? {};
  if (monthDoc.state === 'closing') throw new Error(`plus: could not store the split of ${month}`);
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
  for (let i = 0; i < lines.length; i += 100) {
    await Promise.all(
      lines.slice(i, i + 100).map((line) =>
        plusStatementRef(db, plusStatementId(month, line.instructorId))
          .create({
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
            destinationAccountId: null,
            attempts: 0,
            lastError: null,
            createdAt: now,
            updatedAt: now,
          })
          .catch((error) => {
            if (!isAlreadyExists(error)) throw error;
          }),
      ),
    );
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
    const snap = await monthRef.get();
    if (snap.get('state') === 'computed') {
      await monthRef
        .update({ state: 'closed', closedAt: now, updatedAt: now }, { lastUpdateTime: snap.updateTime })
        .catch((error) => {
          // Another run closed it a moment ago.
          if (!isFailedPrecondition(error)) throw error;
        });
    }
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
    plusCarriesCol(db).where('appliedToMonth', '==', null).get(),
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
  // Refunds of months before this one that closed without them (never this month's own: its
  // refunds after the freeze belong to the next close).
  const taken = carries.docs.filter((c) => str(c.get('fromMonth')) < month);
  for (const c of taken) currencies.add(str(c.get('currency'), 'USD').toUpperCase());
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
  for (const c of taken) {
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
  const fields = {
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
    carryIds: taken.map((d) => d.id).sort(),
    carriedRefunds,
    carriedFromPrevious,
    carryInTotal: sum((l) => l.carryIn),
    payableTotal: sum((l) => l.payable),
    carryOutTotal: sum((l) => l.carryOut),
    instructors,
  };
  return { fields, carries: taken.map((c) => ({ ref: c.ref, updateTime: c.updateTime })) };
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
  attempt = 0,
): Promise<ClosePlusMonthResult['transfers'][number]> {
  const { db, now } = deps;
  const account = readConnectAccount(await educatorPayoutsRef(db, instructorId).get());
  const canReceive = Boolean(account.accountId) && canReceiveDestinationCharges(account);
  const local = account.mode === 'local' || str(account.accountId).startsWith('acct_local_');
  const entryRef = earningEntryRef(db, instructorId, `plus_${month}`);

  const snap = await ref.get();
  const before = snap.data() ?? {};
  const amount = num(before.payable);
  const currency = str(before.currency, 'USD');
  const state = str(before.transferState);
  if (state === 'held' || state === 'paid' || state === 'none') {
    return { instructorId, state, transferId: (before.transferId as string | null) ?? null, amount };
  }
  if (state === 'pending' && !canReceive) {
    // Held until payouts are set up: the earnings entry release-held.ts moves later. The entry's
    // create makes the batch happen once, whichever run gets there first.
    const batch = db.batch();
    batch.update(ref, { transferState: 'held', updatedAt: now });
    batch.create(entryRef, plusEntry(month, amount, currency, 'pending', null, now));
    batch.set(
      earningsRef(db, instructorId),
      { instructorId, totals: { [currency]: FieldValue.increment(amount) }, updatedAt: now },
      { merge: true },
    );
    await batch.commit().catch((error) => {
      if (!isAlreadyExists(error)) throw error;
    });
    return { instructorId, state: 'held', transferId: null, amount };
  }
  // The account the statement is transferred to stays the one first recorded.
  const destination = str(before.destinationAccountId) || str(account.accountId);
  // The claim holds only if nobody wrote the statement since we read it: a concurrent run that
  // finished ('paid') in between must not be set back to 'transferring'. On a lost race, start over
  // from what the statement says now.
  const claimed = await ref
    .update(
      {
        transferState: 'transferring',
        destinationAccountId: destination,
        attempts: FieldValue.increment(1),
        lastAttemptAt: now,
        updatedAt: now,
      },
      snap.updateTime ? { lastUpdateTime: snap.updateTime } : {},
    )
    .then(
      () => true,
      (error: unknown) => {
        if (isFailedPrecondition(error)) return false;
        throw error;
      },
    );
  if (!claimed) {
    if (attempt >= 5) throw new Error(`plus statement ${ref.id}: lost the claim five times in a row`);
    return settleStatement(deps, ref, instructorId, month, attempt + 1);
  }
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
  // The entry's create makes this batch happen once (a concurrent run's fails: already paid).
  const batch = db.batch();
  batch.update(ref, { transferState: 'paid', transferId, paidAt: now, lastError: null, updatedAt: now });
  batch.create(entryRef, plusEntry(month, amount, currency, 'transferred', transferId, now, destination));
  batch.set(
    earningsRef(db, instructorId),
    {
      instructorId,
      totals: { [currency]: FieldValue.increment(amount) },
      transferred: { [currency]: FieldValue.increment(amount) },
      updatedAt: now,
    },
    { merge: true },
  );
  await batch.commit().catch((error) => {
    if (!isAlreadyExists(error)) throw error;
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

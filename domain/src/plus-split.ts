/**
 * Plus revenue share (issue 18 item 5): how a month's Plus revenue is split between instructors in
 * proportion to the OBSERVED learning time in their Plus courses. Pure; no Firebase.
 *
 * - Revenue = the month's paid subscription invoices minus what was refunded before the month
 *   closed (a later refund is a carry into the next month: {@link splitCarry}).
 * - The platform keeps the same fee as on course sales ({@link platformFee}, 20 % by default).
 * - The rest (the distributable amount) is split by observed seconds (minutes × 60, exact) with the
 *   largest remainder method: everyone gets the floor of their exact share, then the cents left
 *   over go one each to the largest fractional parts (ties: more seconds first, then the smaller
 *   instructor id). The shares sum to the distributable amount exactly; the cents given out that
 *   way are stated (`roundingCents`). With no observed time at all nothing is split and the whole
 *   distributable amount is stated as `undistributed` (the platform keeps it).
 *
 * Integer arithmetic with BigInt: amount × seconds overflows a double (1e9 cents × 1e11 s).
 */
import { DEFAULT_PLATFORM_FEE_BPS, platformFee } from './payouts';

/** plusMonths/{month}.state: 'closing' (refunds now carry) → 'computed' (split fixed) → 'closed'. */
export const PLUS_MONTH_STATES = ['closing', 'computed', 'closed'] as const;
export type PlusMonthState = (typeof PLUS_MONTH_STATES)[number];

export interface PlusInstructorTime {
  instructorId: string;
  /** Observed seconds in the instructor's Plus courses this month (non-negative integer). */
  seconds: number;
}

export interface PlusShare {
  instructorId: string;
  seconds: number;
  /** Minor units. */
  amount: number;
  /** seconds / total seconds (0–1), for display. */
  share: number;
}

export interface PlusSplit {
  /** Paid invoices minus refunds before the close. */
  netRevenue: number;
  platformFee: number;
  /** netRevenue − platformFee: what the shares sum to (unless nobody was observed). */
  distributable: number;
  totalSeconds: number;
  /** Sorted by instructor id; only instructors with observed time. */
  shares: PlusShare[];
  /** Cents handed out by the largest-remainder step (0 ≤ roundingCents < shares.length). */
  roundingCents: number;
  /** Kept by the platform because nobody was observed (0 otherwise). */
  undistributed: number;
}

const toInt = (n: number): number => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);

/**
 * Largest-remainder apportionment of `amount` (integer ≥ 0) by integer weights. Deterministic and
 * independent of input order: the result is sorted by id. Zero weights get 0. Sums to `amount`
 * exactly when any weight is positive; all 0 otherwise.
 */
export function apportion(
  amount: number,
  weights: readonly { id: string; weight: number }[],
): { id: string; weight: number; amount: number }[] {
  const total = toInt(amount);
  // One entry per id (a repeated id adds up), sorted by id.
  const merged = new Map<string, number>();
  for (const w of weights) merged.set(w.id, (merged.get(w.id) ?? 0) + toInt(w.weight));
  const rows = [...merged.entries()]
    .map(([id, weight]) => ({ id, weight }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sumWeights = rows.reduce((s, r) => s + BigInt(r.weight), 0n);
  if (sumWeights === 0n || total === 0) return rows.map((r) => ({ ...r, amount: 0 }));
  const big = BigInt(total);
  const parts = rows.map((r, index) => {
    const exact = big * BigInt(r.weight);
    return { index, floor: exact / sumWeights, rem: exact % sumWeights };
  });
  let left = big - parts.reduce((s, p) => s + p.floor, 0n);
  const order = [...parts].sort((a, b) => {
    if (a.rem !== b.rem) return a.rem > b.rem ? -1 : 1;
    const wa = rows[a.index]?.weight ?? 0;
    const wb = rows[b.index]?.weight ?? 0;
    if (wa !== wb) return wb - wa;
    return a.index - b.index;
  });
  const extra = new Array<number>(rows.length).fill(0);
  for (const p of order) {
    if (left <= 0n) break;
    if ((rows[p.index]?.weight ?? 0) === 0) continue;
    extra[p.index] = 1;
    left -= 1n;
  }
  return rows.map((r, i) => ({ ...r, amount: Number((parts[i]?.floor ?? 0n) + BigInt(extra[i] ?? 0)) }));
}

/** The month's split: revenue net of refunds, the platform fee, then shares by observed time. */
export function splitPlusRevenue(input: {
  /** Sum of the month's paid invoices, minor units. */
  paid: number;
  /** Refunded before the month closed, minor units (at most `paid`). */
  refunded: number;
  currency: string;
  feeBps?: number;
  instructors: readonly PlusInstructorTime[];
}): PlusSplit {
  const paid = toInt(input.paid);
  const netRevenue = Math.max(0, paid - Math.min(paid, toInt(input.refunded)));
  const fee = platformFee(netRevenue, input.currency, input.feeBps ?? DEFAULT_PLATFORM_FEE_BPS);
  const distributable = netRevenue - fee;
  const positive = input.instructors.filter((i) => toInt(i.seconds) > 0);
  const apportioned = apportion(
    distributable,
    positive.map((i) => ({ id: i.instructorId, weight: i.seconds })),
  );
  const totalSeconds = apportioned.reduce((s, r) => s + r.weight, 0);
  const floorSum = apportioned.reduce(
    (s, r) => s + Number((BigInt(distributable) * BigInt(r.weight)) / BigInt(Math.max(1, totalSeconds))),
    0,
  );
  const shares = apportioned.map((r) => ({
    instructorId: r.id,
    seconds: r.weight,
    amount: r.amount,
    share: totalSeconds > 0 ? r.weight / totalSeconds : 0,
  }));
  return {
    netRevenue,
    platformFee: fee,
    distributable,
    totalSeconds,
    shares,
    roundingCents: totalSeconds > 0 ? distributable - floorSum : 0,
    undistributed: totalSeconds > 0 ? 0 : distributable,
  };
}

/**
 * A refund of `refunded` (minor units) on an invoice of a month that had already closed: the
 * instructors' part of it (the refund net of the platform fee on it) is taken back in proportion
 * to that month's shares, as negative amounts. Sums to −(refunded − fee) exactly; empty when that
 * month shared nothing (the platform kept it all, so it bears the whole refund).
 */
export function splitCarry(input: {
  refunded: number;
  currency: string;
  feeBps?: number;
  /** The closed month's shares (instructor → seconds). */
  closedShares: readonly PlusInstructorTime[];
}): { instructorId: string; amount: number }[] {
  const refunded = toInt(input.refunded);
  const net = refunded - platformFee(refunded, input.currency, input.feeBps ?? DEFAULT_PLATFORM_FEE_BPS);
  return apportion(
    net,
    input.closedShares.map((s) => ({ id: s.instructorId, weight: s.seconds })),
  )
    .filter((r) => r.amount > 0)
    .map((r) => ({ instructorId: r.id, amount: -r.amount }));
}

/**
 * One instructor's statement amount: their share plus carried lines (≤ 0). What is positive is paid;
 * a negative balance is not charged back — it carries into the next month (`carryOut`).
 */
export function statementBalance(share: number, carryIn: number): { payable: number; carryOut: number } {
  const balance = Math.round(share) + Math.round(carryIn);
  return { payable: Math.max(0, balance), carryOut: Math.min(0, balance) };
}

/** 'YYYY-MM' → the next month. */
export function nextPlusMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y ?? 1970, m ?? 1, 1));
  return d.toISOString().slice(0, 7);
}

/** 'YYYY-MM' → the previous month. */
export function previousPlusMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 2, 1));
  return d.toISOString().slice(0, 7);
}

export const PLUS_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** How long after a month ends it may close (late progress reports and invoice.paid deliveries). */
export const PLUS_CLOSE_GRACE_MS = 24 * 60 * 60 * 1000;

/** Whether `month` may close at `now` (it ended at least the grace period ago). */
export function plusMonthClosable(month: string, now: Date): boolean {
  if (!PLUS_MONTH_PATTERN.test(month)) return false;
  const end = Date.parse(`${nextPlusMonth(month)}-01T00:00:00.000Z`);
  return now.getTime() >= end + PLUS_CLOSE_GRACE_MS;
}

/** Statement id: plusStatements/{month}_{instructorId}. */
export const plusStatementId = (month: string, instructorId: string) => `${month}_${instructorId}`;

/** Stripe idempotency key of a statement's transfer (stable for the statement's life). */
export const plusTransferIdempotencyKey = (month: string, instructorId: string) =>
  `plus_statement_${month}_${instructorId}`;

/** Observed-time tally: plusWatch/{month}_{courseId}_{uid} (one per Plus enrolment per month). */
export const plusWatchId = (month: string, courseId: string, uid: string) => `${month}_${courseId}_${uid}`;

/** Seconds → minutes for display (one decimal). */
export const plusMinutes = (seconds: number) => Math.round((Math.max(0, seconds) / 60) * 10) / 10;

/** What closing a month answers (the admin trigger's response). */
export interface ClosePlusMonthResponse {
  month: string;
  /** 'computed' when a transfer still failed (the next run retries it). */
  state: 'closed' | 'computed';
  currency: string;
  distributable: number;
  statements: number;
  transfers: { instructorId: string; state: string; transferId: string | null; amount: number }[];
}

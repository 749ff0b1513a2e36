// The educator dashboard's figures (issue 6): completion rates and earnings by month, pending and
// paid out. Pure: the web app reads a handful of bounded documents and renders these.
import { minorUnitDigits } from './courses-api';
import { cachedNumberFormat, formatCurrencyFast } from './number-format';

/** Completed enrolments as a whole percent of enrolments; null when nobody has enrolled. */
export function completionRate(completions: number, enrolments: number): number | null {
  if (!Number.isFinite(enrolments) || enrolments <= 0) return null;
  const done = Number.isFinite(completions) ? Math.max(0, completions) : 0;
  return Math.min(100, Math.round((done / enrolments) * 100));
}

/** An earnings ledger entry as the dashboard reads it (earnings/{uid}/entries/{paymentId}). */
export interface EarningsEntryLike {
  amount: number;
  refundedAmount?: number;
  currency: string;
  createdAt: Date;
  status?: string;
  /** Set when a payout has paid this entry out; absent (pending) until payouts exist. */
  paidOutAt?: Date | null;
}

/** What an entry is worth now: the amount less refunds; nothing once fully reversed. */
export function netEarnings(entry: EarningsEntryLike): number {
  if (entry.status === 'reversed') return 0;
  const amount = Number.isFinite(entry.amount) ? entry.amount : 0;
  const refunded = Number.isFinite(entry.refundedAmount) ? (entry.refundedAmount ?? 0) : 0;
  return Math.max(0, amount - refunded);
}

/** 'YYYY-MM' of a date, in UTC. */
export function monthKey(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The first instant (UTC) of the month `monthsBack` months before the month of `now`. */
export function monthStart(now: Date, monthsBack = 0): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1));
}

export interface MonthAmount {
  /** 'YYYY-MM' */
  month: string;
  /** e.g. 'Nov 2026' */
  label: string;
  /** Minor units. */
  amount: number;
}

const monthLabel = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * Net earnings in `currency` for each of the last `months` months up to and including the month
 * of `now`, oldest first; months without sales are 0.
 */
export function earningsByMonth(
  entries: readonly EarningsEntryLike[],
  currency: string,
  now: Date,
  months = 6,
): MonthAmount[] {
  const out: MonthAmount[] = [];
  for (let back = months - 1; back >= 0; back--) {
    const start = monthStart(now, back);
    out.push({ month: monthKey(start), label: monthLabel.format(start), amount: 0 });
  }
  const index = new Map(out.map((m, i) => [m.month, i]));
  for (const entry of entries) {
    if (entry.currency.toUpperCase() !== currency.toUpperCase()) continue;
    const i = index.get(monthKey(entry.createdAt));
    if (i !== undefined) out[i]!.amount += netEarnings(entry);
  }
  return out;
}

export interface EarningsTotals {
  currency: string;
  /** Everything earned, net of refunds (minor units). */
  total: number;
  /** Paid out to the educator so far. */
  paidOut: number;
  /** Earned but not paid out yet. */
  pending: number;
}

/**
 * Totals per currency, largest first. `totals` is the server-kept running total per currency
 * (earnings/{uid}.totals, net of refunds); `paidOut` what payouts have paid (absent until
 * payouts exist, so everything is pending).
 */
export function earningsTotals(
  totals: Readonly<Record<string, number>> | null | undefined,
  paidOut: Readonly<Record<string, number>> | null | undefined = null,
): EarningsTotals[] {
  return Object.entries(totals ?? {})
    .filter(([, total]) => Number.isFinite(total))
    .map(([currency, total]) => {
      const paid = Math.min(Math.max(0, paidOut?.[currency] ?? 0), Math.max(0, total));
      return {
        currency: currency.toUpperCase(),
        total: Math.max(0, total),
        paidOut: paid,
        pending: Math.max(0, total - paid),
      };
    })
    .sort((a, b) => b.total - a.total || a.currency.localeCompare(b.currency));
}

/** Scale for a bar chart: a "nice" maximum (1, 2 or 5 × 10ⁿ) at or above the largest value. */
export function niceMax(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= value) return step * magnitude;
  }
  return 10 * magnitude;
}

/** Money in minor units as text, zero included: `formatMoney(0, 'USD')` → "$0.00". */
export function formatMoney(
  cents: number,
  currency: string,
  options: { compact?: boolean; locale?: string } = {},
): string {
  const digits = minorUnitDigits(currency);
  const units = Number.isFinite(cents) ? cents : 0;
  const locale = options.locale ?? 'en-US';
  const fast = options.compact
    ? undefined
    : formatCurrencyFast(units, currency.toUpperCase(), digits, locale);
  if (fast !== undefined) return fast;
  const amount = units / 10 ** digits;
  try {
    return cachedNumberFormat(locale, {
      style: 'currency',
      currency: currency.toUpperCase(),
      ...(options.compact
        ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
        : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    }).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${currency.toUpperCase()}`;
  }
}

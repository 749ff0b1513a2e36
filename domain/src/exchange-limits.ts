// Limits on what one person can send to others (issue 15 §11): outgoing exchange requests are
// created by the requestExchange callable, which counts them in a transaction. Pure: the callable
// decides with `exchangeRequestAllowed`, the web app shows the same numbers.

/** At most this many of a person's outgoing requests may be pending (unanswered) at once. */
export const MAX_PENDING_EXCHANGE_REQUESTS = 10;
/** At most this many requests a person may create per UTC day (answered or not). */
export const MAX_EXCHANGE_REQUESTS_PER_DAY = 20;

/** The UTC day `YYYY-MM-DD` a request counts against. */
export function exchangeQuotaDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** users/{uid}/private/exchangeQuota as the callable keeps it. */
export interface ExchangeQuota {
  day?: unknown;
  createdToday?: unknown;
}

/** Requests already created on `day` according to the stored quota (0 on another day). */
export function createdOnDay(quota: ExchangeQuota | null | undefined, day: string): number {
  if (!quota || quota.day !== day) return 0;
  const n = Number(quota.createdToday);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

export type ExchangeRequestDecision =
  | { allowed: true; createdToday: number }
  | { allowed: false; reason: 'too-many-pending' | 'daily-limit'; message: string };

/** Whether one more request may be created, given the pending count and the stored quota. */
export function exchangeRequestAllowed(
  pending: number,
  quota: ExchangeQuota | null | undefined,
  now: Date,
): ExchangeRequestDecision {
  if (pending >= MAX_PENDING_EXCHANGE_REQUESTS) {
    return {
      allowed: false,
      reason: 'too-many-pending',
      message: `You already have ${MAX_PENDING_EXCHANGE_REQUESTS} requests waiting for an answer. Wait for a reply or withdraw one before sending another.`,
    };
  }
  const created = createdOnDay(quota, exchangeQuotaDay(now));
  if (created >= MAX_EXCHANGE_REQUESTS_PER_DAY) {
    return {
      allowed: false,
      reason: 'daily-limit',
      message: `You have sent ${MAX_EXCHANGE_REQUESTS_PER_DAY} exchange requests today, the daily limit. Try again tomorrow (UTC).`,
    };
  }
  return { allowed: true, createdToday: created + 1 };
}

// Rules of the game for skill exchanges (issue 15, "earned, not asserted"). A reward follows from a
// HELD session, never from a status a client wrote:
//  - a session is held when both people confirmed it AFTER its end time (server time), recorded as
//    `evidence: 'self-reported'` — only for a session scheduled before it started (createdAt <
//    scheduledAt, server time); or when the platform saw both people in its call room together,
//    `evidence: 'observed'` with observed minutes (domain/src/exchange-call.ts);
//  - completion points, `exchangesCompleted`, a rating that counts toward the average and a
//    credential need at least one held session;
//  - points and rating weight between the same two people count once per PAIR_WINDOW_DAYS;
//  - a person earns at most DAILY_EXCHANGE_POINTS_CAP exchange points per UTC day.

export const PAIR_WINDOW_DAYS = 30;
export const DAILY_EXCHANGE_POINTS_CAP = 150;
const DAY_MS = 86_400_000;

export const SESSION_EVIDENCE = ['self-reported', 'observed'] as const;
export type SessionEvidence = (typeof SESSION_EVIDENCE)[number];

/** `held` on exchanges/{id}/sessions/{sid}: written only by the server. */
export interface HeldRecord {
  evidence: SessionEvidence;
  heldAt: Date;
  /** Who confirmed it took place (self-reported), in confirmation order. */
  confirmedBy: string[];
  /** Minutes the platform saw both people together (observed only; null when self-reported). */
  observedMinutes: number | null;
}

/** The end of a session: scheduledAt + durationMin. */
export function sessionEnd(scheduledAt: Date, durationMin: number): Date {
  return new Date(scheduledAt.getTime() + Math.max(0, durationMin) * 60_000);
}

export type ConfirmDecision =
  | { ok: false; code: 'failed-precondition'; message: string }
  | { ok: true; alreadyConfirmed: boolean; held: HeldRecord | null; confirmations: string[] };

export interface ConfirmInput {
  uid: string;
  participants: string[];
  exchangeStatus: string;
  session: {
    status: string;
    scheduledAt: Date | null;
    /** When the session was scheduled (server time); self-report needs it before scheduledAt. */
    createdAt: Date | null;
    durationMin: number;
    /** uids that confirmed already, in order. */
    confirmations: string[];
    held: boolean;
  };
  now: Date;
}

/** What confirmExchangeSession does for `uid` (participant check is the caller's). */
export function decideConfirmation(input: ConfirmInput): ConfirmDecision {
  const { session, uid, now } = input;
  if (session.held)
    return { ok: true, alreadyConfirmed: true, held: null, confirmations: session.confirmations };
  if (!['accepted', 'active', 'completed'].includes(input.exchangeStatus))
    return { ok: false, code: 'failed-precondition', message: 'This exchange is not under way.' };
  if (session.status !== 'scheduled' || !session.scheduledAt)
    return { ok: false, code: 'failed-precondition', message: 'Only a scheduled session can be confirmed.' };
  // Logged after the fact (scheduled when it had already started): nothing to self-report; only a
  // call the platform observed can make such a session held.
  if (!session.createdAt || session.createdAt.getTime() >= session.scheduledAt.getTime())
    return {
      ok: false,
      code: 'failed-precondition',
      message:
        'This session was scheduled after it started, so it cannot be confirmed afterwards: only sessions planned in advance can be self-reported.',
    };
  const end = sessionEnd(session.scheduledAt, session.durationMin);
  if (now.getTime() < end.getTime())
    return {
      ok: false,
      code: 'failed-precondition',
      message: `This session ends at ${end.toISOString()}: confirm it took place after it ends.`,
    };
  if (session.confirmations.includes(uid))
    return { ok: true, alreadyConfirmed: true, held: null, confirmations: session.confirmations };
  const confirmations = [...session.confirmations, uid];
  // Everyone in it (the two of an exchange, the three of a swap cycle) must have confirmed.
  const both = input.participants.length >= 2 && input.participants.every((p) => confirmations.includes(p));
  return {
    ok: true,
    alreadyConfirmed: false,
    confirmations,
    held: both
      ? { evidence: 'self-reported', heldAt: now, confirmedBy: confirmations, observedMinutes: null }
      : null,
  };
}

/** A stable key for two people, whatever the order. */
export function pairKey(a: string, b: string): string {
  return [a, b].sort().join('__');
}

/** Whether a reward between a pair last given at `last` may be given again at `now`. */
export function pairWindowOpen(last: Date | null, now: Date): boolean {
  return !last || now.getTime() - last.getTime() >= PAIR_WINDOW_DAYS * DAY_MS;
}

/** The UTC day of `now`, [start, end). */
export function utcDay(now: Date): { start: Date; end: Date } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

/** Points an exchange completion awards given what the person already earned from exchanges today. */
export function cappedExchangePoints(base: number, earnedToday: number): number {
  return Math.max(0, Math.min(base, DAILY_EXCHANGE_POINTS_CAP - Math.max(0, earnedToday)));
}

export interface CompletionRewardInput {
  heldSessions: number;
  pairLastRewardedAt: Date | null;
  now: Date;
}

export type CompletionReward =
  | { reward: true }
  | { reward: false; reason: 'no-held-session' | 'pair-window' };

/** Whether a completed exchange rewards its two people at all (points are then capped per day). */
export function completionReward(input: CompletionRewardInput): CompletionReward {
  if (input.heldSessions < 1) return { reward: false, reason: 'no-held-session' };
  if (!pairWindowOpen(input.pairLastRewardedAt, input.now)) return { reward: false, reason: 'pair-window' };
  return { reward: true };
}

/** A person's rating {average (2 decimals), count} after one more counted rating (1–5). */
export function withRating(current: unknown, rating: number): { average: number; count: number } {
  const c = typeof current === 'object' && current !== null ? (current as Record<string, unknown>) : {};
  const count = typeof c.count === 'number' && c.count > 0 ? c.count : 0;
  const average = typeof c.average === 'number' ? c.average : 0;
  const nextCount = count + 1;
  return { average: Math.round(((average * count + rating) / nextCount) * 100) / 100, count: nextCount };
}

/** Whether a rating counts toward the rated person's average. */
export function ratingCounts(input: {
  heldSessions: number;
  raterLastCountedAt: Date | null;
  now: Date;
}): { counts: true } | { counts: false; reason: 'no-held-session' | 'pair-window' } {
  if (input.heldSessions < 1) return { counts: false, reason: 'no-held-session' };
  if (!pairWindowOpen(input.raterLastCountedAt, input.now)) return { counts: false, reason: 'pair-window' };
  return { counts: true };
}

import { describe, expect, it } from 'vitest';
import {
  cappedExchangePoints,
  completionReward,
  DAILY_EXCHANGE_POINTS_CAP,
  decideConfirmation,
  pairKey,
  pairWindowOpen,
  ratingCounts,
  withRating,
  sessionEnd,
  utcDay,
} from './exchange-rewards';

const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

describe('decideConfirmation', () => {
  const base = {
    uid: 'a',
    participants: ['a', 'b'],
    exchangeStatus: 'active',
    session: {
      status: 'scheduled',
      scheduledAt: at('2026-05-01T10:00:00Z'),
      createdAt: at('2026-04-30T09:00:00Z') as Date | null,
      durationMin: 60,
      confirmations: [] as string[],
      held: false,
    },
    now: at('2026-05-01T11:00:00Z'),
  };

  it('refuses before the session ends (server time)', () => {
    const d = decideConfirmation({ ...base, now: at('2026-05-01T10:59:59Z') });
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.message).toMatch(/after it ends/);
  });

  it('refuses a session scheduled after it started (logged after the fact) or with no createdAt', () => {
    for (const createdAt of [at('2026-05-01T10:00:00Z'), at('2026-05-01T12:00:00Z'), null]) {
      const d = decideConfirmation({ ...base, session: { ...base.session, createdAt } });
      expect(d.ok).toBe(false);
      if (!d.ok) expect(d.message).toMatch(/scheduled after it started/);
    }
  });

  it('records the first confirmation without holding the session', () => {
    expect(decideConfirmation(base)).toEqual({
      ok: true,
      alreadyConfirmed: false,
      confirmations: ['a'],
      held: null,
    });
  });

  it('holds the session, self-reported, when both confirmed', () => {
    const d = decideConfirmation({ ...base, uid: 'b', session: { ...base.session, confirmations: ['a'] } });
    expect(d).toEqual({
      ok: true,
      alreadyConfirmed: false,
      confirmations: ['a', 'b'],
      held: { evidence: 'self-reported', heldAt: base.now, confirmedBy: ['a', 'b'], observedMinutes: null },
    });
  });

  it('is idempotent per person and once held', () => {
    const again = decideConfirmation({ ...base, session: { ...base.session, confirmations: ['a'] } });
    expect(again).toMatchObject({ ok: true, alreadyConfirmed: true, held: null });
    const held = decideConfirmation({ ...base, session: { ...base.session, status: 'held', held: true } });
    expect(held).toMatchObject({ ok: true, alreadyConfirmed: true });
  });

  it.each([
    [{ exchangeStatus: 'pending' }],
    [{ session: { ...base.session, status: 'cancelled' } }],
    [{ session: { ...base.session, status: 'completed' } }],
    [{ session: { ...base.session, scheduledAt: null } }],
  ])('refuses %j', (change) => {
    expect(decideConfirmation({ ...base, ...change }).ok).toBe(false);
  });
});

describe('pairs, windows and caps', () => {
  it('keys a pair whatever the order', () => expect(pairKey('b', 'a')).toBe(pairKey('a', 'b')));
  it('opens the pair window after 30 days', () => {
    const now = at('2026-05-31T00:00:00Z');
    expect(pairWindowOpen(null, now)).toBe(true);
    expect(pairWindowOpen(new Date(now.getTime() - 29 * DAY), now)).toBe(false);
    expect(pairWindowOpen(new Date(now.getTime() - 30 * DAY), now)).toBe(true);
  });
  it('caps exchange points per day', () => {
    expect(cappedExchangePoints(75, 0)).toBe(75);
    expect(cappedExchangePoints(75, 100)).toBe(DAILY_EXCHANGE_POINTS_CAP - 100);
    expect(cappedExchangePoints(75, 150)).toBe(0);
  });
  it('computes the UTC day and a session end', () => {
    expect(utcDay(at('2026-05-01T23:59:00Z')).start.toISOString()).toBe('2026-05-01T00:00:00.000Z');
    expect(sessionEnd(at('2026-05-01T10:00:00Z'), 30).toISOString()).toBe('2026-05-01T10:30:00.000Z');
  });
  it('rewards completion only with a held session, once per pair window', () => {
    const now = at('2026-05-01T00:00:00Z');
    expect(completionReward({ heldSessions: 0, pairLastRewardedAt: null, now })).toEqual({
      reward: false,
      reason: 'no-held-session',
    });
    expect(completionReward({ heldSessions: 1, pairLastRewardedAt: null, now })).toEqual({ reward: true });
    expect(
      completionReward({ heldSessions: 1, pairLastRewardedAt: new Date(now.getTime() - DAY), now }),
    ).toEqual({
      reward: false,
      reason: 'pair-window',
    });
  });
  it('counts a rating only with a held session, once per pair window', () => {
    const now = at('2026-05-01T00:00:00Z');
    expect(ratingCounts({ heldSessions: 0, raterLastCountedAt: null, now }).counts).toBe(false);
    expect(ratingCounts({ heldSessions: 2, raterLastCountedAt: null, now }).counts).toBe(true);
    expect(ratingCounts({ heldSessions: 2, raterLastCountedAt: now, now }).counts).toBe(false);
  });
});

describe('withRating', () => {
  it('adds one rating to the average and the count', () => {
    expect(withRating(undefined, 4)).toEqual({ average: 4, count: 1 });
    expect(withRating({ average: 4, count: 1 }, 5)).toEqual({ average: 4.5, count: 2 });
    expect(withRating({ average: 4.5, count: 2 }, 3)).toEqual({ average: 4, count: 3 });
    expect(withRating({ average: 5, count: 3 }, 4)).toEqual({ average: 4.75, count: 4 });
    expect(withRating({ average: 'x', count: -1 }, 2)).toEqual({ average: 2, count: 1 });
  });
});

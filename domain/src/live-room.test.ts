import { describe, expect, it } from 'vitest';
import {
  foldPlan,
  foldRoster,
  isHere,
  PRESENCE_STALE_MS,
  type PresenceSeen,
  presenceChange,
  sameRoster,
} from './live-room';

const now = new Date('2026-12-07T15:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const person = (uid: string, over: Partial<PresenceSeen> = {}): PresenceSeen => ({
  uid,
  displayName: uid.toUpperCase(),
  photoURL: null,
  present: true,
  joinedAt: ago(600_000),
  lastSeenAt: ago(30_000),
  ...over,
});

describe('isHere', () => {
  it('counts a present person with a recent heartbeat, not one who left or went quiet', () => {
    expect(isHere(person('a'), now)).toBe(true);
    expect(isHere(person('a', { present: false }), now)).toBe(false);
    expect(isHere(person('a', { lastSeenAt: ago(PRESENCE_STALE_MS) }), now)).toBe(false);
    expect(isHere(person('a', { lastSeenAt: null }), now)).toBe(false);
  });
});

describe('foldRoster', () => {
  it('lists the host, then speakers, then attendees by arrival, and counts past the cap', () => {
    const roster = foldRoster(
      [
        person('zed', { joinedAt: ago(100) }),
        person('amy', { joinedAt: ago(900) }),
        person('spk', { joinedAt: ago(50) }),
        person('host', { joinedAt: ago(10) }),
        person('gone', { present: false }),
        person('quiet', { lastSeenAt: ago(PRESENCE_STALE_MS + 1) }),
        person('amy', { joinedAt: ago(1) }),
      ],
      { hostId: 'host', speakerUids: new Set(['spk']), now, cap: 3 },
    );
    expect(roster.people.map((p) => [p.uid, p.role])).toEqual([
      ['host', 'host'],
      ['spk', 'speaker'],
      ['amy', 'attendee'],
    ]);
    expect(roster.count).toBe(4);
    expect(
      foldRoster([person('a')], { hostId: 'h', speakerUids: new Set(), now, extraCount: 10 }).count,
    ).toBe(11);
  });

  it('compares rosters by what they show', () => {
    const opts = { hostId: 'h', speakerUids: new Set<string>(), now };
    const a = foldRoster([person('a'), person('b')], opts);
    expect(sameRoster(a, foldRoster([person('b', { lastSeenAt: ago(1) }), person('a')], opts))).toBe(true);
    expect(sameRoster(a, foldRoster([person('a')], opts))).toBe(false);
    expect(sameRoster(a, foldRoster([person('a'), person('b', { displayName: 'Bea' })], opts))).toBe(false);
    expect(sameRoster(null, a)).toBe(false);
  });
});

describe('presenceChange', () => {
  const before = { present: true, joinedAt: ago(600), lastSeenAt: ago(60), displayName: 'A', photoURL: null };
  it('refolds when someone comes, leaves, starts a new stay or renames', () => {
    expect(presenceChange(null, before)).toBe('refold');
    expect(presenceChange(before, null)).toBe('refold');
    expect(presenceChange(before, { ...before, present: false })).toBe('refold');
    expect(presenceChange(before, { ...before, joinedAt: ago(1) })).toBe('refold');
    expect(presenceChange(before, { ...before, displayName: 'B' })).toBe('refold');
  });
  it('treats a refreshed stay as a heartbeat and anything else as nothing', () => {
    expect(presenceChange(before, { ...before, lastSeenAt: ago(1) })).toBe('heartbeat');
    expect(presenceChange(before, { ...before })).toBe('none');
    expect(presenceChange(null, null)).toBe('none');
  });
});

describe('foldPlan', () => {
  const opts = { minIntervalMs: 3_000, leaseMs: 30_000 };
  it('runs the first fold now and later ones no sooner than the interval after the last', () => {
    expect(foldPlan({ foldedAt: null, runAt: null }, now, opts)).toEqual({ action: 'claim', runAt: now });
    expect(foldPlan({ foldedAt: ago(1_000), runAt: null }, now, opts)).toEqual({
      action: 'claim',
      runAt: new Date(now.getTime() + 2_000),
    });
    expect(foldPlan({ foldedAt: ago(10_000), runAt: null }, now, opts)).toEqual({
      action: 'claim',
      runAt: now,
    });
  });
  it('leaves the work to a pending fold, unless it was abandoned', () => {
    expect(foldPlan({ foldedAt: ago(1_000), runAt: ago(-2_000) }, now, opts)).toEqual({ action: 'pending' });
    expect(foldPlan({ foldedAt: ago(60_000), runAt: ago(31_000) }, now, opts).action).toBe('claim');
  });
  it('skips an event a fold already saw (it began after the event was written)', () => {
    expect(foldPlan({ foldedAt: ago(1_000), runAt: null }, now, { ...opts, eventAt: ago(2_000) })).toEqual({
      action: 'covered',
    });
    expect(foldPlan({ foldedAt: ago(1_000), runAt: null }, now, { ...opts, eventAt: ago(500) }).action).toBe(
      'claim',
    );
  });
  it('lets a sweep skip while the last fold is recent', () => {
    expect(foldPlan({ foldedAt: ago(10_000), runAt: null }, now, { ...opts, sweepMs: 60_000 })).toEqual({
      action: 'fresh',
    });
    expect(foldPlan({ foldedAt: ago(61_000), runAt: null }, now, { ...opts, sweepMs: 60_000 }).action).toBe(
      'claim',
    );
    expect(foldPlan({ foldedAt: null, runAt: null }, now, { ...opts, sweepMs: 60_000 }).action).toBe('claim');
  });
});

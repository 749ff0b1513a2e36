// Group sessions of swap cycles (issue 16 item 7): the same evidence rules as one-to-one exchanges,
// for three people — confirmation, the all-three overlap, rewards per edge, credentials, the score.
import { describe, expect, it } from 'vitest';
import { cycleCredentialEligibility } from './credentials';
import {
  callWindow,
  cycleRoomName,
  observedMinutes,
  observedMinutesTogether,
  parseCycleRoomName,
} from './exchange-call';
import { PAIR_WINDOW_DAYS } from './exchange-rewards';
import { cycleRewardPlan, cycleScore, decideCycleConfirmation, explainCycleScore } from './swap-cycles';

const at = (iso: string) => new Date(iso);
const THREE = ['ana', 'ben', 'caro'];
const START = at('2026-05-01T10:00:00Z');
const planned = {
  status: 'scheduled',
  scheduledAt: START,
  createdAt: at('2026-04-30T10:00:00Z'),
  durationMin: 60,
  confirmations: [] as string[],
  held: false,
};
const after = at('2026-05-01T11:05:00Z');

describe('decideCycleConfirmation', () => {
  it('refuses before the end, outside an active cycle, and for a session logged after it started', () => {
    const early = decideCycleConfirmation({
      uid: 'ana',
      participants: THREE,
      cycleStatus: 'active',
      session: planned,
      now: at('2026-05-01T10:30:00Z'),
    });
    expect(early).toMatchObject({ ok: false, code: 'failed-precondition' });
    expect(
      decideCycleConfirmation({
        uid: 'ana',
        participants: THREE,
        cycleStatus: 'proposed',
        session: planned,
        now: after,
      }),
    ).toMatchObject({ ok: false });
    const logged = { ...planned, createdAt: at('2026-05-01T10:30:00Z') };
    expect(
      decideCycleConfirmation({
        uid: 'ana',
        participants: THREE,
        cycleStatus: 'active',
        session: logged,
        now: after,
      }),
    ).toMatchObject({ ok: false, code: 'failed-precondition' });
  });

  it('two of three confirmations hold nothing; the third makes it held (self-reported) and completes', () => {
    const two = decideCycleConfirmation({
      uid: 'ben',
      participants: THREE,
      cycleStatus: 'active',
      session: { ...planned, confirmations: ['ana'] },
      now: after,
    });
    expect(two).toMatchObject({ ok: true, held: null, completes: false, confirmations: ['ana', 'ben'] });
    const three = decideCycleConfirmation({
      uid: 'caro',
      participants: THREE,
      cycleStatus: 'active',
      session: { ...planned, confirmations: ['ana', 'ben'] },
      now: after,
    });
    expect(three).toMatchObject({ ok: true, completes: true, held: { evidence: 'self-reported' } });
  });

  it('a repeat changes nothing; a completed cycle takes no more confirmations', () => {
    const repeat = decideCycleConfirmation({
      uid: 'ana',
      participants: THREE,
      cycleStatus: 'active',
      session: { ...planned, confirmations: ['ana'] },
      now: after,
    });
    expect(repeat).toMatchObject({ ok: true, alreadyConfirmed: true, completes: false });
    expect(
      decideCycleConfirmation({
        uid: 'ana',
        participants: THREE,
        cycleStatus: 'completed',
        session: planned,
        now: after,
      }),
    ).toMatchObject({ ok: true, alreadyConfirmed: true, completes: false });
  });

  it('an observed session still needs all three to confirm after its end (even one logged late)', () => {
    const observed = { ...planned, status: 'held', held: true, createdAt: at('2026-05-01T10:30:00Z') };
    expect(
      decideCycleConfirmation({
        uid: 'ana',
        participants: THREE,
        cycleStatus: 'active',
        session: observed,
        now: at('2026-05-01T10:30:00Z'),
      }),
    ).toMatchObject({ ok: false });
    const two = decideCycleConfirmation({
      uid: 'ben',
      participants: THREE,
      cycleStatus: 'active',
      session: { ...observed, confirmations: ['ana'] },
      now: after,
    });
    expect(two).toMatchObject({ ok: true, completes: false, held: null });
    const three = decideCycleConfirmation({
      uid: 'caro',
      participants: THREE,
      cycleStatus: 'active',
      session: { ...observed, confirmations: ['ana', 'ben'] },
      now: after,
    });
    expect(three).toMatchObject({ ok: true, completes: true, held: null });
  });
});

describe('observedMinutesTogether', () => {
  const window = callWindow(START, 60);
  const iv = (fromMin: number, toMin: number) => ({
    from: new Date(START.getTime() + fromMin * 60_000),
    to: new Date(START.getTime() + toMin * 60_000),
  });

  it('counts only the time ALL were present, inside the session', () => {
    expect(observedMinutesTogether([[iv(0, 30)], [iv(10, 40)], [iv(20, 60)]], window)).toBe(10);
    // Two of three together for the whole hour, the third never: nothing.
    expect(observedMinutesTogether([[iv(0, 60)], [iv(0, 60)], []], window)).toBe(0);
    // One after the other: nothing.
    expect(observedMinutesTogether([[iv(0, 20)], [iv(20, 40)], [iv(40, 60)]], window)).toBe(0);
    // Before the start does not count.
    expect(observedMinutesTogether([[iv(-5, 5)], [iv(-5, 5)], [iv(-5, 5)]], window)).toBe(5);
  });

  it('is the one-to-one overlap for two people', () => {
    const a = [iv(0, 30), iv(40, 50)];
    const b = [iv(10, 45)];
    expect(observedMinutesTogether([a, b], window)).toBe(observedMinutes(a, b, window));
  });

  it('names the group room and parses it back', () => {
    expect(cycleRoomName('cyc_1', 's1')).toBe('cycle/cyc_1/s1');
    expect(parseCycleRoomName('cycle/cyc_1/s1')).toEqual({ cycleId: 'cyc_1', sessionId: 's1' });
    expect(parseCycleRoomName('exchange/x/s1')).toBeNull();
  });
});

describe('cycleRewardPlan', () => {
  const edges = [
    { from: 'ana', to: 'ben', skill: 'Spanish' },
    { from: 'ben', to: 'caro', skill: 'Guitar' },
    { from: 'caro', to: 'ana', skill: 'Python' },
  ];
  const now = at('2026-05-02T00:00:00Z');

  it('rewards each teacher for their edge when a session was held', () => {
    const plan = cycleRewardPlan(edges, 1, () => null, now);
    expect(plan.map((l) => [l.uid, l.taughtTo, l.decision.reward])).toEqual([
      ['ana', 'ben', true],
      ['ben', 'caro', true],
      ['caro', 'ana', true],
    ]);
  });

  it('nothing without a held session; the pair window applies per edge', () => {
    expect(cycleRewardPlan(edges, 0, () => null, now).every((l) => !l.decision.reward)).toBe(true);
    const recent = new Date(now.getTime() - (PAIR_WINDOW_DAYS - 1) * 86_400_000);
    const plan = cycleRewardPlan(edges, 1, (a, b) => (a === 'ana' && b === 'ben' ? recent : null), now);
    expect(plan[0]?.decision).toEqual({ reward: false, reason: 'pair-window' });
    expect(plan[1]?.decision.reward).toBe(true);
  });
});

describe('cycleCredentialEligibility', () => {
  const held = [
    { status: 'held', scheduledAt: START, durationMin: 60, evidence: 'observed', observedMinutes: 42 },
  ];
  it('needs completion, a rating of 4+ from the learner and a held session', () => {
    const now = after;
    expect(
      cycleCredentialEligibility({ status: 'active', ratingReceived: 5, sessions: held, now }).eligible,
    ).toBe(false);
    expect(
      cycleCredentialEligibility({ status: 'completed', ratingReceived: null, sessions: held, now }).eligible,
    ).toBe(false);
    expect(
      cycleCredentialEligibility({ status: 'completed', ratingReceived: 3, sessions: held, now }).eligible,
    ).toBe(false);
    expect(
      cycleCredentialEligibility({
        status: 'completed',
        ratingReceived: 5,
        sessions: [{ ...held[0]!, status: 'scheduled' }],
        now,
      }).eligible,
    ).toBe(false);
    expect(
      cycleCredentialEligibility({ status: 'completed', ratingReceived: 4, sessions: held, now }),
    ).toMatchObject({
      eligible: true,
      heldSessions: 1,
      observedSessions: 1,
      observedMinutes: 42,
    });
  });
});

describe('explainCycleScore', () => {
  it('splits the stored score into skill fit and shared time, with the same arithmetic', () => {
    const stored = [
      { from: 'ana', to: 'ben', skill: 'Spanish', alternatives: [] },
      { from: 'ben', to: 'caro', skill: 'Guitar', alternatives: ['ukulele'] },
      { from: 'caro', to: 'ana', skill: 'Python', alternatives: ['sql', 'excel', 'r'] },
    ];
    const explained = explainCycleScore(stored, 120);
    const asSearch = stored.map((e) => ({
      from: e.from,
      to: e.to,
      skill: e.skill,
      skills: [e.skill, ...e.alternatives],
    }));
    expect(explained.score).toBe(cycleScore(asSearch, 120));
    expect(explained.fitPoints + explained.timePoints).toBe(explained.score);
    expect(explained.fitPoints).toBe(40);
    expect(explained.timePoints).toBe(27);
    expect(explained.edges.map((e) => e.fits)).toEqual([1, 2, 4]);
  });
});

// Swap cycle ratings (issue 16 items 4/7) on the isolated database, through confirmSwapCycleSession's
// handler: the rating each person gives the one who taught them moves that teacher's rating average
// the way exchange feedback does — not before the cycle has a held session, then once per rating,
// safe to repeat and to run twice at once.
import { pairKey } from '@skillverse/domain/exchange-rewards';
import { afterAll, describe, expect, it } from 'vitest';
import { emulatorsRunning, isolatedDb, uniqueId } from '../../test/emulator';
import { applyCycleRatings, confirmCycleSession } from './cycle-sessions';

const db = () => isolatedDb();
const cycles: string[] = [];

async function cycleOfThree() {
  const [a, b, c] = ['ana', 'ben', 'caro'].map((n) => uniqueId(`cr-${n}`)) as [string, string, string];
  // Each already has one rating of 5 from elsewhere.
  for (const [uid, name] of [
    [a, 'Ana'],
    [b, 'Ben'],
    [c, 'Caro'],
  ] as const) {
    await db()
      .doc(`users/${uid}`)
      .set({ displayName: name, status: 'active', rating: { average: 5, count: 1 } });
  }
  const cycleId = uniqueId('cyc');
  cycles.push(cycleId);
  const now = Date.now();
  await db()
    .doc(`exchangeCycles/${cycleId}`)
    .set({
      participants: [a, b, c],
      edges: [
        { from: a, to: b, skill: 'Spanish', skillKey: 'spanish', alternatives: [] },
        { from: b, to: c, skill: 'Guitar', skillKey: 'guitar', alternatives: [] },
        { from: c, to: a, skill: 'Python', skillKey: 'python', alternatives: [] },
      ],
      people: {
        [a]: { displayName: 'Ana', photoURL: null },
        [b]: { displayName: 'Ben', photoURL: null },
        [c]: { displayName: 'Caro', photoURL: null },
      },
      status: 'active',
      acceptedBy: [a, b, c],
      createdAt: new Date(now - 4 * 3_600_000),
      updatedAt: new Date(now - 4 * 3_600_000),
    });
  // Planned three hours ago for two hours ago, an hour long: it has ended, and was planned in advance.
  const sessionId = uniqueId('s');
  await db()
    .doc(`exchangeCycles/${cycleId}/sessions/${sessionId}`)
    .set({
      scheduledAt: new Date(now - 2 * 3_600_000),
      durationMin: 60,
      status: 'scheduled',
      notes: '',
      createdBy: a,
      createdAt: new Date(now - 3 * 3_600_000),
    });
  return { a, b, c, cycleId, sessionId };
}

const ratingOf = async (uid: string) => (await db().doc(`users/${uid}`).get()).get('rating');
const confirm = (uid: string, cycleId: string, sessionId: string, rating: number) =>
  confirmCycleSession({ db: db(), now: new Date() }, { uid, token: {} }, {
    cycleId,
    sessionId,
    rating,
  } as Parameters<typeof confirmCycleSession>[2]);

describe.skipIf(!emulatorsRunning)('swap cycle ratings', () => {
  afterAll(async () => {
    for (const id of cycles) await db().recursiveDelete(db().doc(`exchangeCycles/${id}`));
  });

  it('count toward the teacher’s average only once a session is held, once each, retry-safe', async () => {
    const { a, b, c, cycleId, sessionId } = await cycleOfThree();
    // Two of three confirm (Ana rates Caro 1, Ben rates Ana 3): no held session yet, nothing moves.
    expect((await confirm(a, cycleId, sessionId, 1)).status).toBe('scheduled');
    expect((await confirm(b, cycleId, sessionId, 3)).status).toBe('scheduled');
    for (const uid of [a, b, c]) expect(await ratingOf(uid)).toEqual({ average: 5, count: 1 });
    expect(await applyCycleRatings({ db: db(), now: new Date() }, cycleId)).toEqual({
      [a]: 'waiting',
      [b]: 'waiting',
    });
    expect((await db().doc(`exchangeCycles/${cycleId}`).get()).get('ratingsApplied')).toBeUndefined();

    // The third confirms (rates Ben 4): the session is held, the cycle completes, all three count.
    const third = await confirm(c, cycleId, sessionId, 4);
    expect(third).toMatchObject({ status: 'held', cycleStatus: 'completed' });
    expect(await ratingOf(c)).toEqual({ average: 3, count: 2 }); // (5 + 1) / 2, from Ana
    expect(await ratingOf(a)).toEqual({ average: 4, count: 2 }); // (5 + 3) / 2, from Ben
    expect(await ratingOf(b)).toEqual({ average: 4.5, count: 2 }); // (5 + 4) / 2, from Caro
    const cycle = (await db().doc(`exchangeCycles/${cycleId}`).get()).data() ?? {};
    expect(cycle.ratingsApplied?.[a]).toMatchObject({ rated: c, skipped: null });
    // The pair record exchanges use: a rating between these two in the next 30 days won't count again.
    expect(
      (
        await db()
          .doc(`exchangePairs/${pairKey(a, c)}`)
          .get()
      ).get(`ratingCountedAt.${a}`),
    ).toBeTruthy();

    // Repeats: confirming again, and the job run twice at once, change nothing.
    expect((await confirm(a, cycleId, sessionId, 5)).alreadyConfirmed).toBe(true);
    await Promise.all([
      applyCycleRatings({ db: db(), now: new Date() }, cycleId),
      applyCycleRatings({ db: db(), now: new Date() }, cycleId),
    ]);
    expect(await ratingOf(c)).toEqual({ average: 3, count: 2 });
    expect(await ratingOf(a)).toEqual({ average: 4, count: 2 });
    expect(await ratingOf(b)).toEqual({ average: 4.5, count: 2 });
  });
});

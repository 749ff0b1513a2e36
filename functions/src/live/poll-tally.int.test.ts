// Poll tallies on the emulators (issue 17 §2): the trigger (onPollVoteCreated) and direct calls of
// the handler it runs race on the same votes. The tally is recounted from the votes, published at
// most about once a second however fast votes arrive, and a repeated delivery never double counts.
import type { Firestore } from 'firebase-admin/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { emulatorsRunning, testDb, uniqueId, waitFor } from '../../test/emulator';
import { publishTally, tallyPollVote } from './poll-tally';

const cleanupSessions: string[] = [];

function db(): Firestore {
  return testDb();
}

async function createPoll(
  options = ['Hooks', 'Context', 'Redux'],
): Promise<{ sessionId: string; pollId: string }> {
  const sessionId = uniqueId('ls');
  cleanupSessions.push(sessionId);
  const pollId = uniqueId('poll');
  await db().doc(`liveSessions/${sessionId}/polls/${pollId}`).set({
    question: 'Which topic next?',
    options,
    open: true,
    createdAt: new Date(),
  });
  return { sessionId, pollId };
}

async function castVote(sessionId: string, pollId: string, uid: string, optionIndex: number): Promise<void> {
  await db()
    .doc(`liveSessions/${sessionId}/polls/${pollId}/votes/${uid}`)
    .create({ uid, optionIndex, createdAt: new Date() });
}

async function pollTotals(sessionId: string, pollId: string) {
  const snap = await db().doc(`liveSessions/${sessionId}/polls/${pollId}`).get();
  return { counts: snap.get('counts') ?? {}, totalVotes: snap.get('totalVotes') ?? 0 };
}

// Longer than the usual trigger wait: on the emulator the coalesced tallies queue behind every
// other trigger (delivered one at a time), and a busy suite can hold them for over a minute.
function waitTotal(sessionId: string, pollId: string, total: number) {
  return waitFor(
    async () => {
      const t = await pollTotals(sessionId, pollId);
      return t.totalVotes === total ? t : undefined;
    },
    { what: `poll ${pollId} at ${total} votes`, timeoutMs: 180_000 },
  );
}

describe.skipIf(!emulatorsRunning)('poll tally (coalesced)', () => {
  afterAll(async () => {
    for (const id of cleanupSessions) await db().recursiveDelete(db().doc(`liveSessions/${id}`));
  });

  it('counts a vote once, however often it is delivered', async () => {
    const { sessionId, pollId } = await createPoll();
    await castVote(sessionId, pollId, 'alice', 1);
    // Repeat deliveries of the trigger, racing the trigger's own delivery.
    await Promise.all([1, 2, 3].map(() => tallyPollVote(db(), sessionId, pollId)));
    await waitTotal(sessionId, pollId, 1);
    await tallyPollVote(db(), sessionId, pollId);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await pollTotals(sessionId, pollId)).toEqual({ counts: { '1': 1 }, totalVotes: 1 });
    // A fold that finds nothing new writes nothing.
    expect(await publishTally(db(), sessionId, pollId, 0)).toBe('unchanged');
  }, 400_000);

  it('ends a burst of votes with the exact count, published at most about once a second', async () => {
    const { sessionId, pollId } = await createPoll();
    const pollDoc = db().doc(`liveSessions/${sessionId}/polls/${pollId}`);
    const updates: number[] = [];
    const unsubscribe = pollDoc.onSnapshot((snap) => {
      if (snap.get('totalVotes') !== undefined) updates.push(Date.now());
    });
    const voters = Array.from({ length: 40 }, (_, i) => [`burst${i}`, i % 3] as const);
    const started = Date.now();
    // Forty votes within about two seconds, plus a duplicate delivery for every fifth one.
    await Promise.all(
      voters.map(async ([uid, option], i) => {
        await new Promise((r) => setTimeout(r, i * 50));
        await castVote(sessionId, pollId, uid, option);
        if (i % 5 === 0) await tallyPollVote(db(), sessionId, pollId);
      }),
    );
    // A last delivery after the burst (the triggers' own may queue behind other work on the emulator).
    await tallyPollVote(db(), sessionId, pollId);
    const final = await waitTotal(sessionId, pollId, 40);
    await new Promise((r) => setTimeout(r, 2500));
    unsubscribe();
    expect(final).toEqual({ counts: { '0': 14, '1': 13, '2': 13 }, totalVotes: 40 });
    expect(await pollTotals(sessionId, pollId)).toEqual(final);
    // At most one tally write per second (a little slack for the first one and the last).
    const seconds = (updates[updates.length - 1] ?? started) - started;
    expect(updates.length).toBeLessThanOrEqual(Math.ceil(seconds / 1000) + 2);
    // (Folds start at least a second apart; a slow fold's write can land just before the next one's,
    // so the bound is on the rate, not on each gap.)
  }, 400_000);

  it('does not count a vote for an option the poll no longer has', async () => {
    const { sessionId, pollId } = await createPoll(['Yes', 'No', 'Maybe']);
    await castVote(sessionId, pollId, 'v1', 0);
    await castVote(sessionId, pollId, 'v2', 2);
    // The handler as the trigger runs it, racing the trigger's own delivery (which, on the emulator,
    // can sit behind earlier files' triggers for minutes): the tally does not wait for it.
    await tallyPollVote(db(), sessionId, pollId);
    await waitTotal(sessionId, pollId, 2);
    await db()
      .doc(`liveSessions/${sessionId}/polls/${pollId}`)
      .update({ options: ['Yes', 'No'] });
    await tallyPollVote(db(), sessionId, pollId);
    await waitTotal(sessionId, pollId, 1);
    expect(await pollTotals(sessionId, pollId)).toEqual({ counts: { '0': 1 }, totalVotes: 1 });
  }, 400_000);

  it('does nothing for a poll that was deleted', async () => {
    const { sessionId, pollId } = await createPoll();
    await db().doc(`liveSessions/${sessionId}/polls/${pollId}`).delete();
    expect(await publishTally(db(), sessionId, pollId, 99)).toBe('missing');
    expect((await db().doc(`liveSessions/${sessionId}/polls/${pollId}`).get()).exists).toBe(false);
  });
});

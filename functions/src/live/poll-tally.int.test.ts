// Poll tallies on the emulators: the trigger (onPollVoteCreated) and direct calls of the handler it
// runs race on the same votes, so each test also shows a vote is counted once however often it is
// delivered.
import type { Firestore } from 'firebase-admin/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { emulatorsRunning, recordTransactionReads, testDb, uniqueId, waitFor } from '../../test/emulator';
import { tallyPollVote } from './poll-tally';

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

async function waitCounted(sessionId: string, pollId: string, uid: string) {
  return waitFor(
    async () => {
      const snap = await db().doc(`liveSessions/${sessionId}/polls/${pollId}/votes/${uid}`).get();
      return snap.get('countedAt') ? snap : undefined;
    },
    { what: `vote ${uid} counted` },
  );
}

describe.skipIf(!emulatorsRunning)('tallyPollVote', () => {
  afterAll(async () => {
    for (const id of cleanupSessions) await db().recursiveDelete(db().doc(`liveSessions/${id}`));
  });

  it('counts a vote once, even when delivered twice', async () => {
    const { sessionId, pollId } = await createPoll();
    await castVote(sessionId, pollId, 'alice', 1);
    const now = new Date();
    const first = await tallyPollVote(db(), sessionId, pollId, 'alice', now);
    const second = await tallyPollVote(db(), sessionId, pollId, 'alice', now);
    // The trigger may have counted it before either call.
    expect([first, second].filter((r) => r === 'counted').length).toBeLessThanOrEqual(1);
    expect(second).toBe('already-counted');
    await waitCounted(sessionId, pollId, 'alice');
    // Let the trigger's own delivery run too, then check nothing was counted twice.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await pollTotals(sessionId, pollId)).toEqual({ counts: { '1': 1 }, totalVotes: 1 });
  });

  it('ignores a vote for an option that does not exist, marking it counted', async () => {
    const { sessionId, pollId } = await createPoll(['Yes', 'No']);
    await castVote(sessionId, pollId, 'mallory', 5);
    const result = await tallyPollVote(db(), sessionId, pollId, 'mallory', new Date());
    expect(['ignored', 'already-counted']).toContain(result);
    const vote = await waitCounted(sessionId, pollId, 'mallory');
    expect(vote.get('ignored')).toBe(true);
    expect(await tallyPollVote(db(), sessionId, pollId, 'mallory', new Date())).toBe('already-counted');
    expect(await pollTotals(sessionId, pollId)).toEqual({ counts: {}, totalVotes: 0 });
  });

  it('keeps totals right for several voters', async () => {
    const { sessionId, pollId } = await createPoll();
    const ballots: [string, number][] = [
      ['v1', 0],
      ['v2', 2],
      ['v3', 2],
      ['v4', 0],
      ['v5', 2],
    ];
    await Promise.all(ballots.map(([uid, i]) => castVote(sessionId, pollId, uid, i)));
    await Promise.all(ballots.map(([uid]) => tallyPollVote(db(), sessionId, pollId, uid, new Date())));
    await Promise.all(ballots.map(([uid]) => waitCounted(sessionId, pollId, uid)));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await pollTotals(sessionId, pollId)).toEqual({ counts: { '0': 2, '2': 3 }, totalVotes: 5 });
  });

  it('locks only the vote, never the poll every vote in the room shares', async () => {
    const { sessionId, pollId } = await createPoll();
    const voters = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6'];
    await Promise.all(voters.map((uid, i) => castVote(sessionId, pollId, uid, i % 3)));
    const recorded = recordTransactionReads(db());
    await Promise.all(voters.map((uid) => tallyPollVote(recorded.db, sessionId, pollId, uid, new Date())));
    expect([...new Set(recorded.reads)].sort()).toEqual(
      voters.map((uid) => `liveSessions/${sessionId}/polls/${pollId}/votes/${uid}`).sort(),
    );
    await Promise.all(voters.map((uid) => waitCounted(sessionId, pollId, uid)));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await pollTotals(sessionId, pollId)).toEqual({
      counts: { '0': 2, '1': 2, '2': 2 },
      totalVotes: 6,
    });
  });
});

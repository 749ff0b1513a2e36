// Poll results kept on the poll document (SPEC §3), published at most once a second per poll
// however fast votes arrive (issue 17 §2; docs/live.md "Presence and polls at scale"). A vote
// does not touch the poll: it asks for a coalesced fold (lib/coalesce.ts) that counts the poll's
// votes per option with aggregation queries and writes `counts` and `totalVotes` on the poll. The
// counts are recomputed from the votes every time, never incremented, so they are exact whatever
// the order, and a repeated delivery of the vote trigger (or a repeated fold) cannot double count.
// Votes are final (the rules refuse changes), and only a valid option index passes the rules; a
// vote for an index the poll no longer has is simply not counted.
import { TALLY_MIN_INTERVAL_MS } from '@skillverse/domain/live-room';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { type FoldOptions, type FoldOutcome, requestFold } from '../lib/coalesce';
import { foldStateRef, pollRef, votesCol } from '../lib/data/live-sessions';
import { runTransactionRetrying } from '../lib/firestore';

export const pollFoldId = (pollId: string) => `poll_${pollId}`;

/** Counts the poll's votes and writes its tally (unless a newer fold already did). */
export async function publishTally(
  db: Firestore,
  sessionId: string,
  pollId: string,
  seq: number,
): Promise<'written' | 'unchanged' | 'stale' | 'missing'> {
  const poll = pollRef(db, sessionId, pollId);
  const snap = await poll.get();
  if (!snap.exists) return 'missing';
  const options: unknown = snap.get('options');
  const n = Array.isArray(options) ? options.length : 0;
  const perOption = await Promise.all(
    Array.from({ length: n }, (_, k) =>
      votesCol(poll)
        .where('optionIndex', '==', k)
        .count()
        .get()
        .then((r) => r.data().count),
    ),
  );
  const counts: Record<string, number> = {};
  perOption.forEach((c, k) => {
    if (c > 0) counts[String(k)] = c;
  });
  const totalVotes = perOption.reduce((a, b) => a + b, 0);
  const shown = snap.get('counts') ?? {};
  if (
    snap.get('totalVotes') === totalVotes &&
    JSON.stringify(Object.entries(shown).sort()) === JSON.stringify(Object.entries(counts).sort())
  ) {
    return 'unchanged';
  }
  const state = foldStateRef(db, sessionId, pollFoldId(pollId));
  try {
    return await runTransactionRetrying(db, async (tx) => {
      if (Number((await tx.get(state)).get('publishedSeq') ?? 0) > seq) return 'stale';
      // update, not set: a poll deleted meanwhile stays deleted (NOT_FOUND, below).
      tx.update(poll, { counts, totalVotes });
      tx.set(state, { publishedSeq: seq }, { merge: true });
      return 'written';
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 5) return 'missing';
    throw error;
  }
}

/** A vote was cast (or delivered again): publish the poll's tally, coalesced to once a second. */
export async function tallyPollVote(
  db: Firestore,
  sessionId: string,
  pollId: string,
  opts: Partial<FoldOptions> = {},
): Promise<FoldOutcome> {
  return requestFold(
    db,
    foldStateRef(db, sessionId, pollFoldId(pollId)),
    { ...opts, minIntervalMs: opts.minIntervalMs ?? TALLY_MIN_INTERVAL_MS },
    async (seq) => {
      const result = await publishTally(db, sessionId, pollId, seq);
      logger.info('poll tally', { sessionId, pollId, seq, result });
    },
  );
}

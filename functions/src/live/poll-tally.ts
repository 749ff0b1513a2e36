// Poll results kept on the poll document (SPEC §3): each vote adds one to `counts.<optionIndex>`
// and `totalVotes`, so a room client reads the polls and its own vote instead of every vote.
// Applied once: a transaction checks and sets `countedAt` on the vote (repeat deliveries and the
// seed's pre-counted votes are skipped); a vote for an option that doesn't exist is marked
// `ignored`. The poll document is read before that transaction, never in it (see below).
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { pollRef, voteRef } from '../lib/data/live-sessions';
import { runTransactionRetrying } from '../lib/firestore';

export type TallyResult = 'counted' | 'already-counted' | 'ignored' | 'missing';

export async function tallyPollVote(
  db: Firestore,
  sessionId: string,
  pollId: string,
  uid: string,
  now: Date,
): Promise<TallyResult> {
  const poll = pollRef(db, sessionId, pollId);
  const vote = voteRef(poll, uid);

  // The poll's options are input, read before the transaction: every vote in the room shares the
  // poll document, and a read inside the transaction would make a burst of votes contend on its
  // lock. The transaction reads only the vote (whether it is counted yet) and adds to the poll's
  // counts with blind increments.
  const pollSnap = await poll.get();
  const options: unknown = pollSnap.exists ? pollSnap.get('options') : undefined;

  const result = await runTransactionRetrying(db, async (tx): Promise<TallyResult> => {
    const voteSnap = await tx.get(vote);
    if (!voteSnap.exists) return 'missing';
    if (voteSnap.get('countedAt')) return 'already-counted';
    const optionIndex: unknown = voteSnap.get('optionIndex');
    const valid =
      Array.isArray(options) &&
      typeof optionIndex === 'number' &&
      Number.isInteger(optionIndex) &&
      optionIndex >= 0 &&
      optionIndex < options.length;
    if (!valid) {
      tx.update(vote, { countedAt: now, ignored: true });
      return 'ignored';
    }
    // update, not set: a poll deleted since the read fails the transaction (nothing counted), and
    // the trigger's retry then marks the vote ignored.
    tx.update(poll, {
      [`counts.${optionIndex}`]: FieldValue.increment(1),
      totalVotes: FieldValue.increment(1),
    });
    tx.update(vote, { countedAt: now });
    return 'counted';
  });

  if (result === 'ignored') logger.warn('poll vote ignored', { sessionId, pollId, uid });
  else logger.info('poll vote tally', { sessionId, pollId, uid, result });
  return result;
}

import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { db } from '../lib/admin';
import { tallyPollVote } from './poll-tally';

/** Adds a new vote to its poll's `counts` and `totalVotes` exactly once. */
export const onPollVoteCreated = onDocumentCreated(
  { document: 'liveSessions/{sessionId}/polls/{pollId}/votes/{uid}', retry: true },
  async (event) => {
    const { sessionId, pollId, uid } = event.params;
    await tallyPollVote(db(), sessionId, pollId, uid, new Date());
  },
);

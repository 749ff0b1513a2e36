import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { db } from '../lib/admin';
import { tallyPollVote } from './poll-tally';
import { POLL_VOTE_DOC } from '../lib/data/live-sessions';

/** Adds a new vote to its poll's `counts` and `totalVotes` exactly once. */
export const onPollVoteCreated = onDocumentCreated(
  { document: POLL_VOTE_DOC, retry: true },
  async (event) => {
    const { sessionId, pollId, uid } = event.params;
    await tallyPollVote(db(), sessionId, pollId, uid, new Date());
  },
);

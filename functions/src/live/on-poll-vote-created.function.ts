import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { db } from '../lib/admin';
import { tallyPollVote } from './poll-tally';
import { POLL_VOTE_DOC } from '../lib/data/live-sessions';

/** Publishes the poll's `counts` and `totalVotes`, recounted from its votes, at most once a second. */
export const onPollVoteCreated = onDocumentCreated(
  { document: POLL_VOTE_DOC, retry: true },
  async (event) => {
    const { sessionId, pollId } = event.params;
    await tallyPollVote(db(), sessionId, pollId, {
      eventAt: event.data?.createTime?.toDate() ?? new Date(event.time),
    });
  },
);

import { limit, orderBy, query, where } from 'firebase/firestore';
import { querySource } from '@/lib/firestore/live-source';
import { enrollmentsRef } from '@/lib/data/enrollments';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';
import { unfinished } from '../utils/dashboard-lists';

/** Enrolments read (most recently active first); the card shows the unfinished ones among them. */
export const CONTINUE_LEARNING_READ = 6;

export function continueLearningQueryOptions(uid: string | undefined) {
  return liveQueryOptions(
    ['enrollments', 'mine', uid ?? null, 'recent', CONTINUE_LEARNING_READ] as const,
    uid
      ? querySource(
          query(
            enrollmentsRef(),
            where('uid', '==', uid),
            orderBy('updatedAt', 'desc'),
            limit(CONTINUE_LEARNING_READ),
          ),
          unfinished,
        )
      : null,
  );
}

/** The courses I was most recently learning and have not finished, live (progress follows the server). */
export function useContinueLearning(uid: string | undefined) {
  return useLiveQuery(continueLearningQueryOptions(uid));
}

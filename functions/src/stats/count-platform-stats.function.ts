import type { CountedCollection } from '@skillverse/domain/stats';
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { db } from '../lib/admin';
import { applyStatsEvent } from './platform-counters';
import { countedDocPath } from '../lib/data/stats';

/** One trigger per counted collection, each applying its write's delta to stats/platform once. */
function countWrites(collection: CountedCollection) {
  return onDocumentWritten({ document: countedDocPath(collection), retry: true }, async (event) => {
    await applyStatsEvent(
      db(),
      {
        id: event.id,
        // The commit time of the write: the new version's update time (precise), else (a delete)
        // the event's time.
        time:
          (event.data?.after.exists ? event.data.after.updateTime?.toDate() : undefined) ??
          new Date(event.time),
        collection,
        document: event.document,
        before: event.data?.before.data(),
        after: event.data?.after.data(),
      },
      new Date(),
    );
  });
}

export const statsOnUserWritten = countWrites('users');
export const statsOnCourseWritten = countWrites('courses');
export const statsOnEnrollmentWritten = countWrites('enrollments');
export const statsOnPaymentWritten = countWrites('payments');
export const statsOnExchangeWritten = countWrites('exchanges');
export const statsOnLiveSessionWritten = countWrites('liveSessions');
export const statsOnApplicationWritten = countWrites('educatorApplications');

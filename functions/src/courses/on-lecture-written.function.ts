import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { db } from '../lib/admin';
import { syncLectureTotals } from './course-sync';

/** totalLectures and totalDurationSec follow the lectures subcollection. */
export const onLectureWritten = onDocumentWritten(
  { document: 'courses/{courseId}/lectures/{lectureId}', retry: true },
  async (event) => {
    await syncLectureTotals(db(), event.params.courseId);
  },
);

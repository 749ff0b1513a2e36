import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { db } from '../lib/admin';
import { syncLectureTotals } from './course-sync';
import { LECTURE_DOC } from '../lib/data/courses';

/** totalLectures and totalDurationSec follow the lectures subcollection. */
export const onLectureWritten = onDocumentWritten({ document: LECTURE_DOC, retry: true }, async (event) => {
  await syncLectureTotals(db(), event.params.courseId);
});

import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { db } from '../lib/admin';
import { awardReviewPoints, syncCourseRating } from './course-sync';
import { REVIEW_DOC } from '../lib/data/courses';

/** Course rating {average, count} recomputed from the reviews; review points once per learner. */
export const onReviewWritten = onDocumentWritten({ document: REVIEW_DOC, retry: true }, async (event) => {
  const { courseId, uid } = event.params;
  await syncCourseRating(db(), courseId);
  if (event.data?.after.exists) await awardReviewPoints(db(), courseId, uid);
});

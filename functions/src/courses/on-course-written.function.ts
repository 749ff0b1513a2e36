import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { db } from '../lib/admin';
import { syncCourseDisplayFields } from './course-sync';
import { COURSE_DOC } from '../lib/data/courses';

/** Keeps instructorName/photo, searchTokens and lecture totals right after instructor edits. */
export const onCourseWritten = onDocumentWritten({ document: COURSE_DOC, retry: true }, async (event) => {
  await syncCourseDisplayFields(
    db(),
    event.params.courseId,
    event.data?.before.exists ? (event.data.before.data() ?? null) : null,
    event.data?.after.exists ? (event.data.after.data() ?? null) : null,
  );
});

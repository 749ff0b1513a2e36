// enrollments/{courseId}_{uid}: a learner's enrolment in a course, and the document a function creates.
import { enrollmentId } from '@skillverse/domain/courses-api';
import type { EnrollmentSource } from '@skillverse/domain/models';
import type { CollectionReference, DocumentReference, Firestore } from 'firebase-admin/firestore';
import { isRecord, num } from '@skillverse/domain/fields';
import { learnerSortName } from '@skillverse/domain/students';
import type { CourseInfo } from './courses';

export const ENROLLMENTS = 'enrollments';

export const enrollmentsCol = (db: Firestore): CollectionReference => db.collection(ENROLLMENTS);
export const enrollmentRef = (db: Firestore, courseId: string, uid: string): DocumentReference =>
  enrollmentsCol(db).doc(enrollmentId(courseId, uid));

/** A new enrolment document (SPEC §3), with the course's display fields for "my learning". */
export function newEnrollmentData(input: {
  uid: string;
  course: CourseInfo;
  source: EnrollmentSource;
  now: Date;
  paymentId?: string | null;
  /** The learner's display name, for the educator's students view (sorted by name). */
  learnerName?: string | null;
}) {
  return {
    uid: input.uid,
    courseId: input.course.id,
    instructorId: input.course.instructorId,
    status: 'active' as const,
    source: input.source,
    completedLectureIds: [] as string[],
    progress: 0,
    lastLectureId: null,
    lastPositionSec: 0,
    completedAt: null,
    certificateId: null,
    passedQuizIds: [] as string[],
    courseTitle: input.course.title,
    courseThumbnailUrl: input.course.thumbnailUrl,
    paymentId: input.paymentId ?? null,
    // The students view (domain/students.ts) orders on these: every enrolment has them.
    learnerName: learnerSortName(input.learnerName),
    lastActivityAt: input.now,
    bestQuizScore: null,
    createdAt: input.now,
    updatedAt: input.now,
  };
}

/** Trigger path (the wildcard names the param handlers read). */
export const ENROLLMENT_DOC = 'enrollments/{enrollmentId}';

/** enrollments/{id}.watch.<lectureId>: observed time on one lecture (server-written only). */
export function readLectureWatch(enrollment: Record<string, unknown>, lectureId: string) {
  const watch = isRecord(enrollment.watch) ? enrollment.watch : {};
  const entry = isRecord(watch[lectureId]) ? watch[lectureId] : {};
  return {
    seconds: Math.max(0, num(entry.seconds)),
    measuredSec: typeof entry.measuredSec === 'number' ? entry.measuredSec : null,
  };
}

/** enrollments/{id}.watchReportAt: the server time of the previous progress report (ms), or null. */
export function readWatchReportAt(enrollment: Record<string, unknown>): number | null {
  const at = enrollment.watchReportAt;
  if (at instanceof Date) return at.getTime();
  if (at && typeof (at as { toMillis?: unknown }).toMillis === 'function') {
    return (at as { toMillis: () => number }).toMillis();
  }
  return null;
}

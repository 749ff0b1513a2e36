// enrollments/{courseId}_{uid} (SPEC §3): path, converter, refs and the enrolment query features share.
import { ENROLLMENT_SOURCES, ENROLLMENT_STATUSES, type Enrollment } from '@skillverse/domain/models';
import { collection, doc, limit, query, where, type FirestoreDataConverter } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';
import {
  dateOrNow,
  dateOrNull,
  nullableStr,
  num,
  obj,
  oneOf,
  str,
  strings,
  readOnlyConverter,
} from '@/lib/firestore/parse';

export function parseEnrollment(id: string, data: unknown): Enrollment {
  const d = obj(data);
  return {
    id,
    uid: str(d.uid),
    courseId: str(d.courseId),
    instructorId: str(d.instructorId),
    status: oneOf(ENROLLMENT_STATUSES, d.status, 'active'),
    source: oneOf(ENROLLMENT_SOURCES, d.source, 'free'),
    completedLectureIds: strings(d.completedLectureIds),
    progress: num(d.progress),
    lastLectureId: nullableStr(d.lastLectureId),
    lastPositionSec: num(d.lastPositionSec),
    completedAt: dateOrNull(d.completedAt),
    certificateId: nullableStr(d.certificateId),
    watch: Object.fromEntries(
      Object.entries(obj(d.watch)).map(([lectureId, w]) => {
        const entry = obj(w);
        return [lectureId, { seconds: num(entry.seconds), measuredSec: num(entry.measuredSec) || null }];
      }),
    ),
    watchedSeconds: num(d.watchedSeconds),
    courseTitle: str(d.courseTitle),
    courseThumbnailUrl: nullableStr(d.courseThumbnailUrl),
    learnerName: str(d.learnerName),
    lastActivityAt: dateOrNull(d.lastActivityAt),
    bestQuizScore: typeof d.bestQuizScore === 'number' ? d.bestQuizScore : null,
    createdAt: dateOrNow(d.createdAt),
    updatedAt: dateOrNow(d.updatedAt),
  };
}

// The learner updates only lastLectureId/lastPositionSec with updateDoc (features/learning/api).
export const enrollmentConverter: FirestoreDataConverter<Enrollment> = readOnlyConverter(
  'enrollments',
  parseEnrollment,
);

// ---------------------------------------------------------------- paths and refs

export const enrollmentPaths = {
  enrollments: () => 'enrollments',
  enrollment: (courseId: string, uid: string) => `enrollments/${courseId}_${uid}`,
} as const;

export const enrollmentsRef = () =>
  collection(db, enrollmentPaths.enrollments()).withConverter(enrollmentConverter);
export const enrollmentRef = (courseId: string, uid: string) =>
  doc(db, enrollmentPaths.enrollment(courseId, uid)).withConverter(enrollmentConverter);

// ---------------------------------------------------------------- shared queries

/** enrollments/{courseId}_{uid}, live — one definition (and one cache key) for the course page, checkout and the player. */
export function enrollmentQueryOptions(courseId: string | undefined, uid: string | undefined) {
  return liveQueryOptions(
    ['enrollments', courseId ?? null, uid ?? null] as const,
    courseId && uid
      ? // A query, not a get: the rules deny reading an enrolment that does not exist (its `uid` is
        // unknown), which would kill the listener before the enrolment appears.
        querySource(
          query(enrollmentsRef(), where('uid', '==', uid), where('courseId', '==', courseId), limit(1)),
          (items) => items[0] ?? null,
        )
      : null,
  );
}

/** The learner's enrolment, live (null when not enrolled): ticks, progress and certificate follow the server. */
export function useEnrollment(courseId: string | undefined, uid: string | undefined) {
  return useLiveQuery(enrollmentQueryOptions(courseId, uid));
}

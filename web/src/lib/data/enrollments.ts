import { ENROLLMENT_SOURCES, ENROLLMENT_STATUSES, type Enrollment } from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { dateOrNow, dateOrNull, nullableStr, num, obj, oneOf, serverOnly, str, strings } from '@/lib/firestore/parse';

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
    courseTitle: str(d.courseTitle),
    courseThumbnailUrl: nullableStr(d.courseThumbnailUrl),
    createdAt: dateOrNow(d.createdAt),
    updatedAt: dateOrNow(d.updatedAt),
  };
}

export const enrollmentConverter: FirestoreDataConverter<Enrollment> = {
  // The learner updates only lastLectureId/lastPositionSec with updateDoc (features/learning/api).
  toFirestore: () => serverOnly('enrollments'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseEnrollment(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};

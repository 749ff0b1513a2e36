import { ENROLLMENT_SOURCES, ENROLLMENT_STATUSES, type Enrollment } from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { z } from 'zod';
import { arrayOf, count, dateOrNow, dateOrNull, serverOnly, text } from './parse';

const schema = z.object({
  uid: text(),
  courseId: text(),
  instructorId: text(),
  status: z.enum(ENROLLMENT_STATUSES).catch('active'),
  source: z.enum(ENROLLMENT_SOURCES).catch('free'),
  completedLectureIds: arrayOf(z.string()),
  progress: count,
  lastLectureId: z.string().nullable().catch(null),
  lastPositionSec: count,
  completedAt: dateOrNull,
  certificateId: z.string().nullable().catch(null),
  courseTitle: text(),
  courseThumbnailUrl: z.string().nullable().catch(null),
  createdAt: dateOrNow,
  updatedAt: dateOrNow,
});

export function parseEnrollment(id: string, data: unknown): Enrollment {
  return { id, ...schema.parse(data ?? {}) };
}

export const enrollmentConverter: FirestoreDataConverter<Enrollment> = {
  // The learner updates only lastLectureId/lastPositionSec with updateDoc (features/learning/api).
  toFirestore: () => serverOnly('enrollments'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseEnrollment(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};

import {
  CATEGORIES,
  COURSE_LEVELS,
  COURSE_STATUSES,
  type Course,
  type CourseSection,
} from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { z } from 'zod';
import { arrayOf, count, dateOrNow, dateOrNull, serverOnly, text } from './parse';

const outlineLecture = z.object({
  id: z.string().min(1),
  title: text(),
  durationSec: count,
  preview: z.boolean().catch(false),
});

const section = z.object({
  id: z.string().min(1),
  title: text(),
  order: count,
  lectureIds: arrayOf(z.string()).optional(),
  lectures: arrayOf(outlineLecture),
});

/** A lecture as the outline on the course document lists it (written by the course editor). */
export type OutlineLecture = z.output<typeof outlineLecture>;
/** A section with its lecture summaries (empty when the document has only `lectureIds`). */
export type CourseOutlineSection = CourseSection & { lectures: OutlineLecture[] };
/** courses/{id} as the web app reads it: the domain model, outline summaries included. */
export type CourseDoc = Omit<Course, 'sections'> & { sections: CourseOutlineSection[] };

const schema = z.object({
  instructorId: text(),
  title: text(),
  description: text(),
  category: z.enum(CATEGORIES).catch('Programming'),
  tags: arrayOf(z.string()),
  level: z.enum(COURSE_LEVELS).catch('all'),
  price: count,
  currency: text('USD'),
  thumbnailUrl: z.string().nullable().catch(null),
  status: z.enum(COURSE_STATUSES).catch('draft'),
  rejectionReason: z.string().nullable().catch(null),
  sections: arrayOf(section),
  totalLectures: count,
  rating: z.object({ average: count, count }).catch({ average: 0, count: 0 }),
  enrollmentCount: count,
  completionCount: count,
  certificate: z
    .object({ enabled: z.boolean().catch(true), passingScore: count })
    .catch({ enabled: true, passingScore: 70 }),
  instructorName: text(),
  instructorPhotoURL: z.string().nullable().catch(null),
  totalDurationSec: count,
  featured: z.boolean().catch(false),
  searchTokens: arrayOf(z.string()),
  publishedAt: dateOrNull,
  createdAt: dateOrNow,
  updatedAt: dateOrNow,
});

/** Parses a courses/{id} document; missing or malformed fields fall back to safe defaults. */
export function parseCourse(id: string, data: unknown): CourseDoc {
  const d = schema.parse(data ?? {});
  const sections = [...d.sections]
    .sort((a, b) => a.order - b.order)
    .map(({ lectureIds, ...rest }) => ({
      ...rest,
      lectureIds: lectureIds && lectureIds.length > 0 ? lectureIds : rest.lectures.map((l) => l.id),
    }));
  return { id, ...d, sections };
}

export const courseConverter: FirestoreDataConverter<CourseDoc> = {
  // Instructors write content fields with setDoc/updateDoc on the untyped ref
  // (features/educator/api); the denormalised fields belong to the server.
  toFirestore: () => serverOnly('courses'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseCourse(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};

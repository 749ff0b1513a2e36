// courses/{courseId} (SPEC §3): path, converter, refs and the course query every feature shares.
// Its sub-collections have their own modules: lectures.ts, quizzes.ts, reviews.ts.
import {
  CATEGORIES,
  COURSE_LEVELS,
  COURSE_STATUSES,
  type Course,
  type CourseSection,
} from '@skillverse/domain/models';
import { collection, doc, type FirestoreDataConverter } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { docSource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';
import {
  arrayOf,
  bool,
  dateOrNow,
  dateOrNull,
  isObject,
  nonEmptyStr,
  nullableStr,
  num,
  obj,
  oneOf,
  str,
  strings,
  readOnlyConverter,
} from '@/lib/firestore/parse';

/** A lecture as the outline on the course document lists it (written by the course editor). */
export interface OutlineLecture {
  id: string;
  title: string;
  durationSec: number;
  preview: boolean;
}
/** A section with its lecture summaries (empty when the document has only `lectureIds`). */
export type CourseOutlineSection = CourseSection & { lectures: OutlineLecture[] };
/** courses/{id} as the web app reads it: the domain model, outline summaries included. */
export type CourseDoc = Omit<Course, 'sections'> & { sections: CourseOutlineSection[] };

/** An outline lecture; dropped without an id. */
function readOutlineLecture(raw: unknown): OutlineLecture | undefined {
  const l = obj(raw);
  const id = nonEmptyStr(l.id);
  if (id === undefined) return undefined;
  return { id, title: str(l.title), durationSec: num(l.durationSec), preview: bool(l.preview) };
}

/** A section; dropped without an id. Without `lectureIds`, they come from the outline summaries. */
function readSection(raw: unknown): CourseOutlineSection | undefined {
  const s = obj(raw);
  const id = nonEmptyStr(s.id);
  if (id === undefined) return undefined;
  const lectureIds = strings(s.lectureIds);
  const lectures = arrayOf(s.lectures, readOutlineLecture);
  return {
    id,
    title: str(s.title),
    order: num(s.order),
    lectures,
    lectureIds: lectureIds.length > 0 ? lectureIds : lectures.map((l) => l.id),
  };
}

/** Parses a courses/{id} document; missing or malformed fields fall back to safe defaults. */
export function parseCourse(id: string, data: unknown): CourseDoc {
  const d = obj(data);
  const rating = obj(d.rating);
  const certificate = isObject(d.certificate)
    ? { enabled: bool(d.certificate.enabled, true), passingScore: num(d.certificate.passingScore) }
    : // Not a map at all: the platform default rule.
      { enabled: true, passingScore: 70 };
  return {
    id,
    instructorId: str(d.instructorId),
    title: str(d.title),
    description: str(d.description),
    category: oneOf(CATEGORIES, d.category, 'Programming'),
    tags: strings(d.tags),
    level: oneOf(COURSE_LEVELS, d.level, 'all'),
    price: num(d.price),
    currency: str(d.currency, 'USD'),
    thumbnailUrl: nullableStr(d.thumbnailUrl),
    status: oneOf(COURSE_STATUSES, d.status, 'draft'),
    rejectionReason: nullableStr(d.rejectionReason),
    sections: arrayOf(d.sections, readSection).sort((a, b) => a.order - b.order),
    totalLectures: num(d.totalLectures),
    rating: { average: num(rating.average), count: num(rating.count) },
    enrollmentCount: num(d.enrollmentCount),
    completionCount: num(d.completionCount),
    certificate,
    instructorName: str(d.instructorName),
    instructorPhotoURL: nullableStr(d.instructorPhotoURL),
    totalDurationSec: num(d.totalDurationSec),
    featured: bool(d.featured),
    // Plus (domain/plus.ts isInPlus): on unless the educator opted out; admins may exclude.
    includedInPlus: d.includedInPlus !== false,
    plusExcluded: d.plusExcluded === true,
    searchTokens: strings(d.searchTokens),
    publishedAt: dateOrNull(d.publishedAt),
    createdAt: dateOrNow(d.createdAt),
    updatedAt: dateOrNow(d.updatedAt),
  };
}

// Instructors write content fields with setDoc/updateDoc on the untyped ref
// (features/educator/api); the denormalised fields belong to the server.
export const courseConverter: FirestoreDataConverter<CourseDoc> = readOnlyConverter('courses', parseCourse);

// ---------------------------------------------------------------- paths and refs

export const coursePaths = {
  courses: () => 'courses',
  course: (courseId: string) => `courses/${courseId}`,
} as const;

/** courses: read through the converter; instructors write with `.withConverter(null)`. */
export const coursesRef = () => collection(db, coursePaths.courses()).withConverter(courseConverter);
export const courseRef = (courseId: string) =>
  doc(db, coursePaths.course(courseId)).withConverter(courseConverter);
/** Without a converter: for a query that reads a field or two (e.g. an instructor's course titles). */
export const coursesRawRef = () => collection(db, coursePaths.courses());
/** A fresh course id (no write). */
export const newCourseId = () => doc(collection(db, coursePaths.courses())).id;

// ---------------------------------------------------------------- shared queries

/** courses/{id}, live — one definition (and one cache key) for every feature that shows a course. */
export function courseQueryOptions(courseId: string | undefined) {
  return liveQueryOptions(
    ['courses', courseId ?? null] as const,
    courseId ? docSource(courseRef(courseId)) : null,
  );
}

/**
 * courses/{id}, live. `null`: it does not exist; a course you may not read (a draft of someone
 * else) fails with permission-denied. Its instructor reads it in every status.
 */
export function useCourse(courseId: string | undefined) {
  return useLiveQuery(courseQueryOptions(courseId));
}

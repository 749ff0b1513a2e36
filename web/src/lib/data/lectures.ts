// courses/{courseId}/lectures/{lectureId} and its faq sub-collection (SPEC §3): paths, converters,
// refs and the lecture-list query every feature shares.
import type { Lecture, LectureResource } from '@skillverse/domain/models';
import type { LectureFaqEntry } from '@skillverse/domain/session-qa';
import { collection, doc, orderBy, query, where, type FirestoreDataConverter } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';
import {
  arrayOf,
  bool,
  dateOrNow,
  nonEmptyStr,
  nullableStr,
  num,
  obj,
  readOnlyConverter,
  str,
} from '@/lib/firestore/parse';

/** A lecture resource (a link); dropped without a url. */
function readResource(raw: unknown): LectureResource | undefined {
  const r = obj(raw);
  const url = nonEmptyStr(r.url);
  return url === undefined ? undefined : { title: str(r.title), url };
}

export function parseLecture(id: string, data: unknown): Lecture {
  const d = obj(data);
  return {
    id,
    title: str(d.title),
    order: num(d.order),
    sectionId: str(d.sectionId),
    videoUrl: nullableStr(d.videoUrl),
    videoPath: nullableStr(d.videoPath),
    durationSec: num(d.durationSec),
    preview: bool(d.preview),
    body: str(d.body),
    resources: arrayOf(d.resources, readResource),
    quizId: nullableStr(d.quizId),
    createdAt: dateOrNow(d.createdAt),
    updatedAt: dateOrNow(d.updatedAt),
  };
}

// The instructor writes lectures with plain objects on the untyped ref (features/educator/api).
export const lectureConverter: FirestoreDataConverter<Lecture> = readOnlyConverter(
  'courses/{id}/lectures',
  parseLecture,
);

/** courses/{id}/lectures/{lectureId}/faq/{faqId}: live-session questions the host published as lecture FAQ. */
export const lectureFaqConverter = readOnlyConverter('faq', (id, data): LectureFaqEntry => {
  const d = obj(data);
  return {
    id,
    sessionId: str(d.sessionId),
    questionId: str(d.questionId),
    sessionTitle: str(d.sessionTitle, 'Live session'),
    sessionDate: dateOrNow(d.sessionDate),
    hostId: str(d.hostId),
    hostName: str(d.hostName),
    question: str(d.question),
    answer: str(d.answer),
    publishedAt: dateOrNow(d.publishedAt),
    updatedAt: dateOrNow(d.updatedAt),
  };
});

// ---------------------------------------------------------------- paths and refs

export const lecturePaths = {
  lectures: (courseId: string) => `courses/${courseId}/lectures`,
  lecture: (courseId: string, lectureId: string) => `courses/${courseId}/lectures/${lectureId}`,
  faq: (courseId: string, lectureId: string) => `courses/${courseId}/lectures/${lectureId}/faq`,
} as const;

export const lecturesRef = (courseId: string) =>
  collection(db, lecturePaths.lectures(courseId)).withConverter(lectureConverter);
export const lectureRef = (courseId: string, lectureId: string) =>
  doc(db, lecturePaths.lecture(courseId, lectureId)).withConverter(lectureConverter);
/** A fresh lecture (or quiz, question, section) id (no write). */
export const newLectureId = (courseId: string) => doc(collection(db, lecturePaths.lectures(courseId))).id;

/** courses/{id}/lectures/{lectureId}/faq: written only by publishSessionFaq; read-only here. */
export const lectureFaqRef = (courseId: string, lectureId: string) =>
  collection(db, lecturePaths.faq(courseId, lectureId)).withConverter(lectureFaqConverter);

// ---------------------------------------------------------------- shared queries

/**
 * Which lectures a person may read: `all` for the course's learners, its instructor and admins
 * (in course order), `preview` (the free previews) for everyone else — the rules allow exactly
 * those two queries. `null`: not known yet, nothing is read.
 */
export type LectureScope = 'all' | 'preview';

/**
 * The lectures of a course, live: one definition and one cache key
 * (`['courses', id, 'lectures', scope]`) for the course page, the player, the instructor's editor,
 * the admin review and the live session's follow-up. `enabled: false` keeps the key but reads nothing.
 */
export function lecturesQueryOptions(
  courseId: string | null | undefined,
  scope: LectureScope | null = 'all',
  enabled = true,
) {
  return liveQueryOptions(
    ['courses', courseId ?? null, 'lectures', scope] as const,
    courseId && scope && enabled
      ? querySource(
          scope === 'all'
            ? query(lecturesRef(courseId), orderBy('order'))
            : query(lecturesRef(courseId), where('preview', '==', true)),
        )
      : null,
  );
}

/** Every lecture of a course in order (readable once enrolled, or as its instructor or an admin), live. */
export function useLectures(courseId: string | null | undefined, enabled = true) {
  return useLiveQuery(lecturesQueryOptions(courseId, 'all', enabled));
}

/** The lectures a person may read of a course (see `LectureScope`), live. */
export function useCourseLectures(courseId: string | undefined, scope: LectureScope | null) {
  return useLiveQuery(lecturesQueryOptions(courseId, scope));
}

// courses/{courseId} and its subcollections: lectures/{lectureId} (+ faq/{faqId}), quizzes/{quizId},
// quizKeys/{quizId} (server-only answers), reviews/{uid}, revisions/{revisionId}; and the typed reader of a course.
import type { CertificateRule, CourseStatus } from '@skillverse/domain/models';
import { isRecord, num, str } from '@skillverse/domain/fields';
import type {
  CollectionReference,
  DocumentReference,
  DocumentSnapshot,
  Firestore,
} from 'firebase-admin/firestore';

export const COURSES = 'courses';
export const LECTURES = 'lectures';
export const QUIZZES = 'quizzes';
export const QUIZ_KEYS = 'quizKeys';
export const REVIEWS = 'reviews';
export const FAQ = 'faq';
export const REVISIONS = 'revisions';

export const coursesCol = (db: Firestore): CollectionReference => db.collection(COURSES);
export const courseRef = (db: Firestore, courseId: string): DocumentReference => coursesCol(db).doc(courseId);
export const lecturesCol = (db: Firestore, courseId: string): CollectionReference =>
  courseRef(db, courseId).collection(LECTURES);
export const lectureRef = (db: Firestore, courseId: string, lectureId: string): DocumentReference =>
  lecturesCol(db, courseId).doc(lectureId);
export const lectureFaqRef = (db: Firestore, courseId: string, lectureId: string, faqId: string) =>
  lectureRef(db, courseId, lectureId).collection(FAQ).doc(faqId);
export const quizzesCol = (db: Firestore, courseId: string): CollectionReference =>
  courseRef(db, courseId).collection(QUIZZES);
export const quizRef = (db: Firestore, courseId: string, quizId: string): DocumentReference =>
  quizzesCol(db, courseId).doc(quizId);
export const quizKeyRef = (db: Firestore, courseId: string, quizId: string): DocumentReference =>
  courseRef(db, courseId).collection(QUIZ_KEYS).doc(quizId);
export const reviewsCol = (db: Firestore, courseId: string): CollectionReference =>
  courseRef(db, courseId).collection(REVIEWS);
/** revisions/{kind}-{itemId}: an educator's pending change to a live course's lecture or quiz. */
export const revisionsCol = (db: Firestore, courseId: string): CollectionReference =>
  courseRef(db, courseId).collection(REVISIONS);
export const revisionRef = (db: Firestore, courseId: string, revisionId: string): DocumentReference =>
  revisionsCol(db, courseId).doc(revisionId);

/** The course fields the server logic relies on, read defensively from a snapshot. */
export interface CourseInfo {
  id: string;
  instructorId: string;
  title: string;
  status: CourseStatus | string;
  price: number;
  currency: string;
  thumbnailUrl: string | null;
  instructorName: string | null;
  certificate: CertificateRule;
  totalLectures: number;
  publishedAt: unknown;
  /** Plus membership (domain/plus.ts isInPlus): the educator's choice and an admin's exclusion. */
  includedInPlus?: boolean;
  plusExcluded?: boolean;
}

/** A missing certificate rule means "certificate on, no quiz score required". */
export function certificateRule(value: unknown): CertificateRule {
  if (!isRecord(value)) return { enabled: true, passingScore: 0 };
  return {
    enabled: value.enabled !== false,
    passingScore: Math.min(100, Math.max(0, num(value.passingScore))),
  };
}

export function readCourse(snap: DocumentSnapshot): CourseInfo | null {
  if (!snap.exists) return null;
  const d = snap.data() ?? {};
  return {
    id: snap.id,
    instructorId: str(d.instructorId),
    title: str(d.title, 'Untitled course'),
    status: str(d.status, 'draft'),
    price: Math.max(0, Math.trunc(num(d.price))),
    currency: str(d.currency, 'USD').toUpperCase(),
    thumbnailUrl: typeof d.thumbnailUrl === 'string' ? d.thumbnailUrl : null,
    instructorName: typeof d.instructorName === 'string' && d.instructorName ? d.instructorName : null,
    certificate: certificateRule(d.certificate),
    totalLectures: num(d.totalLectures),
    publishedAt: d.publishedAt ?? null,
    includedInPlus: d.includedInPlus !== false,
    plusExcluded: d.plusExcluded === true,
  };
}

/** Trigger paths (the wildcards name the params handlers read). */
export const COURSE_DOC = 'courses/{courseId}';
export const LECTURE_DOC = 'courses/{courseId}/lectures/{lectureId}';
export const REVIEW_DOC = 'courses/{courseId}/reviews/{uid}';

/** The lecture fields the watch rules need (domain/watch-time), or null when it does not exist. */
export function readLectureForWatching(snap: DocumentSnapshot) {
  if (!snap.exists) return null;
  const d = snap.data() ?? {};
  return {
    videoUrl: typeof d.videoUrl === 'string' ? d.videoUrl : null,
    videoPath: typeof d.videoPath === 'string' ? d.videoPath : null,
    durationSec: num(d.durationSec),
    body: typeof d.body === 'string' ? d.body : '',
  };
}

// Test fixtures for the course and billing integration tests: a course with lectures, an
// optional quiz with its key, and signed-in users. Unique ids per call, so tests never collide.
import { observedWatching } from '@skillverse/domain/watch-time';
import type { Firestore } from 'firebase-admin/firestore';
import { createAuthUser, idTokenFor, type TestAccount, testDb, uniqueId, waitForDoc } from './emulator';

export interface SeededCourse {
  courseId: string;
  lectureIds: string[];
  quizId: string | null;
  instructorId: string;
}

export interface CourseOptions {
  instructorId: string;
  price?: number;
  status?: string;
  lectures?: number;
  certificate?: { enabled: boolean; passingScore: number };
  /** Adds quiz `final` with three questions; the key is q1: [1], q2: [0, 2], q3: [0]. */
  quiz?: {
    passingScore: number;
    /** Attempt settings on the quiz doc (attemptLimit, timeLimitMinutes, shuffle, showCorrectness). */
    settings?: Record<string, unknown>;
  } | null;
  title?: string;
  instructorName?: string;
}

export const QUIZ_QUESTIONS = [
  { id: 'q1', prompt: 'Which one?', type: 'single', options: ['a', 'b', 'c'] },
  { id: 'q2', prompt: 'Which ones?', type: 'multiple', options: ['a', 'b', 'c', 'd'] },
  { id: 'q3', prompt: 'True?', type: 'boolean', options: ['True', 'False'] },
];
export const QUIZ_KEY = { q1: [1], q2: [0, 2], q3: [0] };
export const PERFECT_ANSWERS = { q1: [1], q2: [2, 0], q3: [0] };

export async function seedCourse(db: Firestore, options: CourseOptions): Promise<SeededCourse> {
  const courseId = uniqueId('course');
  const now = new Date();
  const lectureIds = Array.from({ length: options.lectures ?? 3 }, (_, i) => `l${i + 1}`);
  const title = options.title ?? `Test course ${courseId}`;
  await db.doc(`courses/${courseId}`).set({
    instructorId: options.instructorId,
    title,
    description: 'A course made by a test.',
    category: 'Programming',
    tags: ['testing'],
    level: 'beginner',
    price: options.price ?? 0,
    currency: 'USD',
    thumbnailUrl: null,
    status: options.status ?? 'published',
    sections: [{ id: 's1', title: 'Section', order: 1, lectureIds }],
    totalLectures: lectureIds.length,
    rating: { average: 0, count: 0 },
    enrollmentCount: 0,
    certificate: options.certificate ?? { enabled: true, passingScore: options.quiz?.passingScore ?? 0 },
    instructorName: options.instructorName ?? 'Ina Instructor',
    instructorPhotoURL: null,
    totalDurationSec: lectureIds.length * 60,
    featured: false,
    searchTokens: [],
    publishedAt: options.status === 'published' || !options.status ? now : null,
    createdAt: now,
    updatedAt: now,
  });
  await Promise.all(
    lectureIds.map((id, i) =>
      db.doc(`courses/${courseId}/lectures/${id}`).set({
        title: `Lecture ${i + 1}`,
        order: i + 1,
        sectionId: 's1',
        videoUrl: null,
        durationSec: 60,
        preview: i === 0,
        body: '',
        resources: [],
        createdAt: now,
        updatedAt: now,
      }),
    ),
  );
  let quizId: string | null = null;
  if (options.quiz) {
    quizId = 'final';
    await db.doc(`courses/${courseId}/quizzes/${quizId}`).set({
      title: 'Final quiz',
      questions: QUIZ_QUESTIONS,
      passingScore: options.quiz.passingScore,
      ...(options.quiz.settings ?? {}),
      createdAt: now,
      updatedAt: now,
    });
    await db.doc(`courses/${courseId}/quizKeys/${quizId}`).set({ answers: QUIZ_KEY });
  }
  return { courseId, lectureIds, quizId, instructorId: options.instructorId };
}

export interface SignedInUser extends TestAccount {
  token: string;
}

/** An Auth user whose profile the onUserCreated trigger has written, signed in. */
export async function signedInUser(
  options: { displayName?: string; claims?: Record<string, unknown> } = {},
): Promise<SignedInUser> {
  const account = await createAuthUser(options);
  await waitForDoc(testDb().doc(`users/${account.uid}`));
  await waitForDoc(testDb().doc(`users/${account.uid}/private/account`));
  return { ...account, token: await idTokenFor(account) };
}

export async function enrol(
  db: Firestore,
  courseId: string,
  uid: string,
  instructorId: string,
  source = 'free',
  options: { watched?: boolean } = {},
) {
  const now = new Date();
  // By default the fixture lectures (l1…l20) count as watched (observed time on the enrolment, as
  // recordLectureProgress writes it), so completion tests need not wait; `watched: false` for the gate.
  const observed =
    options.watched === false
      ? { watch: {} }
      : observedWatching(
          Array.from({ length: 20 }, (_, i) => `l${i + 1}`),
          3600,
        );
  await db.doc(`enrollments/${courseId}_${uid}`).set({
    ...observed,
    uid,
    courseId,
    instructorId,
    status: 'active',
    source,
    completedLectureIds: [],
    progress: 0,
    lastLectureId: null,
    lastPositionSec: 0,
    completedAt: null,
    certificateId: null,
    createdAt: now,
  });
}

export async function deleteCourse(db: Firestore, courseId: string): Promise<void> {
  await db.recursiveDelete(db.doc(`courses/${courseId}`));
  const enrollments = await db.collection('enrollments').where('courseId', '==', courseId).get();
  const certificates = await db.collection('certificates').where('courseId', '==', courseId).get();
  const attempts = await db.collection('quizAttempts').where('courseId', '==', courseId).get();
  const payments = await db.collection('payments').where('courseId', '==', courseId).get();
  await Promise.all(
    [...enrollments.docs, ...certificates.docs, ...attempts.docs, ...payments.docs].map((d) =>
      d.ref.delete(),
    ),
  );
}

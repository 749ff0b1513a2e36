// courses/{courseId}/quizzes/{quizId} and courses/{courseId}/quizKeys/{quizId} (SPEC §3).
import { QUESTION_TYPES, type Quiz, type QuizKey, type QuizQuestion } from '@skillverse/domain/models';
import { readQuizSettings } from '@skillverse/domain/quizzes';
import {
  collection,
  doc,
  query,
  type FirestoreDataConverter,
  type QueryDocumentSnapshot,
} from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';
import {
  arrayOf,
  asInt,
  dateOrNow,
  nonEmptyStr,
  nullableStr,
  num,
  obj,
  oneOf,
  recordOfAll,
  serverOnly,
  str,
  strings,
  readOnlyConverter,
} from '@/lib/firestore/parse';

/** A question; dropped without an id. */
function readQuestion(raw: unknown): QuizQuestion | undefined {
  const q = obj(raw);
  const id = nonEmptyStr(q.id);
  if (id === undefined) return undefined;
  return {
    id,
    prompt: str(q.prompt),
    type: oneOf(QUESTION_TYPES, q.type, 'single'),
    options: strings(q.options),
  };
}

export function parseQuiz(id: string, data: unknown): Quiz {
  const d = obj(data);
  return {
    id,
    title: str(d.title),
    questions: arrayOf(d.questions, readQuestion),
    passingScore: num(d.passingScore),
    ...readQuizSettings(d),
    sectionId: nullableStr(d.sectionId),
    lectureId: nullableStr(d.lectureId),
    order: num(d.order),
    createdAt: dateOrNow(d.createdAt),
    updatedAt: dateOrNow(d.updatedAt),
  };
}

export const quizConverter: FirestoreDataConverter<Quiz> = readOnlyConverter(
  'courses/{id}/quizzes',
  parseQuiz,
);

export function parseQuizKey(data: unknown): QuizKey {
  const d = obj(data);
  return {
    // Question id → the indexes of its right options (non-negative integers; others dropped).
    answers: recordOfAll(d.answers, (v) => arrayOf(v, (i) => asInt(i, 0))),
  };
}

export const quizKeyConverter: FirestoreDataConverter<QuizKey> = {
  toFirestore: () => serverOnly('courses/{id}/quizKeys'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) => parseQuizKey(snapshot.data()),
};

// ---------------------------------------------------------------- paths and refs

export const quizPaths = {
  quizzes: (courseId: string) => `courses/${courseId}/quizzes`,
  quiz: (courseId: string, quizId: string) => `courses/${courseId}/quizzes/${quizId}`,
  quizKey: (courseId: string, quizId: string) => `courses/${courseId}/quizKeys/${quizId}`,
} as const;

export const quizzesRef = (courseId: string) =>
  collection(db, quizPaths.quizzes(courseId)).withConverter(quizConverter);
export const quizRef = (courseId: string, quizId: string) =>
  doc(db, quizPaths.quiz(courseId, quizId)).withConverter(quizConverter);
/** courses/{id}/quizKeys/{quizId}: the answers (instructor only). */
export const quizKeyRef = (courseId: string, quizId: string) =>
  doc(db, quizPaths.quizKey(courseId, quizId)).withConverter(quizKeyConverter);

// ---------------------------------------------------------------- shared queries

/** The course's quizzes (the player and the instructor's editor share the key). */
export function quizzesQueryOptions(courseId: string | undefined, enabled = true) {
  return liveQueryOptions(
    ['courses', courseId ?? null, 'quizzes'] as const,
    courseId && enabled ? querySource(query(quizzesRef(courseId))) : null,
  );
}

/** The course's quizzes: questions and options only (the answers stay in quizKeys), live. */
export function useQuizzes(courseId: string | undefined, enabled = true) {
  return useLiveQuery(quizzesQueryOptions(courseId, enabled));
}

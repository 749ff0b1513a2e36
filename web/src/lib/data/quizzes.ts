import { QUESTION_TYPES, type Quiz, type QuizKey, type QuizQuestion } from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
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
    sectionId: nullableStr(d.sectionId),
    lectureId: nullableStr(d.lectureId),
    order: num(d.order),
    createdAt: dateOrNow(d.createdAt),
    updatedAt: dateOrNow(d.updatedAt),
  };
}

export const quizConverter: FirestoreDataConverter<Quiz> = {
  toFirestore: () => serverOnly('courses/{id}/quizzes'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseQuiz(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};

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

import { QUESTION_TYPES, type Quiz, type QuizKey } from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { z } from 'zod';
import { arrayOf, count, dateOrNow, serverOnly, text } from './parse';

const question = z.object({
  id: z.string().min(1),
  prompt: text(),
  type: z.enum(QUESTION_TYPES).catch('single'),
  options: arrayOf(z.string()),
});

const schema = z.object({
  title: text(),
  questions: arrayOf(question),
  passingScore: count,
  sectionId: z.string().nullable().catch(null),
  lectureId: z.string().nullable().catch(null),
  order: count,
  createdAt: dateOrNow,
  updatedAt: dateOrNow,
});

export function parseQuiz(id: string, data: unknown): Quiz {
  return { id, ...schema.parse(data ?? {}) };
}

export const quizConverter: FirestoreDataConverter<Quiz> = {
  toFirestore: () => serverOnly('courses/{id}/quizzes'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseQuiz(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};

const keySchema = z.object({
  answers: z.record(z.string(), arrayOf(z.number().int().min(0))).catch({}),
});

export function parseQuizKey(data: unknown): QuizKey {
  return keySchema.parse(data ?? {});
}

export const quizKeyConverter: FirestoreDataConverter<QuizKey> = {
  toFirestore: () => serverOnly('courses/{id}/quizKeys'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) => parseQuizKey(snapshot.data()),
};

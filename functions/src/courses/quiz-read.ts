// Reading a stored quiz and its key defensively (shared by startQuizAttempt and submitQuiz).
import type { QuizQuestion } from '@skillverse/domain/models';
import { str, strList } from '@skillverse/domain/fields';
import { isRecord } from '../lib/firestore';

export function readQuestions(value: unknown): QuizQuestion[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((q) => ({
    id: str(q.id),
    prompt: str(q.prompt),
    type: q.type === 'multiple' || q.type === 'boolean' ? q.type : 'single',
    options: strList(q.options),
  }));
}

export function readKey(value: unknown): Record<string, number[]> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).map(([id, v]) => [
      id,
      Array.isArray(v) ? v.filter((i): i is number => Number.isInteger(i)) : [],
    ]),
  );
}

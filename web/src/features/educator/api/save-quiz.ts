import { useMutation } from '@tanstack/react-query';
import { serverTimestamp, writeBatch } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { quizKeyRef, quizRef } from '@/lib/data/quizzes';
import { type QuizData, quizSchema } from '../utils/course-schema';

/**
 * Saves a quiz in one batch: the questions without answers to courses/{id}/quizzes/{quizId}
 * (enrolled learners read it) and the correct options to courses/{id}/quizKeys/{quizId}
 * (only the instructor reads it; submitQuiz grades with it on the server).
 */
export async function saveQuiz(input: {
  courseId: string;
  quizId: string;
  sectionId: string | null;
  quiz: QuizData;
  isNew: boolean;
}): Promise<void> {
  const quiz = quizSchema.parse(input.quiz);
  const batch = writeBatch(db);
  const questions = quiz.questions.map(({ id, prompt, type, options }) => ({ id, prompt, type, options }));
  const doc = {
    title: quiz.title,
    passingScore: quiz.passingScore,
    lectureId: quiz.lectureId,
    attemptLimit: quiz.attemptLimit,
    timeLimitMinutes: quiz.timeLimitMinutes,
    shuffle: quiz.shuffle,
    showCorrectness: quiz.showCorrectness,
    sectionId: input.sectionId,
    order: 1,
    questions,
    updatedAt: serverTimestamp(),
    ...(input.isNew ? { createdAt: serverTimestamp() } : {}),
  };
  batch.set(quizRef(input.courseId, input.quizId).withConverter(null), doc, { merge: true });
  batch.set(quizKeyRef(input.courseId, input.quizId).withConverter(null), {
    answers: Object.fromEntries(quiz.questions.map((q) => [q.id, q.correct])),
  });
  await batch.commit();
}

/**
 * Callbacks live on the mutation (not on `mutate`): the editor may remount while the quiz and its
 * key arrive through their listeners, and the outcome must still be reported.
 */
export function useSaveQuiz(callbacks: { onSuccess?: () => void; onError?: (error: Error) => void } = {}) {
  return useMutation({ mutationFn: saveQuiz, ...callbacks });
}

export async function deleteQuiz(input: { courseId: string; quizId: string }): Promise<void> {
  const batch = writeBatch(db);
  batch.delete(quizRef(input.courseId, input.quizId));
  batch.delete(quizKeyRef(input.courseId, input.quizId));
  await batch.commit();
}

export function useDeleteQuiz() {
  return useMutation({ mutationFn: deleteQuiz });
}

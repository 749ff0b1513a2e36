import { revisionId, splitEdit } from '@skillverse/domain/course-revisions';
import type { Quiz, QuizKey } from '@skillverse/domain/models';
import { useMutation } from '@tanstack/react-query';
import { serverTimestamp, writeBatch } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { quizKeyRef, quizRef } from '@/lib/data/quizzes';
import { revisionRef } from '@/lib/data/revisions';
import { type QuizData, quizSchema } from '../utils/course-schema';
import { pendingRevision } from './save-outline';

/** A live course (issue 15): the instructor, and the quiz and key as approved (null when new). */
export interface LiveQuiz {
  instructorId: string;
  before: Quiz | null;
  beforeKey: QuizKey | null;
}

/** `review` when (part of) the save went to an admin as a revision; `saved` when all of it applied. */
export type QuizSaveOutcome = 'saved' | 'review';

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
  live?: LiveQuiz;
}): Promise<QuizSaveOutcome> {
  const quiz = quizSchema.parse(input.quiz);
  const batch = writeBatch(db);
  const questions = quiz.questions.map(({ id, prompt, type, options }) => ({ id, prompt, type, options }));
  const answers = Object.fromEntries(quiz.questions.map((q) => [q.id, q.correct]));
  if (input.live) {
    // Live course: the questions, grading, attempt rules and answers change only through review.
    const fields = {
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
    };
    const ref = revisionRef(input.courseId, revisionId('quiz', input.quizId)).withConverter(null);
    const { instructorId, before, beforeKey } = input.live;
    if (input.isNew || !before) {
      batch.set(ref, pendingRevision(instructorId, 'quiz', 'add', input.quizId, quiz.title, fields, answers));
      await batch.commit();
      return 'review';
    }
    const { inPlace, reviewed } = splitEdit('quiz', before as unknown as Record<string, unknown>, fields);
    const answersChanged = JSON.stringify(beforeKey?.answers ?? {}) !== JSON.stringify(answers);
    const toReview = Object.keys(reviewed).length > 0 || answersChanged;
    if (toReview) {
      batch.set(
        ref,
        pendingRevision(instructorId, 'quiz', 'change', input.quizId, quiz.title, reviewed, answers),
      );
    }
    if (Object.keys(inPlace).length > 0) {
      batch.update(quizRef(input.courseId, input.quizId).withConverter(null), {
        ...inPlace,
        updatedAt: serverTimestamp(),
      });
    }
    await batch.commit();
    return toReview ? 'review' : 'saved';
  }
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
  batch.set(quizKeyRef(input.courseId, input.quizId).withConverter(null), { answers });
  await batch.commit();
  return 'saved';
}

/**
 * Callbacks live on the mutation (not on `mutate`): the editor may remount while the quiz and its
 * key arrive through their listeners, and the outcome must still be reported.
 */
export function useSaveQuiz(
  callbacks: { onSuccess?: (outcome: QuizSaveOutcome) => void; onError?: (error: Error) => void } = {},
) {
  return useMutation({ mutationFn: saveQuiz, ...callbacks });
}

export async function deleteQuiz(input: {
  courseId: string;
  quizId: string;
  /** Live course: the removal is a revision for an admin. */
  live?: { instructorId: string; title: string };
}): Promise<void> {
  if (input.live) {
    const batch = writeBatch(db);
    batch.set(
      revisionRef(input.courseId, revisionId('quiz', input.quizId)).withConverter(null),
      pendingRevision(input.live.instructorId, 'quiz', 'remove', input.quizId, input.live.title, {}),
    );
    await batch.commit();
    return;
  }
  const batch = writeBatch(db);
  batch.delete(quizRef(input.courseId, input.quizId));
  batch.delete(quizKeyRef(input.courseId, input.quizId));
  await batch.commit();
}

export function useDeleteQuiz() {
  return useMutation({ mutationFn: deleteQuiz });
}

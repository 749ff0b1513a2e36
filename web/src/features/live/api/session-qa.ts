// Q&A that teaches: the host's answer on a question, publishing it as lecture FAQ (callables), the
// order of the linked course's lectures to publish onto (lib/data/lectures reads them), and people
// to ask about an unanswered question.
import { orderLectures } from '@skillverse/domain/catalog';
import type { CourseSection, Lecture } from '@skillverse/domain/models';
import {
  ANSWER_MAX_LENGTH,
  pickSuggestedTeachers,
  type PublishSessionFaqRequest,
  SUGGESTED_TEACHERS_QUERY_LIMIT,
  type SuggestedTeacher,
  type UnpublishSessionFaqRequest,
} from '@skillverse/domain/session-qa';
import { publishSessionFaq, unpublishSessionFaq } from '@skillverse/domain/contracts/live';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { getDocs, limit, query, serverTimestamp, updateDoc, where } from 'firebase/firestore';
import { z } from '@/lib/zod';
import { callFunction } from '@/lib/firebase';
import { questionRawRef } from '@/lib/data/live-sessions';
import { usersRef } from '@/lib/data/users';
import { LiveQueryError } from '@/lib/firestore/live-source';

export const answerSchema = z
  .string()
  .trim()
  .min(1, 'Write the answer first')
  .max(ANSWER_MAX_LENGTH, `Keep the answer under ${ANSWER_MAX_LENGTH} characters`);

/**
 * The host marks a question answered with its answer (rules: host only, ≤ 2000 characters,
 * `answeredAt` the request time). The live question list picks the change up.
 */
export async function answerQuestion(input: { sessionId: string; questionId: string; answer: string }) {
  const answer = answerSchema.parse(input.answer);
  await updateDoc(questionRawRef(input.sessionId, input.questionId), {
    answered: true,
    answer,
    answeredAt: serverTimestamp(),
  });
}

export function useAnswerQuestion() {
  return useMutation({ mutationFn: answerQuestion });
}

export function usePublishSessionFaq() {
  return useMutation({
    mutationFn: (input: PublishSessionFaqRequest) => callFunction(publishSessionFaq, input),
  });
}

export function useUnpublishSessionFaq() {
  return useMutation({
    mutationFn: (input: UnpublishSessionFaqRequest) => callFunction(unpublishSessionFaq, input),
  });
}

/** Lectures in course order: section order, then lecture order. */
export function orderedLectures(
  lectures: Lecture[] | undefined,
  sections: readonly CourseSection[] | undefined,
) {
  return lectures ? orderLectures(lectures, sections ?? []) : [];
}

/**
 * People who offer one of `skillKeys`: one query on users' normalised `offeredSkillKeys`
 * (the public profile carries name, photo, headline and rating, so nothing else is read), then
 * the host and the asker are dropped and the best five kept.
 */
export async function suggestTeachers(skillKeys: string[], exclude: string[]): Promise<SuggestedTeacher[]> {
  if (skillKeys.length === 0) return [];
  try {
    const users = usersRef();
    const snap = await getDocs(
      query(
        users,
        where('offeredSkillKeys', 'array-contains-any', skillKeys),
        limit(SUGGESTED_TEACHERS_QUERY_LIMIT),
      ),
    );
    return pickSuggestedTeachers(
      snap.docs.map((d) => d.data()),
      skillKeys,
      { exclude },
    );
  } catch (error) {
    throw LiveQueryError.from(error);
  }
}

export function suggestedTeachersQueryOptions(skillKeys: string[], exclude: string[]) {
  return queryOptions({
    queryKey: ['live-sessions', 'suggested-teachers', skillKeys, exclude] as const,
    queryFn: () => suggestTeachers(skillKeys, exclude),
    staleTime: 5 * 60_000,
  });
}

export function useSuggestedTeachers(skillKeys: string[], exclude: string[], enabled: boolean) {
  return useQuery({ ...suggestedTeachersQueryOptions(skillKeys, exclude), enabled });
}

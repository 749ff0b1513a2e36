import { useMutation } from '@tanstack/react-query';
import { serverTimestamp, setDoc } from 'firebase/firestore';
import { z } from '@/lib/zod';
import { exchangeFeedbackRef, exchangePaths, rawDoc } from '@/lib/data/exchanges';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function feedbackQueryOptions(exchangeId: string | undefined) {
  return liveQueryOptions(
    ['exchange', 'feedback', exchangeId ?? null] as const,
    exchangeId ? querySource(exchangeFeedbackRef(exchangeId)) : null,
  );
}

/** Both participants' feedback (once given), live. */
export function useFeedback(exchangeId: string | undefined) {
  return useLiveQuery(feedbackQueryOptions(exchangeId));
}

export const feedbackSchema = z.object({
  rating: z.number().int().min(1, 'Choose a rating from 1 to 5').max(5),
  comment: z.string().trim().max(2000, 'Keep it under 2000 characters'),
  endorsedSkills: z.array(z.string().min(1).max(100)).max(10),
});
export type FeedbackInput = z.infer<typeof feedbackSchema>;

/** Rates the other participant once, after completion; the server updates their rating. */
export async function submitFeedback(input: { exchangeId: string; uid: string; feedback: FeedbackInput }) {
  const f = feedbackSchema.parse(input.feedback);
  await setDoc(rawDoc(exchangePaths.feedback(input.exchangeId, input.uid)), {
    uid: input.uid,
    rating: f.rating,
    comment: f.comment,
    endorsedSkills: f.endorsedSkills,
    createdAt: serverTimestamp(),
  });
}

export function useSubmitFeedback() {
  return useMutation({ mutationFn: submitFeedback });
}

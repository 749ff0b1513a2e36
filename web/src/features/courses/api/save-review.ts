import { useMutation } from '@tanstack/react-query';
import { serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { z } from '@/lib/zod';
import { reviewRef } from '@/lib/data/reviews';

export const reviewInputSchema = z.object({
  rating: z
    .number({ error: 'Choose a rating from 1 to 5 stars.' })
    .int()
    .min(1, 'Choose a rating from 1 to 5 stars.')
    .max(5, 'Choose a rating from 1 to 5 stars.'),
  comment: z.string().trim().max(2000, 'Keep your review under 2,000 characters.'),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

/**
 * courses/{id}/reviews/{uid}: an enrolled learner creates one review and may edit its rating and
 * comment (the rules allow nothing else). The rating average is kept by a server trigger.
 */
export async function saveReview(
  courseId: string,
  uid: string,
  input: ReviewInput,
  existing: boolean,
): Promise<void> {
  const { rating, comment } = reviewInputSchema.parse(input);
  const ref = reviewRef(courseId, uid).withConverter(null);
  if (existing) {
    await updateDoc(ref, { rating, comment, updatedAt: serverTimestamp() });
  } else {
    await setDoc(ref, { rating, comment, createdAt: serverTimestamp(), updatedAt: serverTimestamp() });
  }
}

/** The live review list and the learner's own review update from their listeners. */
export function useSaveReview(courseId: string, uid: string) {
  return useMutation({
    mutationFn: ({ input, existing }: { input: ReviewInput; existing: boolean }) =>
      saveReview(courseId, uid, input, existing),
  });
}

import { useMutation } from '@tanstack/react-query';
import { updateDoc } from 'firebase/firestore';
import { z } from '@/lib/zod';
import { notificationRef } from '@/lib/data/notifications';

export const markNotificationReadInputSchema = z.object({
  uid: z.string().min(1),
  id: z.string().min(1),
});
export type MarkNotificationReadInput = z.infer<typeof markNotificationReadInputSchema>;

/** The owner may change `read` only (and only to true here). */
export async function markNotificationRead(input: MarkNotificationReadInput): Promise<void> {
  const { uid, id } = markNotificationReadInputSchema.parse(input);
  await updateDoc(notificationRef(uid, id), { read: true });
}

/** No invalidation needed: the live list and count update from their listeners. */
export function useMarkNotificationRead() {
  return useMutation({ mutationFn: markNotificationRead });
}

import { useMutation } from '@tanstack/react-query';
import { getDocs, query, where, writeBatch } from 'firebase/firestore';
import { z } from '@/lib/zod';
import { db } from '@/lib/firebase';
import { notificationsRef } from '@/lib/data/notifications';

export const markAllReadInputSchema = z.object({ uid: z.string().min(1) });

/** A batched write can hold at most 500 operations. */
const BATCH_LIMIT = 500;

/** Marks every unread notification read, in batches; returns how many changed. */
export async function markAllNotificationsRead(
  input: z.infer<typeof markAllReadInputSchema>,
): Promise<number> {
  const { uid } = markAllReadInputSchema.parse(input);
  const unread = await getDocs(query(notificationsRef(uid), where('read', '==', false)));
  for (let i = 0; i < unread.docs.length; i += BATCH_LIMIT) {
    const batch = writeBatch(db);
    for (const snap of unread.docs.slice(i, i + BATCH_LIMIT)) batch.update(snap.ref, { read: true });
    await batch.commit();
  }
  return unread.size;
}

export function useMarkAllNotificationsRead() {
  return useMutation({ mutationFn: markAllNotificationsRead });
}

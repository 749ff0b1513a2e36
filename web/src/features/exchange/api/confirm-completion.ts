import { useMutation } from '@tanstack/react-query';
import { runTransaction, serverTimestamp } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { exchangePaths, rawDoc } from '@/lib/data/exchanges';

/**
 * Confirms completion as the caller; the second confirmation also completes the exchange (the
 * server then awards the points once).
 */
export async function confirmCompletion(input: {
  exchangeId: string;
  uid: string;
}): Promise<'confirmed' | 'completed'> {
  const ref = rawDoc(exchangePaths.exchange(input.exchangeId));
  return runTransaction(db, async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists()) throw new Error('This exchange no longer exists.');
    const data = snap.data();
    const done: string[] = Array.isArray(data.completedBy) ? data.completedBy : [];
    if (done.includes(input.uid)) return data.status === 'completed' ? 'completed' : 'confirmed';
    const next = [...done, input.uid];
    const participants: string[] = data.participants ?? [];
    const complete = data.status === 'active' && participants.every((p) => next.includes(p));
    tx.update(ref, {
      completedBy: next,
      ...(complete ? { status: 'completed' } : {}),
      updatedAt: serverTimestamp(),
    });
    return complete ? 'completed' : 'confirmed';
  });
}

export function useConfirmCompletion() {
  return useMutation({ mutationFn: confirmCompletion });
}

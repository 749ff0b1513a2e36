import { useMutation } from '@tanstack/react-query';
import { runTransaction, serverTimestamp, updateDoc } from 'firebase/firestore';
import { z } from '@/lib/zod';
import { db } from '@/lib/firebase';
import { exchangePaths, rawDoc } from '@/lib/data/exchanges';

export const termsSchema = z.object({
  commitmentHours: z.coerce
    .number({ message: 'Enter the number of hours' })
    .positive('Enter a number of hours above 0')
    .max(1000, 'At most 1000 hours'),
  frequency: z.string().trim().min(1, 'Say how often you will meet').max(100),
  cancellationPolicy: z.string().trim().min(1, 'Describe how to cancel or reschedule').max(2000),
  notes: z.string().trim().max(2000),
});
export type TermsInput = z.infer<typeof termsSchema>;

/** Proposing terms leaves only the proposer's acceptance (rules: termsEditIsValid). */
export async function proposeTerms(input: { exchangeId: string; uid: string; terms: TermsInput }) {
  const terms = termsSchema.parse(input.terms);
  await updateDoc(rawDoc(exchangePaths.exchange(input.exchangeId)), {
    terms: { ...terms, notes: terms.notes },
    termsAcceptedBy: [input.uid],
    updatedAt: serverTimestamp(),
  });
}

/**
 * Accepts the current terms; when that makes both participants and the provider has accepted the
 * request, the exchange becomes active in the same write.
 */
export async function acceptTerms(input: {
  exchangeId: string;
  uid: string;
}): Promise<'accepted' | 'active'> {
  const ref = rawDoc(exchangePaths.exchange(input.exchangeId));
  return runTransaction(db, async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists()) throw new Error('This exchange no longer exists.');
    const data = snap.data();
    const accepted: string[] = Array.isArray(data.termsAcceptedBy) ? data.termsAcceptedBy : [];
    if (accepted.includes(input.uid)) return data.status === 'active' ? 'active' : 'accepted';
    const next = [...accepted, input.uid];
    const participants: string[] = data.participants ?? [];
    const activate = data.status === 'accepted' && participants.every((p) => next.includes(p));
    tx.update(ref, {
      termsAcceptedBy: next,
      ...(activate ? { status: 'active' } : {}),
      updatedAt: serverTimestamp(),
    });
    return activate ? 'active' : 'accepted';
  });
}

export function useProposeTerms() {
  return useMutation({ mutationFn: proposeTerms });
}

export function useAcceptTerms() {
  return useMutation({ mutationFn: acceptTerms });
}

import { useMutation } from '@tanstack/react-query';
import { deleteField, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { educatorApplicationWriteRef } from '@/lib/data/educator-applications';
import { type ApplicationInput, applicationSchema } from '../utils/application-schema';

export { applicationSchema };

/**
 * Applies to teach: creates educatorApplications/{uid} as `pending`, or — after a rejection —
 * sends the same document back to `pending` with the new content and the old decision cleared
 * (the only update the rules allow the applicant).
 */
export async function submitApplication(
  uid: string,
  input: ApplicationInput,
  mode: 'create' | 'reapply',
): Promise<void> {
  const parsed = applicationSchema.parse({ ...input, sampleUrl: input.sampleUrl ?? '' });
  const ref = educatorApplicationWriteRef(uid);
  if (mode === 'create') {
    await setDoc(ref, {
      uid,
      expertise: parsed.expertise,
      motivation: parsed.motivation,
      ...(parsed.sampleUrl ? { sampleUrl: parsed.sampleUrl } : {}),
      status: 'pending',
      createdAt: serverTimestamp(),
    });
    return;
  }
  await updateDoc(ref, {
    expertise: parsed.expertise,
    motivation: parsed.motivation,
    sampleUrl: parsed.sampleUrl ?? deleteField(),
    status: 'pending',
    decidedAt: null,
    decidedBy: null,
    decisionReason: null,
    updatedAt: serverTimestamp(),
  });
}

/** The live application listener shows the new status; nothing to invalidate. */
export function useSubmitApplication(uid: string) {
  return useMutation({
    mutationFn: ({ input, mode }: { input: ApplicationInput; mode: 'create' | 'reapply' }) =>
      submitApplication(uid, input, mode),
  });
}

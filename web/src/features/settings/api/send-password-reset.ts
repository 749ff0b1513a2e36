import { useMutation } from '@tanstack/react-query';
import { sendPasswordResetEmail } from 'firebase/auth';
import { getAuthLazy } from '@/lib/firebase';

/** Sends the signed-in user a password reset link. */
export async function sendPasswordResetToSelf(): Promise<string> {
  const auth = await getAuthLazy();
  const email = auth.currentUser?.email;
  if (!email) throw new Error('This account has no email address.');
  await sendPasswordResetEmail(auth, email, { url: `${window.location.origin}/sign-in` });
  return email;
}

export function useSendPasswordResetToSelf() {
  return useMutation({ mutationFn: sendPasswordResetToSelf });
}

import { useMutation } from '@tanstack/react-query';
import { sendPasswordResetEmail } from 'firebase/auth';
import { getAuthLazy } from '@/lib/firebase';
import { type PasswordResetInput, passwordResetInputSchema } from '../utils/auth-schemas';

export async function sendPasswordReset(input: PasswordResetInput): Promise<void> {
  const { email } = passwordResetInputSchema.parse(input);
  await sendPasswordResetEmail(await getAuthLazy(), email, { url: `${window.location.origin}/sign-in` });
}

export function useSendPasswordReset() {
  return useMutation({ mutationFn: sendPasswordReset });
}

import { useMutation } from '@tanstack/react-query';
import { signInWithEmailAndPassword, type UserCredential } from 'firebase/auth';
import { getAuthLazy } from '@/lib/firebase';
import { type SignInInput, signInInputSchema } from '../utils/auth-schemas';

export async function signInWithEmail(input: SignInInput): Promise<UserCredential> {
  const { email, password } = signInInputSchema.parse(input);
  return signInWithEmailAndPassword(await getAuthLazy(), email, password);
}

export function useSignInWithEmail() {
  return useMutation({ mutationFn: signInWithEmail });
}

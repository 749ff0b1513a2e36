import { useMutation } from '@tanstack/react-query';
import {
  createUserWithEmailAndPassword,
  sendEmailVerification,
  updateProfile,
  type User,
} from 'firebase/auth';
import { getAuthLazy } from '@/lib/firebase';
import { type SignUpInput, signUpInputSchema } from '../utils/auth-schemas';

/**
 * Creates the Auth account and sets its display name. The server creates users/{uid} (Auth
 * trigger, or `ensureProfile`); onboarding then writes the display name to the profile. Sends the
 * verification email (seed §4.1); a banner stays until the address is verified.
 */
export async function signUpWithEmail(input: SignUpInput): Promise<User> {
  const { displayName, email, password } = signUpInputSchema.parse(input);
  const credential = await createUserWithEmailAndPassword(await getAuthLazy(), email, password);
  try {
    await updateProfile(credential.user, { displayName });
  } catch (error) {
    // The account exists; onboarding asks for the name again, so this is not fatal.
    console.warn('Could not set the display name on the Auth account', error);
  }
  try {
    // The banner offers "resend" if this one does not arrive.
    await sendEmailVerification(credential.user);
  } catch (error) {
    console.warn('Could not send the verification email', error);
  }
  return credential.user;
}

export function useSignUpWithEmail() {
  return useMutation({ mutationFn: signUpWithEmail });
}

import { useMutation } from '@tanstack/react-query';
import {
  browserPopupRedirectResolver,
  EmailAuthProvider,
  GoogleAuthProvider,
  reauthenticateWithCredential,
  reauthenticateWithPopup,
  updatePassword,
  type User,
  verifyBeforeUpdateEmail,
} from 'firebase/auth';
import { getAuthLazy } from '@/lib/firebase';

async function currentUser(): Promise<User> {
  const user = (await getAuthLazy()).currentUser;
  if (!user) throw new Error('You’re signed out. Sign in again and retry.');
  return user;
}

/**
 * Proves it is still the account's owner just before a sensitive change: the current password for
 * password accounts (reauthenticateWithCredential), Google's account picker otherwise.
 */
export async function reauthenticate(password: string | null): Promise<User> {
  const user = await currentUser();
  const usesPassword = user.providerData.some((p) => p.providerId === 'password');
  if (usesPassword) {
    if (!password)
      throw Object.assign(new Error('Enter your current password.'), { code: 'auth/missing-password' });
    if (!user.email) throw new Error('This account has no email address.');
    await reauthenticateWithCredential(user, EmailAuthProvider.credential(user.email, password));
  } else {
    await reauthenticateWithPopup(user, new GoogleAuthProvider(), browserPopupRedirectResolver);
  }
  return user;
}

/** Re-authenticates with the current password, then sets the new one. */
export async function changePassword(input: { current: string; next: string }): Promise<void> {
  const user = await reauthenticate(input.current);
  await updatePassword(user, input.next);
}

/**
 * Re-authenticates, then sends a verification link to the new address; the account's email changes
 * only when that link is opened (verifyBeforeUpdateEmail). Answers the new address.
 */
export async function changeEmail(input: { current: string; email: string }): Promise<string> {
  const user = await reauthenticate(input.current);
  await verifyBeforeUpdateEmail(user, input.email, { url: `${window.location.origin}/sign-in` });
  return input.email;
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}

export function useChangeEmail() {
  return useMutation({ mutationFn: changeEmail });
}

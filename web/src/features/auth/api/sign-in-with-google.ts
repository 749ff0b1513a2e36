import { useMutation } from '@tanstack/react-query';
import {
  browserPopupRedirectResolver,
  getAdditionalUserInfo,
  GoogleAuthProvider,
  signInWithPopup,
} from 'firebase/auth';
import { getAuthLazy } from '@/lib/firebase';

/**
 * Google sign-in in a popup (the Auth emulator shows its own account picker). The popup resolver is
 * passed here rather than at `initializeAuth`, so it stays out of the first page load.
 */
export async function signInWithGoogle(): Promise<{ isNewUser: boolean }> {
  const provider = new GoogleAuthProvider();
  provider.setCustomParameters({ prompt: 'select_account' });
  const credential = await signInWithPopup(await getAuthLazy(), provider, browserPopupRedirectResolver);
  return { isNewUser: getAdditionalUserInfo(credential)?.isNewUser ?? false };
}

export function useSignInWithGoogle() {
  return useMutation({ mutationFn: signInWithGoogle });
}

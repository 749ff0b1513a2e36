import { ensureProfile as ensureProfileContract } from '@skillverse/domain/contracts/accounts';
import { sendEmailVerification, type User } from 'firebase/auth';
import { callFunction } from '@/lib/firebase';

/**
 * Sends (or re-sends) the verification email. Until the address is verified the account can
 * browse and learn free courses but cannot buy, review, request exchanges or count as a referral
 * (the server and the rules read the ID token's `email_verified`).
 */
export async function sendVerificationEmail(user: User): Promise<void> {
  await sendEmailVerification(user);
}

/**
 * After the person opened the link: reloads the Auth user and forces a new ID token (so the
 * rules and callables see `email_verified`), then lets the server re-check what waited on it
 * (a referral). Answers whether the address is verified now.
 */
export async function refreshEmailVerification(user: User): Promise<boolean> {
  await user.reload();
  if (!user.emailVerified) return false;
  await user.getIdToken(true);
  await callFunction(ensureProfileContract, {}).catch((error) =>
    console.warn('ensureProfile after verification failed', error),
  );
  return true;
}

import type { User } from 'firebase/auth';
import { callFunction } from '@/lib/firebase';

// The banner using these sits in both layouts, so on every first paint: Firebase Auth's functions
// and the contract (zod) load only when someone clicks (the bundle budget, scripts/check-bundle.mjs).

/**
 * Sends (or re-sends) the verification email. Until the address is verified the account can
 * browse and learn free courses but cannot buy, review, request exchanges or count as a referral
 * (the server and the rules read the ID token's `email_verified`).
 */
export async function sendVerificationEmail(user: User): Promise<void> {
  const { sendEmailVerification } = await import('firebase/auth');
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
  const { ensureProfile } = await import('@skillverse/domain/contracts/accounts');
  await callFunction(ensureProfile, {}).catch((error) =>
    console.warn('ensureProfile after verification failed', error),
  );
  return true;
}

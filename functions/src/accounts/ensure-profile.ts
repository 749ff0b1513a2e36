// Fallback for the client when the Auth trigger has not produced users/{uid} yet. Safe to repeat.
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { ensureProfile as ensureProfileContract } from '@skillverse/domain/contracts/accounts';
import type { NotifyDeps } from '../notifications/notify';
import { type CreateAccountResult, createAccount } from './create-account';

export type EnsureProfileInput = ParsedRequestOf<typeof ensureProfileContract>;

export async function ensureProfile(
  deps: { db: Firestore; auth: Auth } & NotifyDeps,
  uid: string,
  input: EnsureProfileInput,
): Promise<CreateAccountResult> {
  const user = await deps.auth.getUser(uid);
  return createAccount(
    deps.db,
    {
      uid,
      email: user.email ?? null,
      displayName: user.displayName ?? null,
      photoURL: user.photoURL ?? null,
      customClaims: user.customClaims ?? null,
      timezone: input?.timezone ?? null,
    },
    deps,
  );
}

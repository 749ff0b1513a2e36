// Fallback for the client when the Auth trigger has not produced users/{uid} yet. Safe to repeat.
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { ensureProfile as ensureProfileContract } from '@skillverse/domain/contracts/accounts';
import { HttpsError } from 'firebase-functions/v2/https';
import { userRef } from '../lib/data/users';
import type { NotifyDeps } from '../notifications/notify';
import { type CreateAccountResult, createAccount } from './create-account';

export type EnsureProfileInput = ParsedRequestOf<typeof ensureProfileContract>;

export async function ensureProfile(
  deps: { db: Firestore; auth: Auth } & NotifyDeps,
  uid: string,
  input: EnsureProfileInput,
): Promise<CreateAccountResult> {
  // A deleted account's token lives on for up to an hour: it must not recreate private documents.
  const existing = await userRef(deps.db, uid).get();
  if (existing.get('deletedAt') != null) {
    throw new HttpsError('failed-precondition', 'This account has been deleted.');
  }
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

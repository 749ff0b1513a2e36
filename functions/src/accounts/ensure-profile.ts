// Fallback for the client when the Auth trigger has not produced users/{uid} yet. Safe to repeat.
import { isValidTimeZone } from '@skillverse/domain/gamification';
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { NotifyDeps } from '../notifications/notify';
import { type CreateAccountResult, createAccount } from './create-account';

export const ensureProfileInput = z
  .strictObject({
    timezone: z
      .string()
      .refine(isValidTimeZone, { message: 'Unknown time zone; use an IANA name such as "Europe/Berlin"' })
      .optional(),
  })
  .nullish();
export type EnsureProfileInput = z.infer<typeof ensureProfileInput>;

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

// Roles live in custom claims (`educator`, `admin`) and are mirrored, read-only, on users/{uid}.roles.
// Used by the admin functions and by scripts/make-admin.ts.
import type { Role } from '@skillverse/domain/models';
import { type Auth, getAuth } from 'firebase-admin/auth';
import { type Firestore, getFirestore } from 'firebase-admin/firestore';

export interface RoleChanges {
  educator?: boolean;
  admin?: boolean;
}

/** Every account is a learner; educator and admin come from custom claims. */
export function rolesFromClaims(claims: Record<string, unknown> | undefined | null): Role[] {
  const roles: Role[] = ['learner'];
  if (claims?.educator === true) roles.push('educator');
  if (claims?.admin === true) roles.push('admin');
  return roles;
}

export interface SetRoleClaimsResult {
  uid: string;
  claims: Record<string, unknown>;
  roles: Role[];
  /** False when users/{uid} does not exist yet (it is created with these roles later). */
  profileUpdated: boolean;
}

/**
 * Merges the role claims into the user's custom claims (other claims are kept) and mirrors the
 * resulting roles onto users/{uid}. `false` removes a role; an omitted role is left as it is.
 * The user sees new claims after their ID token refreshes.
 */
export async function setRoleClaims(
  uid: string,
  changes: RoleChanges,
  deps: { auth?: Auth; db?: Firestore } = {},
): Promise<SetRoleClaimsResult> {
  const auth = deps.auth ?? getAuth();
  const db = deps.db ?? getFirestore();
  const user = await auth.getUser(uid);
  const claims: Record<string, unknown> = { ...(user.customClaims ?? {}) };
  for (const role of ['educator', 'admin'] as const) {
    const value = changes[role];
    if (value === true) claims[role] = true;
    else if (value === false) delete claims[role];
  }
  await auth.setCustomUserClaims(uid, claims);
  const roles = rolesFromClaims(claims);
  const profile = db.collection('users').doc(uid);
  const profileUpdated = await db.runTransaction(async (tx) => {
    const snap = await tx.get(profile);
    if (!snap.exists) return false;
    tx.update(profile, { roles, updatedAt: new Date() });
    return true;
  });
  return { uid, claims, roles, profileUpdated };
}

// Roles live in custom claims (`educator`, `admin`) and are mirrored, read-only, on users/{uid}.roles.
// Used by the admin functions, the onProfileWrittenSyncRoleClaims trigger and scripts/make-admin.ts.
//
// Order, so that no crash can leave a decision half applied: the profile's `roles` is written first
// (by the admin callables in the same transaction as their audit entry), and the claims follow it.
// The callables set the claims straight away (the fast path); the trigger on users/{uid} is the
// guarantee: whenever a write changes the mirrored roles, it brings the claims into line (retried
// until it succeeds, and a no-op when they already match).
import { GRANTABLE_ROLES, type GrantableRole } from '@skillverse/domain/accounts-api';
import type { Role } from '@skillverse/domain/models';
import { type Auth, getAuth } from 'firebase-admin/auth';
import { type Firestore, getFirestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { userRef } from '../lib/data/users';
import { runCallableTransaction } from '../lib/firestore';

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

/** The grantable roles listed in a profile's `roles` field (anything else is ignored). */
export function grantedRoles(value: unknown): Set<GrantableRole> {
  const list = Array.isArray(value) ? value : [];
  return new Set(GRANTABLE_ROLES.filter((role) => list.includes(role)));
}

/** The stored form of a set of grantable roles: `['learner', 'educator'?, 'admin'?]`. */
export function rolesList(granted: ReadonlySet<GrantableRole>): Role[] {
  return ['learner', ...GRANTABLE_ROLES.filter((role) => granted.has(role))];
}

function sameRoles(a: ReadonlySet<GrantableRole>, b: ReadonlySet<GrantableRole>): boolean {
  return a.size === b.size && [...a].every((role) => b.has(role));
}

/** `claims` with exactly `granted` as role claims; every other claim kept. */
export function claimsWithRoles(
  claims: Record<string, unknown> | undefined | null,
  granted: ReadonlySet<GrantableRole>,
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...(claims ?? {}) };
  for (const role of GRANTABLE_ROLES) {
    if (granted.has(role)) next[role] = true;
    else delete next[role];
  }
  return next;
}

export interface SetRoleClaimsResult {
  uid: string;
  claims: Record<string, unknown>;
  roles: Role[];
  /** False when users/{uid} does not exist yet (it is created with these roles later). */
  profileUpdated: boolean;
}

/**
 * Applies the role changes (`false` removes a role; an omitted role is left as it is) to the roles
 * the user holds — in the claims or on the profile (so a role half-applied by an interrupted
 * earlier call is kept, not lost) — writes them to users/{uid}.roles first, then merges them into
 * the custom claims (other claims kept). A crash in between is repaired by the trigger. The user
 * sees new claims after their ID token refreshes.
 */
export async function setRoleClaims(
  uid: string,
  changes: RoleChanges,
  deps: { auth?: Auth; db?: Firestore } = {},
): Promise<SetRoleClaimsResult> {
  const auth = deps.auth ?? getAuth();
  const db = deps.db ?? getFirestore();
  const user = await auth.getUser(uid);
  const profile = userRef(db, uid);
  const { granted, profileUpdated } = await runCallableTransaction(db, async (tx) => {
    const snap = await tx.get(profile);
    const current = grantedRoles(rolesFromClaims(user.customClaims));
    for (const role of grantedRoles(snap.get('roles'))) current.add(role);
    const granted = new Set(current);
    for (const role of GRANTABLE_ROLES) {
      if (changes[role] === true) granted.add(role);
      else if (changes[role] === false) granted.delete(role);
    }
    if (!snap.exists) return { granted, profileUpdated: false };
    if (!sameRoles(grantedRoles(snap.get('roles')), granted)) {
      tx.update(profile, { roles: rolesList(granted), updatedAt: new Date() });
    }
    return { granted, profileUpdated: true };
  });
  const claims = claimsWithRoles(user.customClaims, granted);
  if (!sameRoles(grantedRoles(rolesFromClaims(user.customClaims)), granted)) {
    await auth.setCustomUserClaims(uid, claims);
  }
  return { uid, claims, roles: rolesList(granted), profileUpdated };
}

export type SyncRoleClaimsResult =
  | 'roles-unchanged'
  | 'no-profile'
  | 'no-account'
  | 'in-sync'
  | 'claims-updated';

const SYNC_ATTEMPTS = 3;

function isAuthUserNotFound(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'auth/user-not-found'
  );
}

/**
 * The trigger's work on a write to users/{uid}: when the write changed the mirrored roles, make the
 * custom claims match the profile's current roles (read fresh, so out-of-order deliveries converge
 * on the latest state), keeping every other claim. Idempotent: nothing is written when they match.
 *
 * A role the profile lacks is removed from the claims only when this write removed it from the
 * profile (or this run just granted it): profiles are created from the claims read at sign-up, so
 * a brand-new profile may predate a claim set moments later (a script, a test) — that claim stays.
 */
export async function syncRoleClaims(
  deps: { auth: Auth; db: Firestore },
  uid: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Promise<SyncRoleClaimsResult> {
  if (!after) return 'no-profile';
  const removable = grantedRoles(before?.roles);
  if (sameRoles(removable, grantedRoles(after.roles))) return 'roles-unchanged';

  const ref = userRef(deps.db, uid);
  let snap = await ref.get();
  let result: SyncRoleClaimsResult = 'in-sync';
  for (let attempt = 1; attempt <= SYNC_ATTEMPTS; attempt += 1) {
    if (!snap.exists) return 'no-profile';
    const wanted = grantedRoles(snap.get('roles'));
    let claims: Record<string, unknown>;
    try {
      claims = (await deps.auth.getUser(uid)).customClaims ?? {};
    } catch (error) {
      if (isAuthUserNotFound(error)) return 'no-account';
      throw error;
    }
    const target = new Set(wanted);
    for (const role of GRANTABLE_ROLES) {
      if (claims[role] === true && !wanted.has(role) && !removable.has(role)) target.add(role);
    }
    const held = grantedRoles(rolesFromClaims(claims));
    if (sameRoles(held, target)) return result;

    await deps.auth.setCustomUserClaims(uid, claimsWithRoles(claims, target));
    for (const role of target) if (!held.has(role)) removable.add(role);
    result = 'claims-updated';
    logger.info('role claims synced from profile', {
      uid,
      from: rolesList(held),
      to: rolesList(target),
    });
    // The profile may have changed while the claims were being set: check again.
    snap = await ref.get();
    if (snap.exists && sameRoles(grantedRoles(snap.get('roles')), wanted)) return result;
  }
  throw new Error(`users/${uid}.roles kept changing while its claims were synced; retrying`);
}

// Admins grant or revoke the educator and admin roles: the roles on users/{uid} and an audit log
// entry in one transaction, then the custom claims (other claims kept) and a notice to the user.
// The claims follow the profile's roles: set here as a fast path, and guaranteed by
// onProfileWrittenSyncRoleClaims if this function stops after the transaction (a retry also
// finishes the claims). An admin cannot revoke their own admin role (there must always be someone
// left to undo a mistake).
import type { GrantableRole, SetUserRolesResponse } from '@skillverse/domain/accounts-api';
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { setUserRoles as setUserRolesContract } from '@skillverse/domain/contracts/accounts';
import { grantedRoles, rolesFromClaims, rolesList, setRoleClaims } from '../accounts/roles';
import { displayNameOf } from '../lib/audit';
import { failedPrecondition, notFound } from '../lib/errors';
import { type NotifyDeps, notify } from '../notifications/notify';
import { userRef } from '../lib/data/users';
import { auditRef } from '../lib/data/audit-log';
import { runCallableTransaction } from '../lib/firestore';

export type SetUserRolesInput = ParsedRequestOf<typeof setUserRolesContract>;

const NOTICES: Record<
  GrantableRole,
  Record<'granted' | 'revoked', { title: string; body: string; link: string }>
> = {
  educator: {
    granted: {
      title: 'You’re an educator on SkillVerse',
      body: 'An admin gave you the educator role: you can now create courses and host live sessions.',
      link: '/educator',
    },
    revoked: {
      title: 'Your educator role was removed',
      body: 'An admin removed your educator role. Your published courses stay online; contact support to find out more.',
      link: '/settings',
    },
  },
  admin: {
    granted: {
      title: 'You’re now an admin',
      body: 'An admin gave you the admin role: the admin console is open to you.',
      link: '/admin',
    },
    revoked: {
      title: 'Your admin role was removed',
      body: 'Another admin removed your admin role.',
      link: '/settings',
    },
  },
};

function isAuthUserNotFound(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'auth/user-not-found'
  );
}

export async function setUserRoles(
  deps: { db: Firestore; auth: Auth; now: Date } & NotifyDeps,
  actorId: string,
  input: SetUserRolesInput,
): Promise<SetUserRolesResponse> {
  const { db, auth, now } = deps;
  if (input.uid === actorId && input.role === 'admin' && !input.grant) {
    throw failedPrecondition('You cannot revoke your own admin role; ask another admin to do it.');
  }

  let claims: Record<string, unknown>;
  try {
    claims = (await auth.getUser(input.uid)).customClaims ?? {};
  } catch (error) {
    if (isAuthUserNotFound(error)) throw notFound(`User ${input.uid}`);
    throw error;
  }
  const profileRef = userRef(db, input.uid);
  const actorRef = userRef(db, actorId);
  const has = claims[input.role] === true;

  // The profile (what the claims follow) and the audit entry together, or neither.
  const outcome = await runCallableTransaction(db, async (tx) => {
    const [profile, actor] = await tx.getAll(profileRef, actorRef);
    if (!profile?.exists) throw notFound(`User ${input.uid}`);
    const mirrored = grantedRoles(profile.get('roles'));
    if (has === input.grant && mirrored.has(input.role) === input.grant) {
      return { toApply: false };
    }
    // The roles the user holds (profile or claims), with this one granted or revoked.
    const granted = new Set([...mirrored, ...grantedRoles(rolesFromClaims(claims))]);
    if (input.grant) granted.add(input.role);
    else granted.delete(input.role);
    const roles = rolesList(granted);
    tx.update(profileRef, { roles, updatedAt: now });
    // A change for the person (not just finishing an interrupted earlier call) is recorded.
    const changed = has !== input.grant && mirrored.has(input.role) !== input.grant;
    if (changed) {
      tx.create(auditRef(db), {
        actorId,
        actorName: displayNameOf(actor),
        action: 'user.setRole',
        targetUid: input.uid,
        targetName: displayNameOf(profile),
        target: `users/${input.uid}`,
        details: { role: input.role, grant: input.grant, roles },
        createdAt: now,
      });
    }
    return { toApply: true };
  });
  if (!outcome.toApply) {
    // Already so: a retry, or two admins doing the same thing. Nothing to change or record.
    return { uid: input.uid, roles: rolesFromClaims(claims), changed: false };
  }

  // The fast path; onProfileWrittenSyncRoleClaims guarantees it.
  const result = await setRoleClaims(input.uid, { [input.role]: input.grant }, { auth, db });
  if (has !== input.grant) {
    const notice = NOTICES[input.role][input.grant ? 'granted' : 'revoked'];
    await notify(db, { uid: input.uid, type: 'account', ...notice }, deps);
  }
  logger.info('user roles changed', { actorId, uid: input.uid, role: input.role, grant: input.grant });
  return { uid: input.uid, roles: result.roles, changed: has !== input.grant };
}

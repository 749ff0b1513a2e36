// Admins suspend, ban or reactivate an account: profile status, Auth access, audit log, notice.
import { ACCOUNT_STATUSES, type AccountStatus } from '@skillverse/domain/models';
import type { Auth } from 'firebase-admin/auth';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { setUserStatus as setUserStatusContract } from '@skillverse/domain/contracts/accounts';
import { displayNameOf } from '../lib/audit';
import { failedPrecondition, notFound } from '../lib/errors';
import { type NotifyDeps, notify } from '../notifications/notify';
import { accountRef, userRef } from '../lib/data/users';
import { auditLogCol } from '../lib/data/audit-log';
import { runCallableTransaction } from '../lib/firestore';

export type SetUserStatusInput = ParsedRequestOf<typeof setUserStatusContract>;

export interface SetUserStatusResult {
  uid: string;
  status: AccountStatus;
  previousStatus: AccountStatus | null;
}

const NOTICES: Record<AccountStatus, { title: string; body: string }> = {
  active: { title: 'Your account is active', body: 'An admin has restored full access to your account.' },
  suspended: {
    title: 'Your account has been suspended',
    body: 'An admin has suspended your account. You cannot sign in or post until it is reactivated.',
  },
  banned: {
    title: 'Your account has been banned',
    body: 'An admin has banned your account from SkillVerse.',
  },
};

function isAuthUserNotFound(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'auth/user-not-found'
  );
}

export async function setUserStatus(
  deps: { db: Firestore; auth: Auth; now: Date } & NotifyDeps,
  actorId: string,
  input: SetUserStatusInput,
): Promise<SetUserStatusResult> {
  const { db, auth, now } = deps;
  if (input.uid === actorId) throw failedPrecondition('You cannot change the status of your own account.');

  const profileRef = userRef(db, input.uid);
  const actorRef = userRef(db, actorId);
  const { previousStatus, actorName, targetName } = await runCallableTransaction(db, async (tx) => {
    const [snap, actor] = await tx.getAll(profileRef, actorRef);
    if (!snap?.exists) throw notFound(`User ${input.uid}`);
    const previous = snap.get('status');
    // The public profile carries only the status (rules and the app read it); why, and which
    // admin, go to the owner-only private/account document (and the audit log below).
    tx.update(profileRef, {
      status: input.status,
      statusChangedAt: now,
      statusReason: FieldValue.delete(),
      statusChangedBy: FieldValue.delete(),
    });
    tx.set(
      accountRef(db, input.uid),
      { statusReason: input.reason ?? null, statusChangedAt: now, statusChangedBy: actorId },
      { merge: true },
    );
    return {
      previousStatus: (ACCOUNT_STATUSES as readonly unknown[]).includes(previous)
        ? (previous as AccountStatus)
        : null,
      actorName: displayNameOf(actor),
      targetName: displayNameOf(snap),
    };
  });

  let authUpdated = true;
  try {
    await auth.updateUser(input.uid, { disabled: input.status !== 'active' });
    if (input.status !== 'active') await auth.revokeRefreshTokens(input.uid);
  } catch (error) {
    if (!isAuthUserNotFound(error)) {
      throw new HttpsError(
        'internal',
        'The profile was updated but the sign-in account could not be changed.',
      );
    }
    authUpdated = false;
  }

  await auditLogCol(db).add({
    actorId,
    actorName,
    action: 'user.setStatus',
    targetUid: input.uid,
    targetName,
    details: { from: previousStatus, to: input.status, reason: input.reason ?? null, authUpdated },
    createdAt: now,
  });

  const notice = NOTICES[input.status];
  await notify(
    db,
    {
      uid: input.uid,
      type: 'account',
      title: notice.title,
      body: input.reason ? `${notice.body} Reason: ${input.reason}` : notice.body,
      link: '/settings',
    },
    deps,
  );
  return { uid: input.uid, status: input.status, previousStatus };
}

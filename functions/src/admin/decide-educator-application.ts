// Admins approve or reject an application to teach. The decision is written in one transaction
// (only a pending application can be decided): the application, the audit entry and, on approval,
// `educator` in users/{uid}.roles. The `educator` claim (other claims kept) follows: set here as a
// fast path, and guaranteed by onProfileWrittenSyncRoleClaims, which brings the claims into line
// with the roles even if this function stops right after the transaction. The applicant is notified.
// Retries are safe: the same decision again changes nothing and finishes what a failed attempt
// left undone (claim, notification); a different decision on a decided application is refused.
import { type DecideEducatorApplicationResponse, statusForDecision } from '@skillverse/domain/accounts-api';
import type { EducatorApplicationStatus } from '@skillverse/domain/models';
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { decideEducatorApplication as decideContract } from '@skillverse/domain/contracts/accounts';
import { grantedRoles, rolesFromClaims, rolesList, setRoleClaims } from '../accounts/roles';
import { displayNameOf } from '../lib/audit';
import { failedPrecondition, notFound } from '../lib/errors';
import { runCallableTransaction, toDate } from '../lib/firestore';
import { type NotifyDeps, notify } from '../notifications/notify';
import { userRef } from '../lib/data/users';
import { auditRef } from '../lib/data/audit-log';
import { educatorApplicationRef } from '../lib/data/educator-applications';

export type DecideEducatorApplicationInput = ParsedRequestOf<typeof decideContract>;

function isAuthUserNotFound(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'auth/user-not-found'
  );
}

/** One notification per decision: a retry of the same decision finds it and sends nothing. */
export const decisionNotificationId = (status: EducatorApplicationStatus, decidedAt: Date) =>
  `educator-application-${status}-${decidedAt.getTime()}`;

export async function decideEducatorApplication(
  deps: { db: Firestore; auth: Auth; now: Date } & NotifyDeps,
  actorId: string,
  input: DecideEducatorApplicationInput,
): Promise<DecideEducatorApplicationResponse> {
  const { db, auth, now } = deps;
  const status = statusForDecision(input.decision);
  const appRef = educatorApplicationRef(db, input.uid);
  const profileRef = userRef(db, input.uid);
  const actorRef = userRef(db, actorId);

  // Approving needs a sign-in account to carry the claim: check before deciding anything.
  let claims: Record<string, unknown> = {};
  if (input.decision === 'approve') {
    try {
      claims = (await auth.getUser(input.uid)).customClaims ?? {};
    } catch (error) {
      if (isAuthUserNotFound(error)) throw notFound(`The account of applicant ${input.uid}`);
      throw error;
    }
  }

  const outcome = await runCallableTransaction(db, async (tx) => {
    const [snap, profile, actor] = await tx.getAll(appRef, profileRef, actorRef);
    if (!snap?.exists) throw notFound(`The educator application of ${input.uid}`);
    const current = snap.get('status');
    if (current === status) {
      return {
        alreadyDecided: true,
        decidedAt: toDate(snap.get('decidedAt')) ?? now,
        reason: (snap.get('decisionReason') as string | null | undefined) ?? null,
      };
    }
    if (current !== 'pending') {
      throw failedPrecondition(
        `This application was already ${String(current)}; only a pending application can be ${status}.`,
      );
    }
    tx.update(appRef, {
      status,
      decidedAt: now,
      decidedBy: actorId,
      decisionReason: input.reason ?? null,
      updatedAt: now,
    });
    if (status === 'approved' && profile?.exists) {
      // The roles the applicant holds (profile or claims) plus educator; the claim follows.
      const granted = grantedRoles(profile.get('roles'));
      for (const role of grantedRoles(rolesFromClaims(claims))) granted.add(role);
      granted.add('educator');
      tx.update(profileRef, { roles: rolesList(granted), updatedAt: now });
    }
    tx.create(auditRef(db), {
      actorId,
      actorName: displayNameOf(actor),
      action: `educatorApplication.${input.decision}`,
      targetUid: input.uid,
      targetName: displayNameOf(profile),
      target: `educatorApplications/${input.uid}`,
      details: { from: 'pending', to: status, reason: input.reason ?? null },
      createdAt: now,
    });
    return { alreadyDecided: false, decidedAt: now, reason: input.reason ?? null };
  });

  if (status === 'approved') {
    // The fast path (the trigger is the guarantee). Idempotent: merges { educator: true } into the
    // claims and the profile's roles, writing only what is missing.
    await setRoleClaims(input.uid, { educator: true }, { auth, db });
  }

  logger.info('educator application decided', {
    actorId,
    uid: input.uid,
    status,
    alreadyDecided: outcome.alreadyDecided,
  });

  await notify(
    db,
    status === 'approved'
      ? {
          uid: input.uid,
          id: decisionNotificationId(status, outcome.decidedAt),
          type: 'educator_application',
          title: 'You’re an educator on SkillVerse',
          body: 'An admin approved your application to teach. Your educator area is open: create your first course or schedule a live session.',
          link: '/educator',
        }
      : {
          uid: input.uid,
          id: decisionNotificationId(status, outcome.decidedAt),
          type: 'educator_application',
          title: 'Your application to teach was not approved',
          body: `An admin reviewed your application and gave this reason: ${outcome.reason ?? 'none given'}\n\nYou can update your application and apply again.`,
          link: '/become-educator',
        },
    deps,
  );

  return { uid: input.uid, status, alreadyDecided: outcome.alreadyDecided };
}

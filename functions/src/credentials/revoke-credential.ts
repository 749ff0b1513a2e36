// Admins revoke a credential: its bit in the public status list is set and the list re-signed, the
// certificate records when and why (shown on the verify page), an audit entry is written and the
// holder is told. Idempotent: revoking a revoked credential changes nothing and answers
// `alreadyRevoked: true` (no second audit entry, no second notification).
import { gunzipSync } from 'node:zlib';
import { certificateVerifyPath } from '@skillverse/domain/courses-api';
import { emptyStatusList, fromMultibase, setStatusBit, STATUS_LIST_ID } from '@skillverse/domain/credentials';
import { logger } from 'firebase-functions';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { revokeCredential as revokeContract } from '@skillverse/domain/contracts/credentials';
import { failedPrecondition, notFound } from '../lib/errors';
import { runCallableTransaction, toDate } from '../lib/firestore';
import { type NotifyDeps, notify } from '../notifications/notify';
import { publishPublicKey, type SignDeps, statusListFields } from './sign-certificate';
import { statusListRef } from '../lib/data/credentials';
import { certificateRef } from '../lib/data/certificates';
import { auditRef } from '../lib/data/audit-log';

export type RevokeCredentialInput = ParsedRequestOf<typeof revokeContract>;

export interface RevokeCredentialResult {
  certificateId: string;
  alreadyRevoked: boolean;
  revokedAt: string;
}

export const revocationAuditId = (certificateId: string) => `credential_revoke_${certificateId}`;
export const revocationNotificationId = (certificateId: string) => `certificate_revoked_${certificateId}`;

export async function revokeCredential(
  deps: SignDeps & NotifyDeps,
  actorId: string,
  input: RevokeCredentialInput,
): Promise<RevokeCredentialResult> {
  return revokeCertificate(
    deps,
    actorId,
    input,
    `An admin revoked this certificate. Reason: ${input.reason}`,
  );
}

/**
 * The revocation itself, for an admin (revokeCredential) or the platform (a refund,
 * billing/refund-rewards.ts): `notice` is the body of the holder's notification.
 */
export async function revokeCertificate(
  deps: SignDeps & NotifyDeps,
  actorId: string,
  input: RevokeCredentialInput,
  notice: string,
): Promise<RevokeCredentialResult> {
  const { db, now } = deps;
  const certRef = certificateRef(db, input.certificateId);
  // A certificate id that names nothing writes nothing, not even the key (bench:faults scenario 5).
  if (!(await certRef.get()).exists) throw notFound(`Certificate ${input.certificateId}`);
  await publishPublicKey(db, deps.key, deps.urls, now);
  const outcome = await runCallableTransaction(db, async (tx) => {
    const cert = await tx.get(certRef);
    if (!cert.exists) throw notFound(`Certificate ${input.certificateId}`);
    const existing = cert.get('revocation') as { revokedAt?: unknown } | null | undefined;
    if (existing?.revokedAt) {
      return { alreadyRevoked: true, revokedAt: toDate(existing.revokedAt) ?? now, data: cert.data() ?? {} };
    }
    const index = cert.get('statusListIndex');
    const listId = (cert.get('statusListId') as string | undefined) ?? STATUS_LIST_ID;
    if (typeof index !== 'number' || typeof cert.get('credentialJwt') !== 'string') {
      throw failedPrecondition('This certificate has no signed credential yet; try again in a minute.');
    }
    const listRef = statusListRef(db, listId);
    const list = await tx.get(listRef);
    const encoded = list.get('encodedList');
    const bits =
      typeof encoded === 'string' ? new Uint8Array(gunzipSync(fromMultibase(encoded))) : emptyStatusList();
    tx.set(listRef, statusListFields(deps, setStatusBit(bits, index)), { merge: true });
    tx.update(certRef, { revocation: { revokedAt: now, reason: input.reason, revokedBy: actorId } });
    tx.create(auditRef(db, revocationAuditId(input.certificateId)), {
      actorId,
      action: 'credential.revoke',
      targetUid: cert.get('uid') ?? null,
      target: `certificates/${input.certificateId}`,
      targetName: cert.get('courseTitle') ?? null,
      details: {
        certificateId: input.certificateId,
        reason: input.reason,
        statusListId: listId,
        statusListIndex: index,
      },
      createdAt: now,
    });
    return { alreadyRevoked: false, revokedAt: now, data: cert.data() ?? {} };
  });

  if (!outcome.alreadyRevoked) {
    logger.info('credential revoked', { certificateId: input.certificateId, actorId });
    const title =
      typeof outcome.data.courseTitle === 'string' ? outcome.data.courseTitle : 'your certificate';
    const uid = outcome.data.uid;
    if (typeof uid === 'string' && uid) {
      await notify(
        db,
        {
          uid,
          type: 'certificate_issued',
          id: revocationNotificationId(input.certificateId),
          title: `Certificate revoked: ${title}`,
          body: notice,
          link: certificateVerifyPath(input.certificateId),
        },
        deps,
      );
    }
  }
  return {
    certificateId: input.certificateId,
    alreadyRevoked: outcome.alreadyRevoked,
    revokedAt: outcome.revokedAt.toISOString(),
  };
}

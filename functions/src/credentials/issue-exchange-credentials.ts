// Exchange credentials: when a completed skill exchange has its evidence — held sessions (status
// 'held', server-written: confirmed by both after the end, or observed) and both people's ratings of
// each other at least 4 — each person gets a certificate for the skill they TAUGHT. Why taught,
// not learned: the evidence attests teaching. The rating a person received comes from the one
// they taught, so it speaks to how well they taught; a few sessions as a learner show
// participation, not competence, and a credential should claim only what its evidence supports.
//
// The certificate is created unsigned here (random, unguessable id, as SPEC requires); the
// onCertificateCreatedSign trigger signs it like every other certificate. Idempotent: a marker
// credentialIssuance/exchange_{exchangeId}_{uid} is created in the same transaction, so running
// twice (or both feedback triggers racing) issues one credential per person.
import { certificateVerifyPath } from '@skillverse/domain/courses-api';
import { exchangeCredentialEligibility } from '@skillverse/domain/credentials';
import { pairWindowOpen } from '@skillverse/domain/exchange-rewards';
import { skillName } from '@skillverse/domain/skills';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { isRecord, toDate } from '../lib/firestore';
import { type NotifyDeps, notify } from '../notifications/notify';
import { issuanceRef } from '../lib/data/credentials';
import { exchangePairRef } from '../lib/data/exchange-pairs';
import { exchangeRef, exchangesCol, exchangeSessionsCol, feedbackCol } from '../lib/data/exchanges';
import { userRef } from '../lib/data/users';
import { createExchangeCredentialOnce, sessionEvidence } from './exchange-credential';

export const exchangeIssuanceId = (exchangeId: string, uid: string) => `exchange_${exchangeId}_${uid}`;

export interface ExchangeCredentialResult {
  issued: { uid: string; certificateId: string }[];
  /** Why nothing was issued, when it was not eligible. */
  reason?: string;
}

export interface IssueOptions {
  /** false: issue silently (the seed's demo data). Default true: tell each holder. */
  notifyHolders?: boolean;
}

export async function issueExchangeCredentials(
  deps: { db: Firestore; now: Date } & NotifyDeps,
  exchangeId: string,
  options: IssueOptions = {},
): Promise<ExchangeCredentialResult> {
  const { db, now } = deps;
  const [exchange, feedback, sessions] = await Promise.all([
    exchangeRef(db, exchangeId).get(),
    feedbackCol(db, exchangeId).get(),
    exchangeSessionsCol(db, exchangeId).get(),
  ]);
  if (!exchange.exists) return { issued: [], reason: 'no such exchange' };
  const x = exchange.data() ?? {};
  const requesterId = typeof x.requesterId === 'string' ? x.requesterId : '';
  const providerId = typeof x.providerId === 'string' ? x.providerId : '';
  const ratingsGiven: Record<string, number> = {};
  for (const doc of feedback.docs) {
    const rating = doc.get('rating');
    if (typeof rating === 'number') ratingsGiven[doc.id] = rating;
  }
  const completedAt = toDate(x.completedAt) ?? toDate(x.updatedAt);
  const eligibility = exchangeCredentialEligibility({
    status: String(x.status ?? ''),
    participants: requesterId && providerId && requesterId !== providerId ? [requesterId, providerId] : [],
    ratingsGiven,
    sessions: sessionEvidence(sessions.docs),
    completedAt,
    now,
  });
  if (!eligibility.eligible) return { issued: [], reason: eligibility.reason };
  // Between the same two people, one exchange per 30 days earns (domain/src/exchange-rewards.ts).
  const pair = await exchangePairRef(db, requesterId, providerId).get();
  const lastRewardedAt = toDate(pair.get('lastRewardedAt'));
  if (pair.get('lastExchangeId') !== exchangeId && !pairWindowOpen(lastRewardedAt, now)) {
    return { issued: [], reason: 'the same two people earned from an exchange in the last 30 days' };
  }

  const people = isRecord(x.people) ? x.people : {};
  const nameOf = async (uid: string) => {
    const p = people[uid];
    if (isRecord(p) && typeof p.displayName === 'string' && p.displayName) return p.displayName;
    const name = (await userRef(db, uid).get()).get('displayName');
    return typeof name === 'string' && name ? name : 'SkillVerse member';
  };
  // The requester offered `offeredSkill` (they teach it); the provider teaches `requestedSkill`.
  const roles = [
    { uid: requesterId, partner: providerId, skill: skillName(x.offeredSkill) },
    { uid: providerId, partner: requesterId, skill: skillName(x.requestedSkill) },
  ];
  const issued: ExchangeCredentialResult['issued'] = [];
  for (const role of roles) {
    if (!role.skill) continue;
    const [userName, partnerName] = await Promise.all([nameOf(role.uid), nameOf(role.partner)]);
    const markerRef = issuanceRef(db, exchangeIssuanceId(exchangeId, role.uid));
    const certificateId = await createExchangeCredentialOnce(db, markerRef, {
      uid: role.uid,
      userName,
      partnerId: role.partner,
      partnerName,
      skill: role.skill,
      source: { exchangeId },
      eligibility,
      ratingReceived: ratingsGiven[role.partner] ?? 0,
      ratingGiven: ratingsGiven[role.uid] ?? 0,
      completedAt,
      now,
    });
    if (!certificateId) continue;
    issued.push({ uid: role.uid, certificateId });
    if (options.notifyHolders === false) continue;
    logger.info('exchange credential issued', { exchangeId, uid: role.uid, certificateId });
    await notify(
      db,
      {
        uid: role.uid,
        type: 'certificate_issued',
        id: `exchange_credential_${exchangeId}`,
        title: `🎓 Credential earned: teaching ${role.skill}`,
        body: `${partnerName} rated your teaching. Your verifiable credential for ${role.skill} is ready to share.`,
        link: certificateVerifyPath(certificateId),
      },
      deps,
    );
  }
  return { issued };
}

/**
 * Completed exchanges (all, or these ids), checked for credentials: the backfill and the seed.
 * Safe to repeat. Returns the certificates issued.
 */
export async function issueAllExchangeCredentials(
  deps: { db: Firestore; now: Date } & NotifyDeps,
  options: IssueOptions & { exchangeIds?: string[] } = {},
): Promise<ExchangeCredentialResult['issued']> {
  const ids =
    options.exchangeIds ??
    (await exchangesCol(deps.db).where('status', '==', 'completed').select().get()).docs.map((d) => d.id);
  const issued: ExchangeCredentialResult['issued'] = [];
  for (const id of ids) issued.push(...(await issueExchangeCredentials(deps, id, options)).issued);
  return issued;
}

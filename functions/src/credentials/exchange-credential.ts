// What one-to-one exchanges (issue-exchange-credentials.ts) and swap cycles
// (exchange/cycle-sessions.ts) share when they issue a skill-exchange credential: the sessions read
// as evidence, and the certificate created once under its issuance marker, in one transaction.
// The certificate is unsigned here; onCertificateCreatedSign signs it like every other one.
import type { ExchangeEligibility, ExchangeEvidenceInput } from '@skillverse/domain/credentials';
import type {
  DocumentReference,
  Firestore,
  QueryDocumentSnapshot,
  Transaction,
} from 'firebase-admin/firestore';
import { certificateRef, newCertificateId } from '../lib/data/certificates';
import { runCallableTransaction, toDate } from '../lib/firestore';

/** Exchange or cycle session documents as the evidence rules read them (server-written fields). */
export function sessionEvidence(docs: QueryDocumentSnapshot[]): ExchangeEvidenceInput['sessions'] {
  return docs.map((s) => ({
    status: String(s.get('status') ?? ''),
    scheduledAt: toDate(s.get('scheduledAt')),
    durationMin: typeof s.get('durationMin') === 'number' ? s.get('durationMin') : 0,
    evidence: typeof s.get('held.evidence') === 'string' ? s.get('held.evidence') : null,
    observedMinutes: typeof s.get('held.observedMinutes') === 'number' ? s.get('held.observedMinutes') : null,
  }));
}

export interface ExchangeCredentialInput {
  /** The holder: the person who taught `skill` to `partnerId`. */
  uid: string;
  userName: string;
  partnerId: string;
  partnerName: string;
  skill: string;
  /** Where it was earned: `{ exchangeId }` or `{ cycleId }` (also written on the marker). */
  source: { exchangeId: string } | { cycleId: string };
  eligibility: Extract<ExchangeEligibility, { eligible: true }>;
  ratingReceived: number;
  ratingGiven: number;
  completedAt: Date | null;
  now: Date;
}

/**
 * Creates the credential unless its issuance marker exists (a repeat, or two runs racing, issue
 * one). `also` adds writes to the same transaction. Returns the new certificate id, or null.
 */
export async function createExchangeCredentialOnce(
  db: Firestore,
  markerRef: DocumentReference,
  input: ExchangeCredentialInput,
  also?: (tx: Transaction) => void,
): Promise<string | null> {
  const { eligibility: e } = input;
  return runCallableTransaction(db, async (tx) => {
    const marker = await tx.get(markerRef);
    if (marker.exists) return null;
    const id = newCertificateId();
    tx.create(certificateRef(db, id), {
      kind: 'exchange',
      uid: input.uid,
      userName: input.userName,
      // SPEC's certificate fields, filled for an exchange: no course; the title is the skill
      // and the "instructor" the partner it was taught to (lists and the PDF read these).
      courseId: '',
      courseTitle: input.skill,
      instructorName: input.partnerName,
      skill: input.skill,
      ...input.source,
      partnerId: input.partnerId,
      partnerName: input.partnerName,
      evidence: {
        heldSessions: e.heldSessions,
        heldMinutes: e.heldMinutes,
        selfReportedSessions: e.selfReportedSessions,
        observedSessions: e.observedSessions,
        observedMinutes: e.observedMinutes,
        sessions: e.sessions,
        ratingReceived: input.ratingReceived,
        ratingGiven: input.ratingGiven,
        completedAt: input.completedAt,
      },
      issuedAt: input.now,
    });
    tx.create(markerRef, { certificateId: id, uid: input.uid, ...input.source, createdAt: input.now });
    also?.(tx);
    return id;
  });
}

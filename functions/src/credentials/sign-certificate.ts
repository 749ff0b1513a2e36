// Signs a certificate as an Open Badges 3.0 credential (VC-JWT, ES256), exactly once.
//
// Certificates are created by whatever earns them (course completion in courses/progress.ts, an
// exchange in issue-exchange-credentials.ts, the seed) without a signature; the one place that
// signs is signCertificate, called by the onCertificateCreatedSign trigger, by the admin
// backfillCredentials callable (certificates issued before credentials existed) and by the seed.
// Keeping the key out of completeLecture/submitQuiz means only these functions hold the secret.
//
// Idempotent: inside one transaction it reads the certificate and the status list, and does
// nothing when the certificate is signed already; otherwise it takes the list's next free index
// (so no two credentials share a revocation bit), signs, and stores the JWS on the certificate.
import { nonEmptyStr, num, str } from '@skillverse/domain/fields';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  buildOpenBadgeCredential,
  buildStatusListCredential,
  type CredentialKind,
  type CredentialSource,
  credentialJwtPayload,
  emailIdentityHash,
  emptyStatusList,
  type ExchangeEvidence,
  type HeldSessionEvidence,
  type IssuerUrls,
  type RecipientHash,
  STATUS_LIST_ID,
  STATUS_LIST_SIZE,
  statusListJwtPayload,
  toMultibase,
} from '@skillverse/domain/credentials';
import type { DocumentData, Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { APP_URL, DEFAULT_APP_URL } from '../config/params';
import { createIfAbsent, isRecord, runCallableTransaction, toDate } from '../lib/firestore';
import { adminAuth } from '../lib/admin';
import { kidOf, type SigningKey, signCompactJws } from './signing-key';
import { credentialKeysCol, statusListRef } from '../lib/data/credentials';
import { certificateRef, certificatesCol } from '../lib/data/certificates';

export interface SignDeps {
  db: Firestore;
  key: SigningKey;
  urls: IssuerUrls;
  now: Date;
  /** false: no log line per batch (the seed). */
  log?: boolean;
  /** The holders' verified emails by uid (default: Firebase Auth; unverified emails are left out). */
  verifiedEmails?: (uids: string[]) => Promise<Map<string, string>>;
}

/** Verified emails of these users from Firebase Auth (100 per lookup); missing users are skipped. */
export async function verifiedEmailsFromAuth(uids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(uids.filter(Boolean))];
  for (let i = 0; i < unique.length; i += 100) {
    const { users } = await adminAuth().getUsers(unique.slice(i, i + 100).map((uid) => ({ uid })));
    for (const u of users) if (u.email && u.emailVerified) out.set(u.uid, u.email);
  }
  return out;
}

/** The salted hash of a holder's verified email: a fresh 16-byte salt per credential. */
export function recipientHash(email: string, salt = randomBytes(16).toString('hex')): RecipientHash {
  return { identityHash: emailIdentityHash(email, salt), salt };
}

/**
 * Public URLs in credentials. The openBadges function is served under the app's own origin through
 * the hosting rewrite `/openBadges/**` (firebase.json), so ids stay stable if functions move.
 */
export function issuerUrls(appUrl = APP_URL.value() || DEFAULT_APP_URL): IssuerUrls {
  const base = appUrl.replace(/\/$/, '');
  return { appUrl: base, badgesUrl: `${base}/openBadges` };
}

export function credentialSource(certificateId: string, data: DocumentData, now: Date): CredentialSource {
  const kind: CredentialKind = data.kind === 'exchange' ? 'exchange' : 'course';
  const e = isRecord(data.evidence) ? data.evidence : null;
  const evidence: ExchangeEvidence | undefined = e
    ? {
        heldSessions: num(e.heldSessions),
        heldMinutes: num(e.heldMinutes),
        ...(typeof e.selfReportedSessions === 'number'
          ? { selfReportedSessions: e.selfReportedSessions }
          : {}),
        ...(typeof e.observedSessions === 'number' ? { observedSessions: e.observedSessions } : {}),
        ...(typeof e.observedMinutes === 'number' ? { observedMinutes: e.observedMinutes } : {}),
        ...(Array.isArray(e.sessions) ? { sessions: heldSessionsFrom(e.sessions) } : {}),
        ratingReceived: num(e.ratingReceived),
        ratingGiven: num(e.ratingGiven),
        completedAt: toDate(e.completedAt),
      }
    : undefined;
  const ce = kind === 'course' && isRecord(data.courseEvidence) ? data.courseEvidence : null;
  return {
    ...(ce
      ? {
          courseEvidence: {
            observedSeconds: num(ce.observedSeconds),
            lectures: num(ce.lectures),
            quizzesPassed: num(ce.quizzesPassed),
            quizzes: num(ce.quizzes),
          },
        }
      : {}),
    certificateId,
    kind,
    uid: str(data.uid),
    userName: nonEmptyStr(data.userName) ?? 'SkillVerse learner',
    issuedAt: toDate(data.issuedAt) ?? now,
    courseId: str(data.courseId),
    courseTitle: nonEmptyStr(data.courseTitle) ?? str(data.skill),
    instructorName: nonEmptyStr(data.instructorName) ?? 'SkillVerse',
    exchangeId: nonEmptyStr(data.exchangeId),
    skill: nonEmptyStr(data.skill),
    partnerName: nonEmptyStr(data.partnerName),
    evidence,
  };
}

/** The list's signed BitstringStatusListCredential for these bits. */
export function statusListFields(deps: Pick<SignDeps, 'key' | 'urls' | 'now'>, bits: Uint8Array) {
  const encodedList = toMultibase(gzipSync(bits));
  const list = buildStatusListCredential(deps.urls, encodedList, deps.now);
  return {
    encodedList,
    credentialJwt: signCompactJws(statusListJwtPayload(list), deps.key, kidOf(deps.key, deps.urls)),
    kid: kidOf(deps.key, deps.urls),
    size: STATUS_LIST_SIZE,
    updatedAt: deps.now,
  };
}

/**
 * Publishes the public key under its thumbprint (credentialKeys/{thumbprint}), once, with the kid
 * its signatures carry (its key URL). Old keys stay: rotation keeps them verifying.
 */
export async function publishPublicKey(
  db: Firestore,
  key: SigningKey,
  urls: IssuerUrls,
  now: Date,
): Promise<void> {
  await createIfAbsent(() =>
    credentialKeysCol(db)
      .doc(key.thumbprint)
      .create({
        ...key.publicJwk,
        alg: key.alg,
        use: 'sig',
        kid: kidOf(key, urls),
        dev: key.dev,
        createdAt: now,
      }),
  );
}

export type SignOutcome = 'signed' | 'already-signed' | 'missing';

export async function signCertificate(deps: SignDeps, certificateId: string): Promise<SignOutcome> {
  return (await signCertificates(deps, [certificateId]))[0] as SignOutcome;
}

/** Most certificates one transaction signs (each is a write; the limit is 500). */
export const SIGN_BATCH = 200;

/**
 * Signs these certificates, skipping signed and missing ones, in transactions of SIGN_BATCH: one
 * read of the status list takes a run of consecutive indexes. The trigger signs one at a time;
 * the seed and the backfill sign many.
 */
export async function signCertificates(deps: SignDeps, certificateIds: string[]): Promise<SignOutcome[]> {
  const { db, key, now } = deps;
  await publishPublicKey(db, key, deps.urls, now);
  const kid = kidOf(key, deps.urls);
  const listRef = statusListRef(db, STATUS_LIST_ID);
  const outcomes: SignOutcome[] = [];
  for (let start = 0; start < certificateIds.length; start += SIGN_BATCH) {
    const ids = certificateIds.slice(start, start + SIGN_BATCH);
    const refs = ids.map((id) => certificateRef(db, id));
    // The holders' verified emails, read before the transaction (a holder never changes).
    const holders = ids.length > 0 ? await db.getAll(...refs) : [];
    const emails = await (deps.verifiedEmails ?? verifiedEmailsFromAuth)(
      holders.map((h) => str(h.get('uid'))).filter(Boolean),
    );
    const batch = await runCallableTransaction(db, async (tx) => {
      const [list, ...certs] = await tx.getAll(listRef, ...refs);
      let next = list?.exists ? num(list.get('nextIndex')) : 0;
      const first = next;
      const result = certs.map((cert, i): SignOutcome => {
        if (!cert?.exists) return 'missing';
        if (typeof cert.get('credentialJwt') === 'string') return 'already-signed';
        const index = next;
        if (index >= STATUS_LIST_SIZE) throw new Error(`Status list ${STATUS_LIST_ID} is full`);
        next += 1;
        const id = ids[i] as string;
        const src = credentialSource(id, cert.data() ?? {}, now);
        const email = emails.get(src.uid);
        if (email) src.recipient = recipientHash(email);
        const credential = buildOpenBadgeCredential(src, index, deps.urls);
        tx.update(cert.ref, {
          kind: src.kind,
          credentialJwt: signCompactJws(credentialJwtPayload(credential), key, kid),
          credentialKid: kid,
          statusListId: STATUS_LIST_ID,
          statusListIndex: index,
          signedAt: now,
          revocation: cert.get('revocation') ?? null,
        });
        return 'signed';
      });
      if (next !== first) {
        if (list?.exists) tx.update(listRef, { nextIndex: next });
        else tx.create(listRef, { ...statusListFields(deps, emptyStatusList()), nextIndex: next });
      }
      return result;
    });
    const signed = ids.filter((_, i) => batch[i] === 'signed');
    if (signed.length > 0 && deps.log !== false)
      logger.info('credentials signed', { certificateIds: signed, kid, dev: key.dev });
    outcomes.push(...batch);
  }
  return outcomes;
}

export interface BackfillResult {
  scanned: number;
  signed: number;
}

/**
 * Signs every certificate that has no credential yet (issued before credentials existed, or while
 * the signer was down), a page at a time. Safe to run again: signed ones are skipped.
 */
export async function signUnsignedCertificates(deps: SignDeps, pageSize = 200): Promise<BackfillResult> {
  const result: BackfillResult = { scanned: 0, signed: 0 };
  let last: string | null = null;
  for (;;) {
    let q = certificatesCol(deps.db).orderBy('__name__').select('credentialJwt').limit(pageSize);
    if (last) q = q.startAfter(last);
    const page = await q.get();
    result.scanned += page.size;
    const unsigned = page.docs.filter((d) => typeof d.get('credentialJwt') !== 'string').map((d) => d.id);
    const outcomes = await signCertificates(deps, unsigned);
    result.signed += outcomes.filter((o) => o === 'signed').length;
    if (page.size < pageSize) return result;
    last = page.docs[page.docs.length - 1]?.id ?? null;
  }
}

/** The stored per-session evidence, read defensively (a malformed entry is dropped). */
function heldSessionsFrom(raw: unknown[]): HeldSessionEvidence[] {
  const out: HeldSessionEvidence[] = [];
  for (const r of raw) {
    if (!isRecord(r)) continue;
    const scheduledMinutes = num(r.scheduledMinutes);
    if (r.evidence === 'observed')
      out.push({ evidence: 'observed', observedMinutes: num(r.observedMinutes), scheduledMinutes });
    else if (r.evidence === 'self-reported')
      out.push({ evidence: 'self-reported', observedMinutes: null, scheduledMinutes });
  }
  return out;
}

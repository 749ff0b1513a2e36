// Verifiable credentials (issue 8, item 1): certificates as Open Badges 3.0 `OpenBadgeCredential`s
// (W3C Verifiable Credentials Data Model 2.0), secured as VC-JWT (OB 3.0 §8.2: a compact JWS whose
// payload is the credential itself, with the registered claims iss/nbf/sub added), signed with
// ECDSA P-256 (`alg: ES256`; credentials issued before issue 19 are Ed25519, `alg: EdDSA`, and keep
// verifying). The issuer is a did:web whose document lists the same keys; each JWS names its key by
// a URL (`kid`) that answers with that one JWK. Revocation is a W3C Bitstring Status List: every
// credential names one bit of a public, signed status list credential.
//
// Why VC-JWT + EdDSA rather than a Data Integrity proof: a compact JWS needs no canonicalisation,
// so any JOSE library (or WebCrypto plus base64url) verifies it independently; the bytes signed are
// exactly the bytes stored. Everything here is pure (no Firebase, no Node or DOM APIs beyond
// btoa/atob/TextEncoder, which both have), shared by the signing functions and the verify page.

import { isRecord } from './fields';
import { sha256Hex } from './sha256';

export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/**
 * The algorithm new credentials and status lists are signed with. ES256, not RS256: OB 3.0 names
 * RS256 as the one every verifier must support, but did-jwt (did-jwt-vc, Veramo) implements no RSA
 * at all, while ES256 is accepted by 1EdTech's validator (RS256 and ES256), jose, did-jwt and
 * WebCrypto in every browser. See docs/credentials.md.
 */
export const JWS_ALG = 'ES256';
/** The algorithm of credentials signed before issue 19 (Ed25519); still verified. */
export const LEGACY_JWS_ALG = 'EdDSA';
export const JWS_ALGS = [JWS_ALG, LEGACY_JWS_ALG] as const;
/** The credential's JWS `typ` (OB 3.0 §8.2.4 uses plain JWT). */
export const JWS_TYP = 'JWT';

/** Bits in one status list: 16 KiB, the Bitstring Status List minimum (herd privacy). */
export const STATUS_LIST_SIZE = 131_072;
/** The one status list in use; a second would start when this one is full. */
export const STATUS_LIST_ID = 'revocation-1';

/** Both parties must have rated the other at least this for an exchange credential. */
export const MIN_EXCHANGE_RATING = 4;
/** Held sessions needed for an exchange credential. */
export const MIN_HELD_SESSIONS = 1;

export const CREDENTIAL_KINDS = ['course', 'exchange'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** Public URLs the credential points at (all served by the `openBadges` HTTP function). */
export interface IssuerUrls {
  /** The web app, e.g. https://skillverse.web.app — credential ids are its verify pages. */
  appUrl: string;
  /** Base of the openBadges function, e.g. https://…/openBadges. */
  badgesUrl: string;
}

/**
 * The issuer's did:web, from the app's host (a port is percent-encoded: did:web:localhost%3A5000);
 * its document is served at `<appUrl>/.well-known/did.json`. The credential's issuer id and JWT
 * `iss` (from issue 19; older credentials name the profile URL).
 */
export function issuerDid(u: IssuerUrls): string {
  const url = new URL(u.appUrl);
  const path = url.pathname.split('/').filter(Boolean).map(encodeURIComponent);
  return ['did:web', encodeURIComponent(url.host), ...path].join(':');
}
export const issuerId = issuerDid;
/** The issuer Profile document (JSON-LD), whose id is the did:web. */
export const issuerProfileUrl = (u: IssuerUrls) => `${u.badgesUrl}/issuer`;
export const didDocumentUrl = (u: IssuerUrls) => `${u.appUrl}/.well-known/did.json`;
export const jwksUrl = (u: IssuerUrls) => `${u.badgesUrl}/jwks`;
/** The JWS `kid`: a URL answering with that one public JWK (RFC 7638 thumbprint as its last segment). */
export const keyUrl = (u: IssuerUrls, thumbprint: string) => `${u.badgesUrl}/keys/${thumbprint}`;
/** The thumbprint a kid names: the last path segment of a key URL, or a bare thumbprint (before issue 19). */
export function thumbprintFromKid(kid: string): string {
  const last = kid.split(/[/#]/).pop() ?? '';
  return /^[A-Za-z0-9_-]{20,100}$/.test(last) ? last : '';
}
export const statusListUrl = (u: IssuerUrls, listId = STATUS_LIST_ID) => `${u.badgesUrl}/status/${listId}`;
export const credentialVerifyUrl = (u: IssuerUrls, certificateId: string) =>
  `${u.appUrl}/certificates/${encodeURIComponent(certificateId)}/verify`;
export const achievementUrl = (u: IssuerUrls, kind: CredentialKind, key: string) =>
  `${u.badgesUrl}/achievements/${kind}/${encodeURIComponent(key)}`;

export const ISSUER_NAME = 'SkillVerse';

/** What a certificate says, as stored in `certificates/{id}` (SPEC fields plus the kind's own). */
export interface CredentialSource {
  certificateId: string;
  kind: CredentialKind;
  uid: string;
  userName: string;
  issuedAt: Date;
  /** course: the course; exchange: empty. */
  courseId: string;
  /** course: the course title; exchange: the skill taught. */
  courseTitle: string;
  instructorName: string;
  /** exchange only. */
  exchangeId?: string;
  skill?: string;
  /** exchange only: who learned from the holder. */
  partnerName?: string;
  evidence?: ExchangeEvidence;
  /** course only: what the platform observed (stored on the certificate when it was issued). */
  courseEvidence?: CourseEvidence;
  /** The holder's verified email, hashed with a salt (absent when the email is not verified). */
  recipient?: RecipientHash;
}

/** A salted SHA-256 of the holder's verified email: `identityHash` is `sha256$<hex>`. */
export interface RecipientHash {
  identityHash: string;
  salt: string;
}

/** OB 3.0 IdentityObject (credentialSubject.identifier). */
export interface IdentityObject {
  type: 'IdentityObject';
  hashed: true;
  identityHash: string;
  identityType: 'emailAddress';
  salt: string;
}

/** How an email is compared: trimmed and lower-cased (the whole address; no other folding). */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * OB 3.0 identityHash of an email: `sha256$` + hex SHA-256 of the normalised email followed by the
 * salt (the Open Badges convention, string concatenation). The verify page computes the same in
 * the browser to answer "was this issued to this email?".
 */
export function emailIdentityHash(email: string, salt: string): string {
  return `sha256$${sha256Hex(normalizeEmail(email) + salt)}`;
}

/** Whether the credential's recipient identifiers name this email. */
export function credentialIssuedToEmail(credential: OpenBadgeCredential, email: string): boolean {
  const ids = credential.credentialSubject.identifier ?? [];
  return ids.some(
    (i) =>
      i.identityType === 'emailAddress' &&
      i.hashed &&
      typeof i.salt === 'string' &&
      i.identityHash === emailIdentityHash(email, i.salt),
  );
}

/**
 * What SkillVerse saw of a course completion (issue 15): the learning time its player reports
 * observed on the server's clock, and the quizzes passed on the server. Certificates issued before
 * watching was observed carry no observed time, and the credential says so instead of claiming any.
 */
export interface CourseEvidence {
  observedSeconds: number;
  lectures: number;
  quizzesPassed: number;
  quizzes: number;
}

/** The evidence line of a course credential, e.g. "42 minutes of watching and reading observed…". */
export function courseEvidenceDescription(e: CourseEvidence): string {
  const minutes = Math.round(e.observedSeconds / 60);
  const time =
    e.observedSeconds > 0
      ? `${minutes > 0 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${Math.round(e.observedSeconds)} seconds`} of watching and reading observed by SkillVerse across ${e.lectures} lecture${e.lectures === 1 ? '' : 's'}`
      : 'No observed learning time on record (completed before SkillVerse observed watching)';
  const quizzes =
    e.quizzes > 0
      ? `${e.quizzesPassed} of ${e.quizzes} quiz${e.quizzes === 1 ? '' : 'zes'} passed on the server at the required score`
      : 'the course has no quiz';
  return `${time}; ${quizzes}.`;
}

export interface ExchangeEvidence {
  heldSessions: number;
  /** Scheduled minutes of the held sessions. */
  heldMinutes: number;
  /** Held sessions both people confirmed after they ended (not observed by the platform). */
  selfReportedSessions?: number;
  /** Held sessions the platform saw both people attend, and the minutes it saw. */
  observedSessions?: number;
  observedMinutes?: number;
  /** Each held session in time order: how it was known, and the minutes the platform saw. */
  sessions?: HeldSessionEvidence[];
  /** The rating the holder received from their partner (1–5). */
  ratingReceived: number;
  /** The rating the holder gave their partner (1–5). */
  ratingGiven: number;
  completedAt: Date | null;
}

export interface HeldSessionEvidence {
  evidence: 'observed' | 'self-reported';
  /** Minutes the platform saw both people together (observed); null when self-reported. */
  observedMinutes: number | null;
  scheduledMinutes: number;
}

/** "Session 1 — observed: 12 min", "Session 2 — self-reported by both (not observed)". */
export function sessionEvidenceLines(sessions: HeldSessionEvidence[]): string[] {
  return sessions.map((s, i) =>
    s.evidence === 'observed'
      ? `Session ${i + 1} — observed: ${s.observedMinutes ?? 0} min`
      : `Session ${i + 1} — self-reported by both (not observed)`,
  );
}

/**
 * What the held sessions were, as evidence states it: how many, their scheduled minutes, and how
 * each was known — self-reported by both people, or observed by the platform (with its minutes).
 * Never more than that: a self-reported session is not stated as attended.
 */
export function heldSessionsText(e: ExchangeEvidence): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const observed = e.observedSessions ?? 0;
  const selfReported = e.selfReportedSessions ?? Math.max(0, e.heldSessions - observed);
  if (e.sessions?.length)
    return `${plural(e.heldSessions, 'held session')} (${e.heldMinutes} scheduled minutes): ${sessionEvidenceLines(e.sessions).join('; ')}`;
  const parts: string[] = [];
  if (observed > 0) parts.push(`${observed} observed by SkillVerse (${e.observedMinutes ?? 0} minutes seen)`);
  if (selfReported > 0)
    parts.push(`${selfReported} self-reported: confirmed by both people after it ended, not observed`);
  return `${plural(e.heldSessions, 'held session')} (${e.heldMinutes} scheduled minutes): ${parts.join('; ')}`;
}

export interface CredentialStatusEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'revocation';
  statusListIndex: string;
  statusListCredential: string;
}

export interface OpenBadgeCredential {
  '@context': string[];
  id: string;
  type: string[];
  name: string;
  description: string;
  issuer: { id: string; type: string[]; name: string; url: string };
  validFrom: string;
  credentialSubject: {
    id: string;
    type: string[];
    name: string;
    /** The holder's hashed verified email (from issue 19). */
    identifier?: IdentityObject[];
    achievement: {
      id: string;
      type: string[];
      achievementType: string;
      name: string;
      description: string;
      criteria: { narrative: string };
      tag?: string[];
    };
  };
  credentialStatus: CredentialStatusEntry;
  evidence?: {
    id?: string;
    type: string[];
    name: string;
    description: string;
    narrative?: string;
  }[];
}

/** The holder's subject id: their public profile URL (no email or other personal data). */
export const subjectId = (u: IssuerUrls, uid: string) => `${u.appUrl}/u/${encodeURIComponent(uid)}`;

export function achievementName(src: Pick<CredentialSource, 'kind' | 'courseTitle' | 'skill'>): string {
  return src.kind === 'exchange' ? `Peer teaching: ${src.skill || src.courseTitle}` : src.courseTitle;
}

/** Builds the unsigned OB 3.0 credential for a certificate, bit `statusListIndex` of the list. */
export function buildOpenBadgeCredential(
  src: CredentialSource,
  statusListIndex: number,
  urls: IssuerUrls,
): OpenBadgeCredential {
  const id = credentialVerifyUrl(urls, src.certificateId);
  const listUrl = statusListUrl(urls);
  const name = achievementName(src);
  const achievement: OpenBadgeCredential['credentialSubject']['achievement'] =
    src.kind === 'exchange'
      ? {
          id: achievementUrl(urls, 'exchange', src.skill || src.courseTitle),
          type: ['Achievement'],
          achievementType: 'Competency',
          name,
          description: `Taught ${src.skill || src.courseTitle} one-to-one in a completed SkillVerse skill exchange.`,
          criteria: {
            narrative: `Completed a skill exchange with at least ${MIN_HELD_SESSIONS} held session (observed by SkillVerse in its call room, or confirmed by both people after it ended and recorded as self-reported), and both people rated each other at least ${MIN_EXCHANGE_RATING} of 5.`,
          },
          tag: [src.skill || src.courseTitle],
        }
      : {
          id: achievementUrl(urls, 'course', src.courseId),
          type: ['Achievement'],
          achievementType: 'Certificate',
          name,
          description: `Completed the SkillVerse course “${src.courseTitle}”, taught by ${src.instructorName}.`,
          criteria: {
            narrative:
              'Completed every lecture of the course and passed its quiz at the required score where the course has one.',
          },
        };
  const credential: OpenBadgeCredential = {
    '@context': [VC_CONTEXT_V2, OB3_CONTEXT],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: src.kind === 'exchange' ? `${name} — SkillVerse` : `Certificate of completion: ${name}`,
    description:
      src.kind === 'exchange'
        ? `${src.userName} taught ${src.skill || src.courseTitle} to ${src.partnerName || 'a peer'} on SkillVerse.`
        : `${src.userName} completed ${src.courseTitle} on SkillVerse.`,
    issuer: { id: issuerId(urls), type: ['Profile'], name: ISSUER_NAME, url: urls.appUrl },
    validFrom: src.issuedAt.toISOString(),
    credentialSubject: {
      id: subjectId(urls, src.uid),
      type: ['AchievementSubject'],
      name: src.userName,
      ...(src.recipient
        ? {
            identifier: [
              {
                type: 'IdentityObject' as const,
                hashed: true as const,
                identityHash: src.recipient.identityHash,
                identityType: 'emailAddress' as const,
                salt: src.recipient.salt,
              },
            ],
          }
        : {}),
      achievement,
    },
    credentialStatus: {
      id: `${listUrl}#${statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(statusListIndex),
      statusListCredential: listUrl,
    },
  };
  if (src.kind === 'exchange' && src.evidence) {
    const e = src.evidence;
    credential.evidence = [
      {
        id: src.exchangeId
          ? `${urls.appUrl}/skill-exchange/${encodeURIComponent(src.exchangeId)}`
          : undefined,
        type: ['Evidence'],
        name: 'Completed skill exchange',
        description: `${heldSessionsText(e)}; rated ${e.ratingReceived}/5 by the learner, rated them ${e.ratingGiven}/5.`,
        narrative: e.completedAt
          ? `Both people confirmed completion on ${e.completedAt.toISOString().slice(0, 10)}.`
          : undefined,
      },
    ];
    // undefined members are dropped by JSON; drop them here too so the object equals its JSON.
    credential.evidence = JSON.parse(JSON.stringify(credential.evidence)) as OpenBadgeCredential['evidence'];
  }
  if (src.kind === 'course' && src.courseEvidence) {
    credential.evidence = [
      {
        type: ['Evidence'],
        name: 'Observed learning',
        description: courseEvidenceDescription(src.courseEvidence),
      },
    ];
  }
  return credential;
}

/**
 * The VC-JWT payload: the credential plus the registered claims iss, sub and nbf. No `jti`: the
 * credential's own `id` says it, and `jti` is no term of the contexts (issue 19).
 */
export function credentialJwtPayload(credential: OpenBadgeCredential): Record<string, unknown> {
  return {
    ...credential,
    iss: credential.issuer.id,
    sub: credential.credentialSubject.id,
    nbf: Math.floor(Date.parse(credential.validFrom) / 1000),
  };
}

export interface JwsHeader {
  alg: string;
  typ?: string;
  kid?: string;
}

// ---------------------------------------------------------------------------------------------
// base64url and compact JWS

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function bytesToBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64urlToBytes(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('Not base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const jsonToBase64url = (value: unknown) => bytesToBase64url(encoder.encode(JSON.stringify(value)));

/** `base64url(header).base64url(payload)`: the bytes an Ed25519 key signs. */
export function jwsSigningInput(header: JwsHeader, payload: unknown): string {
  return `${jsonToBase64url(header)}.${jsonToBase64url(payload)}`;
}

export interface ParsedJws {
  header: JwsHeader;
  payload: Record<string, unknown>;
  signingInput: Uint8Array;
  signature: Uint8Array;
}

/** Splits and decodes a compact JWS; throws on anything malformed. Does not verify. */
export function parseCompactJws(jws: string): ParsedJws {
  const parts = jws.split('.');
  if (parts.length !== 3) throw new Error('A compact JWS has three parts');
  const [h, p, s] = parts as [string, string, string];
  const header = JSON.parse(decoder.decode(base64urlToBytes(h))) as unknown;
  const payload = JSON.parse(decoder.decode(base64urlToBytes(p))) as unknown;
  if (!isRecord(header) || typeof header.alg !== 'string') throw new Error('JWS header without alg');
  if (!isRecord(payload)) throw new Error('JWS payload is not an object');
  return {
    header: header as unknown as JwsHeader,
    payload,
    signingInput: encoder.encode(`${h}.${p}`),
    signature: base64urlToBytes(s),
  };
}

/** The credential inside a VC-JWT payload (the registered claims removed). */
export function credentialFromPayload(payload: Record<string, unknown>): OpenBadgeCredential {
  const { iss: _iss, jti: _jti, sub: _sub, nbf: _nbf, exp: _exp, iat: _iat, ...credential } = payload;
  return credential as unknown as OpenBadgeCredential;
}

/**
 * Checks a (signature-verified) VC-JWT payload's shape and that its registered claims agree with
 * the credential. Returns the problems, empty when fine.
 */
export function credentialPayloadProblems(payload: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const c = credentialFromPayload(payload);
  const contexts = Array.isArray(c['@context']) ? c['@context'] : [];
  if (contexts[0] !== VC_CONTEXT_V2) problems.push('first @context is not VC 2.0');
  if (!contexts.includes(OB3_CONTEXT)) problems.push('missing the Open Badges 3.0 context');
  if (!Array.isArray(c.type) || !c.type.includes('OpenBadgeCredential'))
    problems.push('not an OpenBadgeCredential');
  if (!c.issuer || payload.iss !== c.issuer.id) problems.push('iss does not match issuer.id');
  if (payload.jti !== undefined && payload.jti !== c.id) problems.push('jti does not match id');
  if (!c.credentialSubject || payload.sub !== c.credentialSubject.id)
    problems.push('sub does not match the subject');
  if (typeof c.validFrom !== 'string' || payload.nbf !== Math.floor(Date.parse(c.validFrom) / 1000))
    problems.push('nbf does not match validFrom');
  if (!c.credentialSubject?.achievement?.name) problems.push('no achievement');
  if (c.credentialStatus?.type !== 'BitstringStatusListEntry') problems.push('no status list entry');
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Bitstring Status List (W3C): bit 0 is the most significant bit of byte 0. The list travels
// GZIP-compressed and multibase base64url-encoded ('u' prefix); compression happens at the edges
// (node:zlib on the server, DecompressionStream in the browser).

export function emptyStatusList(size = STATUS_LIST_SIZE): Uint8Array {
  if (size % 8 !== 0) throw new Error('A status list has a whole number of bytes');
  return new Uint8Array(size / 8);
}

function checkIndex(bits: Uint8Array, index: number) {
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8)
    throw new RangeError(`Status list index ${index} is out of range`);
}

export function getStatusBit(bits: Uint8Array, index: number): boolean {
  checkIndex(bits, index);
  return ((bits[index >> 3] as number) & (0x80 >> (index & 7))) !== 0;
}

/** A copy of `bits` with bit `index` set (or cleared). */
export function setStatusBit(bits: Uint8Array, index: number, value = true): Uint8Array {
  checkIndex(bits, index);
  const next = new Uint8Array(bits);
  const mask = 0x80 >> (index & 7);
  next[index >> 3] = value ? (next[index >> 3] as number) | mask : (next[index >> 3] as number) & ~mask;
  return next;
}

export const toMultibase = (compressed: Uint8Array) => `u${bytesToBase64url(compressed)}`;

export function fromMultibase(encoded: string): Uint8Array {
  if (!encoded.startsWith('u')) throw new Error('Expected multibase base64url (u…)');
  return base64urlToBytes(encoded.slice(1));
}

export interface StatusListCredential {
  '@context': string[];
  id: string;
  type: string[];
  issuer: string;
  validFrom: string;
  credentialSubject: {
    id: string;
    type: 'BitstringStatusList';
    statusPurpose: 'revocation';
    encodedList: string;
  };
}

export function buildStatusListCredential(
  urls: IssuerUrls,
  encodedList: string,
  validFrom: Date,
  listId = STATUS_LIST_ID,
): StatusListCredential {
  const id = statusListUrl(urls, listId);
  return {
    '@context': [VC_CONTEXT_V2],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerId(urls),
    validFrom: validFrom.toISOString(),
    credentialSubject: {
      id: `${id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList,
    },
  };
}

export function statusListJwtPayload(list: StatusListCredential): Record<string, unknown> {
  return { ...list, iss: list.issuer, nbf: Math.floor(Date.parse(list.validFrom) / 1000) };
}

// ---------------------------------------------------------------------------------------------
// Exchange evidence

export interface ExchangeEvidenceInput {
  status: string;
  participants: string[];
  /** uid → the rating that person gave (exchanges/{id}/feedback/{uid}). */
  ratingsGiven: Record<string, number>;
  sessions: {
    status: string;
    scheduledAt: Date | null;
    durationMin: number;
    /** `held.evidence` (server-written); absent on sessions that are not held. */
    evidence?: string | null;
    observedMinutes?: number | null;
  }[];
  completedAt: Date | null;
  now: Date;
}

export type ExchangeEligibility =
  | {
      eligible: true;
      heldSessions: number;
      heldMinutes: number;
      selfReportedSessions: number;
      observedSessions: number;
      observedMinutes: number;
      /** The held sessions in time order. */
      sessions: HeldSessionEvidence[];
    }
  | { eligible: false; reason: string };

/**
 * Whether a skill exchange earns both people a credential: it is completed (both confirmed), at
 * least MIN_HELD_SESSIONS sessions were held — status 'held', which only the server writes (both
 * people confirmed after its end, 'self-reported', or the platform observed it, 'observed'; a
 * client-written 'completed' counts for nothing) — and each person rated the other at least
 * MIN_EXCHANGE_RATING.
 */
export function exchangeCredentialEligibility(input: ExchangeEvidenceInput): ExchangeEligibility {
  if (input.status !== 'completed') return { eligible: false, reason: 'the exchange is not completed' };
  if (input.participants.length !== 2) return { eligible: false, reason: 'an exchange has two people' };
  for (const uid of input.participants) {
    const rating = input.ratingsGiven[uid];
    if (rating === undefined) return { eligible: false, reason: 'waiting for both ratings' };
    if (rating < MIN_EXCHANGE_RATING)
      return { eligible: false, reason: `a rating is below ${MIN_EXCHANGE_RATING}` };
  }
  return heldSessionEvidence(input.sessions, input.now);
}

/**
 * The held-session part of an exchange credential's evidence, shared by one-to-one exchanges and
 * swap cycles (same rules): at least MIN_HELD_SESSIONS sessions with the server-written status
 * 'held', each summarised by how it was known.
 */
export function heldSessionEvidence(
  sessions: ExchangeEvidenceInput['sessions'],
  now: Date,
): ExchangeEligibility {
  const held = sessions.filter(
    (s) => s.status === 'held' && s.scheduledAt !== null && s.scheduledAt.getTime() <= now.getTime(),
  );
  if (held.length < MIN_HELD_SESSIONS) return { eligible: false, reason: 'no held session' };
  const observed = held.filter((s) => s.evidence === 'observed');
  const inOrder = [...held].sort((a, b) => (a.scheduledAt?.getTime() ?? 0) - (b.scheduledAt?.getTime() ?? 0));
  return {
    sessions: inOrder.map((s) =>
      s.evidence === 'observed'
        ? {
            evidence: 'observed',
            observedMinutes: Math.max(0, Math.round(s.observedMinutes ?? 0)),
            scheduledMinutes: Math.max(0, Math.round(s.durationMin)),
          }
        : {
            evidence: 'self-reported',
            observedMinutes: null,
            scheduledMinutes: Math.max(0, Math.round(s.durationMin)),
          },
    ),
    eligible: true,
    heldSessions: held.length,
    heldMinutes: held.reduce((sum, s) => sum + Math.max(0, Math.round(s.durationMin)), 0),
    selfReportedSessions: held.length - observed.length,
    observedSessions: observed.length,
    observedMinutes: observed.reduce((sum, s) => sum + Math.max(0, Math.round(s.observedMinutes ?? 0)), 0),
  };
}

/**
 * Whether a completed swap cycle earns `teacher` a credential for the skill they taught: the same
 * evidence as a one-to-one exchange (held sessions) and a rating of at least MIN_EXCHANGE_RATING
 * from the person they taught (given when confirming the session).
 */
export function cycleCredentialEligibility(input: {
  status: string;
  ratingReceived: number | null;
  sessions: ExchangeEvidenceInput['sessions'];
  now: Date;
}): ExchangeEligibility {
  if (input.status !== 'completed') return { eligible: false, reason: 'the group swap is not completed' };
  if (input.ratingReceived === null) return { eligible: false, reason: 'waiting for the learner’s rating' };
  if (input.ratingReceived < MIN_EXCHANGE_RATING)
    return { eligible: false, reason: `a rating is below ${MIN_EXCHANGE_RATING}` };
  return heldSessionEvidence(input.sessions, input.now);
}

// ---------------------------------------------------------------------------------------------
// Sharing

export interface LinkedInCertification {
  name: string;
  organizationName: string;
  issuedAt: Date;
  certUrl: string;
  certId: string;
}

/** LinkedIn's "add to profile" link that pre-fills a licence or certification. */
export function linkedInAddToProfileUrl(c: LinkedInCertification): string {
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: c.name,
    organizationName: c.organizationName,
    issueYear: String(c.issuedAt.getUTCFullYear()),
    issueMonth: String(c.issuedAt.getUTCMonth() + 1),
    certUrl: c.certUrl,
    certId: c.certId,
  });
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}

// ---------------------------------------------------------------------------------------------
// Public documents the verify page reads

/**
 * credentialKeys/{thumbprint}: a public signing key (JWK members), written by functions. `kid` is
 * what JWS headers name it by: its key URL (from issue 19) or the bare thumbprint (older Ed25519).
 */
export interface CredentialKeyDoc {
  kid: string;
  kty: string;
  crv: string;
  x: string;
  /** EC keys only. */
  y?: string;
  /** 'ES256' or 'EdDSA' (older documents may lack it: EdDSA). */
  alg?: string;
  /** The emulator's derived dev-only key. */
  dev: boolean;
}

export interface PublicKeyMember {
  thumbprint: string;
  jwk: { kty: string; crv: string; x: string; y?: string };
}

/**
 * The issuer's did:web document: every published key as a JsonWebKey2020 verification method
 * (`<did>#<thumbprint>`), all usable for assertions, and a service naming the OB 3.0 issuer Profile.
 */
export function buildDidDocument(urls: IssuerUrls, keys: PublicKeyMember[]): Record<string, unknown> {
  const did = issuerDid(urls);
  const methods = keys.map((k) => ({
    id: `${did}#${k.thumbprint}`,
    type: 'JsonWebKey2020',
    controller: did,
    publicKeyJwk: k.jwk,
  }));
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
    authentication: methods.map((m) => m.id),
    service: [
      {
        id: `${did}#open-badges-issuer`,
        type: 'OpenBadgesIssuerProfile',
        serviceEndpoint: issuerProfileUrl(urls),
      },
      { id: `${did}#website`, type: 'LinkedDomains', serviceEndpoint: urls.appUrl },
    ],
  };
}

/** credentialStatusLists/{listId}: the signed revocation list, written by functions. */
export interface StatusListDoc {
  id: string;
  /** The signed BitstringStatusListCredential (VC-JWT). */
  credentialJwt: string;
  encodedList: string;
  updatedAt: Date | null;
}

// ---------------------------------------------------------------------------------------------
// Callables

export const REVOCATION_REASON_MIN = 3;
export const REVOCATION_REASON_MAX = 500;

export interface RevokeCredentialRequest {
  certificateId: string;
  reason: string;
}

export interface RevokeCredentialResponse {
  certificateId: string;
  alreadyRevoked: boolean;
  revokedAt: string;
}

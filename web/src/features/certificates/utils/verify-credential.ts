// Verifies a certificate's Open Badges 3.0 credential in the browser, trusting nothing the
// certificate document says about itself: the VC-JWT's signature (ES256, or EdDSA for credentials
// issued before issue 19) is checked with WebCrypto against the issuer's published key
// (credentialKeys/{thumbprint}, the last segment of the kid URL); the signed claims must describe this
// certificate; and its bit in the signed Bitstring Status List (credentialStatusLists/{listId},
// itself signature-checked) must be clear.
import {
  achievementName,
  base64urlToBytes,
  credentialFromPayload,
  credentialPayloadProblems,
  fromMultibase,
  getStatusBit,
  JWS_ALG,
  LEGACY_JWS_ALG,
  type OpenBadgeCredential,
  parseCompactJws,
  thumbprintFromKid,
} from '@skillverse/domain/credentials';
import type { Certificate } from '@skillverse/domain/models';

export interface PublicKeyJwk {
  kty: string;
  crv: string;
  x: string;
  /** EC (P-256) keys. */
  y?: string;
  dev?: boolean;
}

export interface VerifyLoaders {
  /** The published key with this thumbprint (credentialKeys/{thumbprint}), or null. */
  key: (kid: string) => Promise<PublicKeyJwk | null>;
  /** The signed status list credential (compact JWS) with this id, or null. */
  statusList: (listId: string) => Promise<string | null>;
}

export type Verification =
  | { status: 'verified'; credential: OpenBadgeCredential; jwt: string; devKey: boolean }
  | { status: 'revoked'; credential: OpenBadgeCredential; jwt: string; devKey: boolean }
  /** The signature or the signed claims do not match: tampered, forged or unreadable. */
  | { status: 'invalid'; reason: string }
  /** Not signed yet (the signer runs seconds after issue). */
  | { status: 'unsigned' }
  /**
   * Neither this browser's WebCrypto nor the fallback library could check an Ed25519 signature:
   * not known to be altered, just not checkable here.
   */
  | { status: 'unsupported'; reason: string }
  /** The revocation list could not be checked. */
  | { status: 'status-unknown'; credential: OpenBadgeCredential; jwt: string; reason: string };

/**
 * How an Ed25519 signature is checked: WebCrypto first, else a small library loaded on demand.
 * (ES256, which every browser's WebCrypto has, needs no fallback.)
 */
export interface Ed25519Verifiers {
  webCrypto: (jwk: PublicKeyJwk, signature: Uint8Array, message: Uint8Array) => Promise<boolean>;
  fallback: (publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array) => Promise<boolean>;
}

/** ES256 with WebCrypto: ECDSA P-256 over SHA-256; JWS carries the raw r‖s signature WebCrypto expects. */
async function verifyEs256(jwk: PublicKeyJwk, signature: Uint8Array, message: Uint8Array): Promise<boolean> {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.y || signature.length !== 64) return false;
  const key = await crypto.subtle.importKey(
    'jwk',
    { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y },
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['verify'],
  );
  return crypto.subtle.verify(
    { name: 'ECDSA', hash: 'SHA-256' },
    key,
    signature as Uint8Array<ArrayBuffer>,
    message as Uint8Array<ArrayBuffer>,
  );
}

async function webCryptoVerify(jwk: PublicKeyJwk, signature: Uint8Array, message: Uint8Array) {
  const key = await importEd25519(jwk);
  return crypto.subtle.verify(
    { name: 'Ed25519' },
    key,
    signature as Uint8Array<ArrayBuffer>,
    message as Uint8Array<ArrayBuffer>,
  );
}

/** @noble/ed25519 (pinned, ~5 kB), only fetched when WebCrypto lacks Ed25519 (older Safari, Firefox < 129). */
async function nobleVerify(publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array) {
  const ed = await import('@noble/ed25519');
  return ed.verifyAsync(signature, message, publicKey);
}

export const DEFAULT_VERIFIERS: Ed25519Verifiers = { webCrypto: webCryptoVerify, fallback: nobleVerify };

const UNSUPPORTED =
  'This browser cannot check this kind of signature, so the signature was not checked here.';

/**
 * true/false: the signature checked out or not; 'unsupported' when neither way could run (an error
 * from WebCrypto is "not supported", never "altered").
 */
async function checkEd25519(
  jwk: PublicKeyJwk,
  signature: Uint8Array,
  message: Uint8Array,
  verifiers: Ed25519Verifiers,
): Promise<boolean | 'unsupported'> {
  try {
    return await verifiers.webCrypto(jwk, signature, message);
  } catch {
    // importKey/verify throw NotSupportedError where the browser has no Ed25519.
  }
  try {
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') return false;
    const publicKey = base64urlToBytes(jwk.x);
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    return await verifiers.fallback(publicKey, signature, message);
  } catch {
    return 'unsupported';
  }
}

async function importEd25519(jwk: PublicKeyJwk): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    'jwk',
    { kty: jwk.kty, crv: jwk.crv, x: jwk.x },
    { name: 'Ed25519' },
    false,
    ['verify'],
  );
}

/** Verifies a compact JWS with the key its header names; the payload, or a reason it failed. */
async function verifyJws(
  jwt: string,
  loaders: VerifyLoaders,
  verifiers: Ed25519Verifiers,
): Promise<
  | { ok: true; payload: Record<string, unknown>; devKey: boolean }
  | { ok: false; reason: string; unsupported?: boolean }
> {
  let parsed: ReturnType<typeof parseCompactJws>;
  try {
    parsed = parseCompactJws(jwt);
  } catch {
    return { ok: false, reason: 'The credential is not a readable signed credential.' };
  }
  const alg = parsed.header.alg;
  if (alg !== JWS_ALG && alg !== LEGACY_JWS_ALG)
    return { ok: false, reason: `Unexpected signature algorithm ${alg}.` };
  const thumbprint = parsed.header.kid ? thumbprintFromKid(parsed.header.kid) : '';
  if (!thumbprint) return { ok: false, reason: 'The credential does not name its signing key.' };
  const jwk = await loaders.key(thumbprint);
  if (!jwk) return { ok: false, reason: 'The credential was signed with a key SkillVerse never published.' };
  // The key decides the algorithm: a header claiming another one for this key is a forgery.
  const keyAlg = jwk.kty === 'EC' ? JWS_ALG : LEGACY_JWS_ALG;
  if (alg !== keyAlg)
    return { ok: false, reason: 'The signature does not match the credential: it has been altered.' };
  let valid: boolean | 'unsupported';
  if (alg === JWS_ALG) {
    try {
      valid = await verifyEs256(jwk, parsed.signature, parsed.signingInput);
    } catch {
      valid = 'unsupported';
    }
  } else {
    valid = await checkEd25519(jwk, parsed.signature, parsed.signingInput, verifiers);
  }
  if (valid === 'unsupported') return { ok: false, reason: UNSUPPORTED, unsupported: true };
  if (!valid)
    return { ok: false, reason: 'The signature does not match the credential: it has been altered.' };
  return { ok: true, payload: parsed.payload, devKey: jwk.dev === true };
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Whether the signed claims describe this certificate record (its id, holder and achievement). */
function mismatch(cert: Certificate, credential: OpenBadgeCredential): string | null {
  const expectedPath = `/certificates/${encodeURIComponent(cert.id)}/verify`;
  if (!credential.id.endsWith(expectedPath)) return 'The signed credential belongs to another certificate.';
  if (credential.credentialSubject.name !== cert.userName)
    return 'The holder’s name differs from the signed credential.';
  const kind = cert.kind ?? 'course';
  if (
    credential.credentialSubject.achievement.name !==
    achievementName({ kind, courseTitle: cert.courseTitle, skill: cert.skill })
  )
    return 'The achievement differs from the signed credential.';
  return null;
}

export async function verifyCertificateCredential(
  cert: Certificate,
  loaders: VerifyLoaders,
  verifiers: Ed25519Verifiers = DEFAULT_VERIFIERS,
): Promise<Verification> {
  const jwt = cert.credentialJwt;
  if (!jwt) return { status: 'unsigned' };
  const checked = await verifyJws(jwt, loaders, verifiers);
  if (!checked.ok) {
    return checked.unsupported
      ? { status: 'unsupported', reason: checked.reason }
      : { status: 'invalid', reason: checked.reason };
  }
  const problems = credentialPayloadProblems(checked.payload);
  if (problems.length > 0)
    return { status: 'invalid', reason: `The credential is malformed: ${problems.join('; ')}.` };
  const credential = credentialFromPayload(checked.payload);
  const different = mismatch(cert, credential);
  if (different) return { status: 'invalid', reason: different };

  // Revocation: the bit named by the signed credential, in the signed status list.
  const entry = credential.credentialStatus;
  const listId = decodeURIComponent(entry.statusListCredential.split('/').pop() ?? '');
  const index = Number(entry.statusListIndex);
  const listJwt = listId ? await loaders.statusList(listId) : null;
  if (!listJwt)
    return { status: 'status-unknown', credential, jwt, reason: 'The revocation list is not available.' };
  const list = await verifyJws(listJwt, loaders, verifiers);
  if (!list.ok)
    return {
      status: 'status-unknown',
      credential,
      jwt,
      reason: `The revocation list failed its check: ${list.reason}`,
    };
  if (list.payload.id !== entry.statusListCredential)
    return {
      status: 'status-unknown',
      credential,
      jwt,
      reason: 'The revocation list is not the one the credential names.',
    };
  try {
    const subject = list.payload.credentialSubject as { encodedList?: unknown } | undefined;
    if (typeof subject?.encodedList !== 'string') throw new Error('no encodedList');
    const bits = await gunzip(fromMultibase(subject.encodedList));
    const revoked = getStatusBit(bits, index);
    return { status: revoked ? 'revoked' : 'verified', credential, jwt, devKey: checked.devKey };
  } catch {
    return { status: 'status-unknown', credential, jwt, reason: 'The revocation list could not be read.' };
  }
}

// The Ed25519 key that signs credentials and the status list. In production it is the secret
// CREDENTIAL_SIGNING_KEY (a PKCS#8 PEM from `openssl genpkey -algorithm ed25519`, or the raw
// 32-byte seed in base64url). Without the secret, and only in the Functions emulator or the seed
// script (both talk to emulators only), a DEV-ONLY key is derived from the project id: anyone who
// reads this file can compute it, so credentials it signs prove nothing outside a local stack —
// which is why deployed functions refuse to sign without the secret instead of falling back.
import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign } from 'node:crypto';
import { jwsSigningInput, type JwsHeader, JWS_ALG } from '@skillverse/domain/credentials';
import { HttpsError } from 'firebase-functions/v2/https';

export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
}

export interface SigningKey {
  privateKey: KeyObject;
  publicJwk: PublicJwk;
  /** RFC 7638 JWK thumbprint of the public key; the `kid` of every JWS it signs. */
  kid: string;
  /** true for the derived emulator-only key. */
  dev: boolean;
}

/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function fromSeed(seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new Error('An Ed25519 seed is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function jwkThumbprint(jwk: PublicJwk): string {
  // RFC 7638: the required members in lexicographic order, no whitespace.
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return createHash('sha256').update(canonical).digest('base64url');
}

export function keyFromPrivateKey(privateKey: KeyObject, dev: boolean): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error('CREDENTIAL_SIGNING_KEY must be an Ed25519 key');
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as { x?: string };
  if (!jwk.x) throw new Error('Could not export the public key');
  const publicJwk: PublicJwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
  return { privateKey, publicJwk, kid: jwkThumbprint(publicJwk), dev };
}

/** Parses the secret's value: PKCS#8 PEM or a base64url 32-byte seed. */
export function parseSigningKey(secret: string): SigningKey {
  const value = secret.trim();
  const privateKey = value.startsWith('-----BEGIN')
    ? createPrivateKey(value)
    : fromSeed(Buffer.from(value, 'base64url'));
  return keyFromPrivateKey(privateKey, false);
}

/** DEV ONLY: the key the emulator and the seed use when no secret is set. Never trusted. */
export function devSigningKey(projectId: string): SigningKey {
  const seed = createHash('sha256').update(`skillverse-dev-only-credential-key:${projectId}`).digest();
  return keyFromPrivateKey(fromSeed(seed), true);
}

export const isEmulator = () => process.env.FUNCTIONS_EMULATOR === 'true';

export function projectIdFromEnv(): string {
  return process.env.GCLOUD_PROJECT || process.env.GCP_PROJECT || 'demo-skillverse';
}

/**
 * The key to sign with: the secret's value when set; the dev key in the emulator; otherwise a
 * failed-precondition error (a deployment without the secret signs nothing).
 */
export function resolveSigningKey(
  secretValue: string,
  env = { emulator: isEmulator(), projectId: projectIdFromEnv() },
): SigningKey {
  if (secretValue.trim()) return parseSigningKey(secretValue);
  if (env.emulator) return devSigningKey(env.projectId);
  throw new HttpsError(
    'failed-precondition',
    'Credentials cannot be signed: set the CREDENTIAL_SIGNING_KEY secret (README, Deploy).',
  );
}

/** A compact JWS (EdDSA) over `payload`. */
export function signCompactJws(payload: unknown, key: SigningKey, typ = 'JWT'): string {
  const header: JwsHeader = { alg: JWS_ALG, typ, kid: key.kid };
  const input = jwsSigningInput(header, payload);
  const signature = sign(null, Buffer.from(input, 'utf8'), key.privateKey);
  return `${input}.${signature.toString('base64url')}`;
}

// The key that signs credentials and the status list: P-256, ES256 (issue 19; Ed25519 keys from
// before still parse and sign EdDSA until rotated). In production it is the secret
// CREDENTIAL_SIGNING_KEY (a PKCS#8 PEM from `openssl genpkey -algorithm EC -pkeyopt
// ec_paramgen_curve:P-256`). Without the secret, and only in the Functions emulator or the seed
// script (both talk to emulators only), a DEV-ONLY key is derived from the project id: anyone who
// reads this file can compute it, so credentials it signs prove nothing outside a local stack —
// which is why deployed functions refuse to sign without the secret instead of falling back.
import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign } from 'node:crypto';
import {
  type IssuerUrls,
  JWS_ALG,
  type JwsHeader,
  jwsSigningInput,
  keyUrl,
  LEGACY_JWS_ALG,
} from '@skillverse/domain/credentials';
import { HttpsError } from 'firebase-functions/v2/https';

export type PublicJwk =
  | { kty: 'EC'; crv: 'P-256'; x: string; y: string }
  | { kty: 'OKP'; crv: 'Ed25519'; x: string };

export interface SigningKey {
  privateKey: KeyObject;
  publicJwk: PublicJwk;
  /** 'ES256' (P-256, every new key) or 'EdDSA' (an Ed25519 key from before issue 19). */
  alg: typeof JWS_ALG | typeof LEGACY_JWS_ALG;
  /** RFC 7638 JWK thumbprint of the public key: its credentialKeys id and the last segment of its kid URL. */
  thumbprint: string;
  /** true for the derived emulator-only key. */
  dev: boolean;
}

/** The JWS `kid` of this key: its dereferenceable key URL. */
export const kidOf = (key: SigningKey, urls: IssuerUrls) => keyUrl(urls, key.thumbprint);

/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
/** PKCS#8 DER prefix of a P-256 private key without its public point; the 32-byte scalar follows. */
const PKCS8_P256_PREFIX = Buffer.from(
  '308141020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420',
  'hex',
);

function fromSeed(seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new Error('An Ed25519 seed is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function jwkThumbprint(jwk: PublicJwk): string {
  // RFC 7638: the required members in lexicographic order, no whitespace.
  const canonical =
    jwk.kty === 'EC'
      ? JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })
      : JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return createHash('sha256').update(canonical).digest('base64url');
}

export function keyFromPrivateKey(privateKey: KeyObject, dev: boolean): SigningKey {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as {
    x?: string;
    y?: string;
    crv?: string;
  };
  if (!jwk.x) throw new Error('Could not export the public key');
  let publicJwk: PublicJwk;
  let alg: SigningKey['alg'];
  if (privateKey.asymmetricKeyType === 'ec' && jwk.crv === 'P-256' && jwk.y) {
    publicJwk = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
    alg = JWS_ALG;
  } else if (privateKey.asymmetricKeyType === 'ed25519') {
    publicJwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
    alg = LEGACY_JWS_ALG;
  } else {
    throw new Error('CREDENTIAL_SIGNING_KEY must be a P-256 (ES256) key, or an older Ed25519 key');
  }
  return { privateKey, publicJwk, alg, thumbprint: jwkThumbprint(publicJwk), dev };
}

/**
 * Parses the secret's value: a PKCS#8 PEM — P-256 (`openssl genpkey -algorithm EC -pkeyopt
 * ec_paramgen_curve:P-256`, signs ES256) or, from before issue 19, Ed25519 — or a base64url
 * 32-byte Ed25519 seed (older deployments).
 */
export function parseSigningKey(secret: string): SigningKey {
  const value = secret.trim();
  const privateKey = value.startsWith('-----BEGIN')
    ? createPrivateKey(value)
    : fromSeed(Buffer.from(value, 'base64url'));
  return keyFromPrivateKey(privateKey, false);
}

/** DEV ONLY: the P-256 key the emulator and the seed use when no secret is set. Never trusted. */
export function devSigningKey(projectId: string): SigningKey {
  // A SHA-256 output is below the P-256 group order but for a negligible fraction of inputs.
  const scalar = createHash('sha256').update(`skillverse-dev-only-credential-key-p256:${projectId}`).digest();
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_P256_PREFIX, scalar]),
    format: 'der',
    type: 'pkcs8',
  });
  return keyFromPrivateKey(privateKey, true);
}

/** DEV ONLY: the Ed25519 key the emulator signed with before issue 19 (tests of old credentials). */
export function legacyDevSigningKey(projectId: string): SigningKey {
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

/**
 * A compact JWS over `payload` with the key's algorithm (ES256: SHA-256 and the raw r‖s signature
 * JWS asks for), naming the key by `kid` (its key URL).
 */
export function signCompactJws(payload: unknown, key: SigningKey, kid: string, typ = 'JWT'): string {
  const header: JwsHeader = { alg: key.alg, typ, kid };
  const input = Buffer.from(jwsSigningInput(header, payload), 'utf8');
  const signature =
    key.alg === JWS_ALG
      ? sign('sha256', input, { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
      : sign(null, input, key.privateKey);
  return `${input.toString('utf8')}.${signature.toString('base64url')}`;
}

// The verify page's checker, fed credentials signed here with WebCrypto (not the functions'
// signer): valid, tampered, revoked, forged key, record mismatch, unsigned, list unavailable.
import {
  base64urlToBytes,
  bytesToBase64url,
  buildOpenBadgeCredential,
  buildStatusListCredential,
  credentialJwtPayload,
  emptyStatusList,
  jsonToBase64url,
  setStatusBit,
  statusListJwtPayload,
  toMultibase,
} from '@skillverse/domain/credentials';
import type { Certificate } from '@skillverse/domain/models';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VERIFIERS,
  type Ed25519Verifiers,
  type PublicKeyJwk,
  type VerifyLoaders,
  verifyCertificateCredential,
} from './verify-credential';

const urls = { appUrl: 'https://app.example', badgesUrl: 'https://app.example/openBadges' };
const b64 = jsonToBase64url;

interface TestKey {
  kid: string;
  alg: 'EdDSA' | 'ES256';
  privateKey: CryptoKey;
  jwk: PublicKeyJwk;
}

/** An Ed25519 key (credentials from before issue 19: a bare-thumbprint kid). */
async function keyPair(name: string): Promise<TestKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const jwk = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as PublicKeyJwk;
  const kid = `${name}-thumbprint-0000000000`;
  return { kid, alg: 'EdDSA', privateKey: pair.privateKey, jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x } };
}

/** A P-256 key (ES256, from issue 19): its kid is a key URL. */
async function es256KeyPair(name: string): Promise<TestKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const jwk = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as PublicKeyJwk;
  return {
    kid: `${urls.badgesUrl}/keys/${name}-thumbprint-0000000000`,
    alg: 'ES256',
    privateKey: pair.privateKey,
    jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y },
  };
}

async function jws(
  payload: unknown,
  key: { kid: string; privateKey: CryptoKey; alg?: string },
  alg = key.alg,
) {
  const input = `${b64({ alg: alg ?? 'EdDSA', typ: 'JWT', kid: key.kid })}.${b64(payload)}`;
  const params =
    key.privateKey.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'Ed25519' };
  const signature = await crypto.subtle.sign(params, key.privateKey, new TextEncoder().encode(input));
  return `${input}.${bytesToBase64url(new Uint8Array(signature))}`;
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const decodePayload = (part: string) =>
  JSON.parse(new TextDecoder().decode(base64urlToBytes(part))) as {
    credentialSubject: { name: string };
  };

const issuer = await keyPair('issuer-key');
const cert: Certificate = {
  id: 'Cert_123',
  uid: 'u1',
  userName: 'Lea Learner',
  courseId: 'c1',
  courseTitle: 'Intro to Python',
  instructorName: 'Ina',
  issuedAt: new Date('2026-03-04T05:06:07Z'),
  kind: 'course',
};

async function setup(options: { revokedIndex?: number; index?: number } = {}) {
  const index = options.index ?? 5;
  const credential = buildOpenBadgeCredential(
    { ...cert, certificateId: cert.id, kind: 'course' },
    index,
    urls,
  );
  let bits = emptyStatusList();
  if (options.revokedIndex !== undefined) bits = setStatusBit(bits, options.revokedIndex);
  const list = buildStatusListCredential(urls, toMultibase(await gzip(bits)), new Date());
  const listJwt = await jws(statusListJwtPayload(list), issuer);
  const loaders: VerifyLoaders = {
    key: async (kid) => (kid === issuer.kid ? issuer.jwk : null),
    statusList: async (id) => (id === 'revocation-1' ? listJwt : null),
  };
  const jwt = await jws(credentialJwtPayload(credential), issuer);
  return { credential, jwt, loaders };
}

describe('verifyCertificateCredential', () => {
  it('verifies a valid, unrevoked credential and returns the signed credential', async () => {
    const { jwt, loaders, credential } = await setup();
    const result = await verifyCertificateCredential({ ...cert, credentialJwt: jwt }, loaders);
    expect(result).toEqual({ status: 'verified', credential, jwt, devKey: false });
  });

  it('reports a tampered credential (payload changed, signature kept) as invalid', async () => {
    const { jwt, loaders } = await setup();
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const payload = decodePayload(p);
    payload.credentialSubject.name = 'Mallory';
    const tampered = `${h}.${b64(payload)}.${s}`;
    const result = await verifyCertificateCredential(
      { ...cert, userName: 'Mallory', credentialJwt: tampered },
      loaders,
    );
    expect(result).toMatchObject({ status: 'invalid', reason: expect.stringContaining('altered') });
  });

  it('reports a credential signed with an unpublished key as invalid', async () => {
    const { credential, loaders } = await setup();
    const forged = await jws(credentialJwtPayload(credential), await keyPair('issuer-key-2'));
    expect(await verifyCertificateCredential({ ...cert, credentialJwt: forged }, loaders)).toMatchObject({
      status: 'invalid',
      reason: expect.stringContaining('never published'),
    });
    // Same kid as the issuer, different key: the signature fails.
    const sameKid = await jws(credentialJwtPayload(credential), { ...(await keyPair('x')), kid: issuer.kid });
    expect(await verifyCertificateCredential({ ...cert, credentialJwt: sameKid }, loaders)).toMatchObject({
      status: 'invalid',
    });
  });

  it('reports a record whose fields differ from the signed credential as invalid', async () => {
    const { jwt, loaders } = await setup();
    expect(
      await verifyCertificateCredential({ ...cert, userName: 'Someone Else', credentialJwt: jwt }, loaders),
    ).toMatchObject({
      status: 'invalid',
      reason: expect.stringContaining('name'),
    });
    expect(
      await verifyCertificateCredential({ ...cert, id: 'Other', credentialJwt: jwt }, loaders),
    ).toMatchObject({
      status: 'invalid',
      reason: expect.stringContaining('another certificate'),
    });
  });

  it('reports a revoked credential when its bit is set in the signed list', async () => {
    const { jwt, loaders } = await setup({ index: 5, revokedIndex: 5 });
    expect(await verifyCertificateCredential({ ...cert, credentialJwt: jwt }, loaders)).toMatchObject({
      status: 'revoked',
    });
    const other = await setup({ index: 5, revokedIndex: 6 });
    expect(
      await verifyCertificateCredential({ ...cert, credentialJwt: other.jwt }, other.loaders),
    ).toMatchObject({
      status: 'verified',
    });
  });

  it('does not trust a status list that fails its own signature check', async () => {
    const { jwt, loaders } = await setup();
    const intruder = await keyPair('intruder');
    const list = buildStatusListCredential(urls, toMultibase(await gzip(emptyStatusList())), new Date());
    const forgedList = await jws(statusListJwtPayload(list), { ...intruder, kid: issuer.kid });
    const bad: VerifyLoaders = { ...loaders, statusList: async () => forgedList };
    expect(await verifyCertificateCredential({ ...cert, credentialJwt: jwt }, bad)).toMatchObject({
      status: 'status-unknown',
    });
    const missing: VerifyLoaders = { ...loaders, statusList: async () => null };
    expect(await verifyCertificateCredential({ ...cert, credentialJwt: jwt }, missing)).toMatchObject({
      status: 'status-unknown',
    });
  });

  it('says a certificate without a credential is still being signed, and garbage is invalid', async () => {
    const { loaders } = await setup();
    expect(await verifyCertificateCredential({ ...cert, credentialJwt: null }, loaders)).toEqual({
      status: 'unsigned',
    });
    expect(await verifyCertificateCredential({ ...cert, credentialJwt: 'not-a-jwt' }, loaders)).toMatchObject(
      {
        status: 'invalid',
      },
    );
  });
});

describe('a browser without Ed25519 in WebCrypto', () => {
  const noWebCrypto = async () => {
    throw new DOMException('Unrecognized name.', 'NotSupportedError');
  };

  it('checks the signature with the small library fallback instead (valid and altered alike)', async () => {
    const { jwt, loaders } = await setup();
    const verifiers: Ed25519Verifiers = { ...DEFAULT_VERIFIERS, webCrypto: noWebCrypto };
    expect(
      (await verifyCertificateCredential({ ...cert, credentialJwt: jwt }, loaders, verifiers)).status,
    ).toBe('verified');
    const [h, p, sig] = jwt.split('.') as [string, string, string];
    const payload = decodePayload(p);
    payload.credentialSubject.name = 'Mallory';
    const tampered = `${h}.${jsonToBase64url(payload)}.${sig}`;
    expect(
      await verifyCertificateCredential({ ...cert, credentialJwt: tampered }, loaders, verifiers),
    ).toMatchObject({ status: 'invalid', reason: expect.stringContaining('altered') });
  });

  it('says it cannot check — not "altered" — when no way to check Ed25519 is available', async () => {
    const { jwt, loaders } = await setup();
    const verifiers: Ed25519Verifiers = {
      webCrypto: noWebCrypto,
      fallback: async () => {
        throw new TypeError('Failed to fetch dynamically imported module');
      },
    };
    expect(await verifyCertificateCredential({ ...cert, credentialJwt: jwt }, loaders, verifiers)).toEqual({
      status: 'unsupported',
      reason: expect.stringContaining('cannot check'),
    });
  });
});

describe('ES256 credentials (issue 19): kid is a key URL', async () => {
  const es = await es256KeyPair('es-issuer');
  const thumbprint = 'es-issuer-thumbprint-0000000000';

  async function esSetup(revokedIndex?: number) {
    const credential = buildOpenBadgeCredential({ ...cert, certificateId: cert.id, kind: 'course' }, 5, urls);
    let bits = emptyStatusList();
    if (revokedIndex !== undefined) bits = setStatusBit(bits, revokedIndex);
    const list = buildStatusListCredential(urls, toMultibase(await gzip(bits)), new Date());
    const listJwt = await jws(statusListJwtPayload(list), es);
    const loaders: VerifyLoaders = {
      key: async (t) => (t === thumbprint ? es.jwk : t === issuer.kid ? issuer.jwk : null),
      statusList: async () => listJwt,
    };
    return { credential, jwt: await jws(credentialJwtPayload(credential), es), loaders };
  }

  it('verifies an ES256 credential, looking the key up by the thumbprint its kid URL ends in', async () => {
    const { jwt, loaders, credential } = await esSetup();
    expect(await verifyCertificateCredential({ ...cert, credentialJwt: jwt }, loaders)).toEqual({
      status: 'verified',
      credential,
      jwt,
      devKey: false,
    });
    expect(
      (
        await verifyCertificateCredential(
          { ...cert, credentialJwt: (await esSetup(5)).jwt },
          (
            await esSetup(5)
          ).loaders,
        )
      ).status,
    ).toBe('revoked');
  });

  it('rejects an altered ES256 credential and a header that claims another algorithm for the key', async () => {
    const { jwt, loaders, credential } = await esSetup();
    const [h, p, sig] = jwt.split('.') as [string, string, string];
    const payload = decodePayload(p);
    payload.credentialSubject.name = 'Mallory';
    expect(
      await verifyCertificateCredential({ ...cert, credentialJwt: `${h}.${b64(payload)}.${sig}` }, loaders),
    ).toMatchObject({ status: 'invalid', reason: expect.stringContaining('altered') });
    const confused = await jws(credentialJwtPayload(credential), es, 'EdDSA');
    expect(await verifyCertificateCredential({ ...cert, credentialJwt: confused }, loaders)).toMatchObject({
      status: 'invalid',
    });
    const none = await jws(credentialJwtPayload(credential), es, 'none');
    expect(await verifyCertificateCredential({ ...cert, credentialJwt: none }, loaders)).toMatchObject({
      status: 'invalid',
      reason: expect.stringContaining('algorithm'),
    });
  });
});

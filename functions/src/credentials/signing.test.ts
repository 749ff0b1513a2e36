// Credential signing, checked by implementations that share no code with the signer: the `jose`
// library (JWS parsing, base64url and ES256/EdDSA verification of its own), and WebCrypto.
import { generateKeyPairSync, webcrypto } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import {
  buildOpenBadgeCredential,
  type CredentialSource,
  credentialJwtPayload,
  emailIdentityHash,
  emptyStatusList,
  fromMultibase,
  getStatusBit,
  setStatusBit,
} from '@skillverse/domain/credentials';
import { calculateJwkThumbprint, compactVerify, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  devSigningKey,
  kidOf,
  legacyDevSigningKey,
  parseSigningKey,
  resolveSigningKey,
  type SigningKey,
  signCompactJws,
} from './signing-key';
import { credentialSource, recipientHash, statusListFields } from './sign-certificate';

const urls = { appUrl: 'https://app.example', badgesUrl: 'https://app.example/openBadges' };
const source: CredentialSource = {
  certificateId: 'AbCdEf0123456789',
  kind: 'course',
  uid: 'u1',
  userName: 'Lea Learner',
  issuedAt: new Date('2026-03-04T05:06:07.000Z'),
  courseId: 'c1',
  courseTitle: 'Intro to Python',
  instructorName: 'Ina Instructor',
};

function freshKey(): SigningKey {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return parseSigningKey(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
}

function signedCredential(key: SigningKey) {
  const credential = buildOpenBadgeCredential(source, 7, urls);
  return { credential, jwt: signCompactJws(credentialJwtPayload(credential), key, kidOf(key, urls)) };
}

/** Replaces the payload of a compact JWS, keeping header and signature: a tampered credential. */
function tamper(jwt: string, change: (payload: Record<string, unknown>) => void): string {
  const [h, p, s] = jwt.split('.') as [string, string, string];
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
  change(payload);
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
}

const ecdsa = { name: 'ECDSA', namedCurve: 'P-256' } as const;

describe('credential signing (verified independently)', () => {
  it('signs an ES256 VC-JWT that jose verifies with the published public key, issuer the did:web', async () => {
    const key = freshKey();
    const { credential, jwt } = signedCredential(key);
    const publicKey = await importJWK({ ...key.publicJwk }, 'ES256');
    const { payload, protectedHeader } = await jwtVerify(jwt, publicKey, {
      algorithms: ['ES256'],
      issuer: 'did:web:app.example',
      subject: 'https://app.example/u/u1',
    });
    expect(protectedHeader).toEqual({
      alg: 'ES256',
      typ: 'JWT',
      kid: `https://app.example/openBadges/keys/${key.thumbprint}`,
    });
    expect(payload.jti).toBeUndefined();
    expect(payload.nbf).toBe(Date.parse('2026-03-04T05:06:07.000Z') / 1000);
    const { iss: _i, sub: _s, nbf: _n, ...rest } = payload;
    expect(rest).toEqual(credential);
  });

  it('names the key by a URL ending in the RFC 7638 thumbprint of the public key', async () => {
    const key = freshKey();
    expect(key.thumbprint).toBe(await calculateJwkThumbprint(key.publicJwk, 'sha256'));
    expect(decodeProtectedHeader(signedCredential(key).jwt).kid).toBe(
      `${urls.badgesUrl}/keys/${key.thumbprint}`,
    );
  });

  it('verifies with WebCrypto ECDSA P-256 over the exact signing input', async () => {
    const key = freshKey();
    const { jwt } = signedCredential(key);
    const publicKey = await webcrypto.subtle.importKey('jwk', key.publicJwk, ecdsa, false, ['verify']);
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const ok = await webcrypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      publicKey,
      Buffer.from(s, 'base64url'),
      Buffer.from(`${h}.${p}`, 'ascii'),
    );
    expect(ok).toBe(true);
  });

  it('rejects a tampered credential (a changed name) with jose and with WebCrypto', async () => {
    const key = freshKey();
    const forged = tamper(signedCredential(key).jwt, (payload) => {
      (payload.credentialSubject as { name: string }).name = 'Mallory';
    });
    const publicKey = await importJWK({ ...key.publicJwk }, 'ES256');
    await expect(compactVerify(forged, publicKey)).rejects.toThrow('signature verification failed');
    const [h, p, s] = forged.split('.') as [string, string, string];
    const webKey = await webcrypto.subtle.importKey('jwk', key.publicJwk, ecdsa, false, ['verify']);
    expect(
      await webcrypto.subtle.verify(
        { name: 'ECDSA', hash: 'SHA-256' },
        webKey,
        Buffer.from(s, 'base64url'),
        Buffer.from(`${h}.${p}`),
      ),
    ).toBe(false);
  });

  it('rejects a credential signed with another key (a forger’s own key)', async () => {
    const { jwt } = signedCredential(freshKey());
    const issuerKey = await importJWK({ ...freshKey().publicJwk }, 'ES256');
    await expect(compactVerify(jwt, issuerKey)).rejects.toThrow('signature verification failed');
  });

  it('still signs EdDSA with an Ed25519 key from before issue 19 (until it is rotated)', async () => {
    const key = legacyDevSigningKey('demo-x');
    expect(key.alg).toBe('EdDSA');
    const { jwt } = signedCredential(key);
    const { protectedHeader } = await jwtVerify(jwt, await importJWK({ ...key.publicJwk }, 'EdDSA'));
    expect(protectedHeader.alg).toBe('EdDSA');
  });

  it('signs the status list credential; its encoded list gunzips to the bits', async () => {
    const key = freshKey();
    const bits = setStatusBit(emptyStatusList(), 7);
    const fields = statusListFields({ key, urls, now: new Date('2026-05-01T00:00:00Z') }, bits);
    const { payload } = await jwtVerify(fields.credentialJwt, await importJWK({ ...key.publicJwk }, 'ES256'));
    const subject = payload.credentialSubject as { encodedList: string; statusPurpose: string };
    expect(subject.encodedList).toBe(fields.encodedList);
    expect(subject.statusPurpose).toBe('revocation');
    expect(payload.jti).toBeUndefined();
    const decoded = new Uint8Array(gunzipSync(fromMultibase(subject.encodedList)));
    expect(decoded.length).toBe(16_384);
    expect(getStatusBit(decoded, 7)).toBe(true);
    expect(getStatusBit(decoded, 6)).toBe(false);
  });

  it('hashes the recipient email with a fresh salt per credential (OB 3.0 IdentityObject)', () => {
    const a = recipientHash('Lea@Example.com');
    const b = recipientHash('lea@example.com');
    expect(a.salt).not.toBe(b.salt);
    expect(a.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(a.identityHash).toBe(emailIdentityHash('lea@example.com', a.salt));
    const credential = buildOpenBadgeCredential({ ...source, recipient: a }, 1, urls);
    expect(credential.credentialSubject.identifier).toEqual([
      {
        type: 'IdentityObject',
        hashed: true,
        identityHash: a.identityHash,
        identityType: 'emailAddress',
        salt: a.salt,
      },
    ]);
  });
});

describe('signing key', () => {
  it('accepts a P-256 PKCS#8 PEM (ES256)', () => {
    const key = freshKey();
    expect(key.alg).toBe('ES256');
    expect(key.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(key.dev).toBe(false);
  });

  it('still accepts an older Ed25519 PEM and the same key as a base64url seed (EdDSA)', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    const seed = der.subarray(der.length - 32).toString('base64url');
    expect(parseSigningKey(seed).thumbprint).toBe(parseSigningKey(pem).thumbprint);
    expect(parseSigningKey(pem).alg).toBe('EdDSA');
  });

  it('refuses a key that is neither P-256 nor Ed25519', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    expect(() => parseSigningKey(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString())).toThrow(
      'P-256',
    );
  });

  it('derives a stable dev-only P-256 key in the emulator, and refuses to sign without the secret elsewhere', () => {
    const dev = resolveSigningKey('', { emulator: true, projectId: 'demo-x' });
    expect(dev.dev).toBe(true);
    expect(dev.alg).toBe('ES256');
    expect(dev.thumbprint).toBe(devSigningKey('demo-x').thumbprint);
    expect(dev.thumbprint).not.toBe(devSigningKey('demo-y').thumbprint);
    expect(() => resolveSigningKey('', { emulator: false, projectId: 'prod' })).toThrow(
      'CREDENTIAL_SIGNING_KEY',
    );
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const real = resolveSigningKey(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), {
      emulator: true,
      projectId: 'demo-x',
    });
    expect(real.dev).toBe(false);
  });
});

describe('credentialSource', () => {
  it('treats certificates issued before credentials existed as course certificates', () => {
    const src = credentialSource(
      'id1',
      {
        uid: 'u',
        userName: 'N',
        courseId: 'c',
        courseTitle: 'T',
        instructorName: 'I',
        issuedAt: new Date(0),
      },
      new Date(),
    );
    expect(src).toMatchObject({ kind: 'course', courseTitle: 'T', issuedAt: new Date(0) });
  });

  it('reads an exchange certificate’s skill and evidence', () => {
    const src = credentialSource(
      'id2',
      {
        kind: 'exchange',
        uid: 'u',
        userName: 'N',
        skill: 'Guitar',
        exchangeId: 'ex',
        evidence: { heldSessions: 2, heldMinutes: 90, ratingReceived: 5, ratingGiven: 4, completedAt: null },
      },
      new Date(),
    );
    expect(src).toMatchObject({
      kind: 'exchange',
      skill: 'Guitar',
      courseTitle: 'Guitar',
      evidence: { heldSessions: 2 },
    });
  });
});

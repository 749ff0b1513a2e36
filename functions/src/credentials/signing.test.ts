// Credential signing, checked by implementations that share no code with the signer: the `jose`
// library (JWS parsing, base64url and EdDSA verification of its own), and WebCrypto's Ed25519.
import { generateKeyPairSync, webcrypto } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import {
  buildOpenBadgeCredential,
  type CredentialSource,
  credentialJwtPayload,
  emptyStatusList,
  fromMultibase,
  getStatusBit,
  setStatusBit,
} from '@skillverse/domain/credentials';
import { calculateJwkThumbprint, compactVerify, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  devSigningKey,
  parseSigningKey,
  resolveSigningKey,
  type SigningKey,
  signCompactJws,
} from './signing-key';
import { credentialSource, statusListFields } from './sign-certificate';

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
  const { privateKey } = generateKeyPairSync('ed25519');
  return parseSigningKey(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
}

function signedCredential(key: SigningKey) {
  const credential = buildOpenBadgeCredential(source, 7, urls);
  return { credential, jwt: signCompactJws(credentialJwtPayload(credential), key) };
}

/** Replaces the payload of a compact JWS, keeping header and signature: a tampered credential. */
function tamper(jwt: string, change: (payload: Record<string, unknown>) => void): string {
  const [h, p, s] = jwt.split('.') as [string, string, string];
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
  change(payload);
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
}

describe('credential signing (verified independently)', () => {
  it('signs a VC-JWT that jose verifies with the published public key, with the OB 3.0 claims', async () => {
    const key = freshKey();
    const { credential, jwt } = signedCredential(key);
    const publicKey = await importJWK({ ...key.publicJwk }, 'EdDSA');
    const { payload, protectedHeader } = await jwtVerify(jwt, publicKey, {
      algorithms: ['EdDSA'],
      issuer: 'https://app.example/openBadges/issuer',
      subject: 'https://app.example/u/u1',
    });
    expect(protectedHeader).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: key.kid });
    expect(payload.jti).toBe(credential.id);
    expect(payload.nbf).toBe(Date.parse('2026-03-04T05:06:07.000Z') / 1000);
    const { iss: _i, jti: _j, sub: _s, nbf: _n, ...rest } = payload;
    expect(rest).toEqual(credential);
  });

  it('uses the RFC 7638 thumbprint of the public key as kid', async () => {
    const key = freshKey();
    expect(key.kid).toBe(await calculateJwkThumbprint(key.publicJwk, 'sha256'));
    expect(decodeProtectedHeader(signedCredential(key).jwt).kid).toBe(key.kid);
  });

  it('verifies with WebCrypto Ed25519 over the exact signing input', async () => {
    const key = freshKey();
    const { jwt } = signedCredential(key);
    const publicKey = await webcrypto.subtle.importKey('jwk', key.publicJwk, { name: 'Ed25519' }, false, [
      'verify',
    ]);
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const ok = await webcrypto.subtle.verify(
      'Ed25519',
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
    const publicKey = await importJWK({ ...key.publicJwk }, 'EdDSA');
    await expect(compactVerify(forged, publicKey)).rejects.toThrow('signature verification failed');
    const [h, p, s] = forged.split('.') as [string, string, string];
    const webKey = await webcrypto.subtle.importKey('jwk', key.publicJwk, { name: 'Ed25519' }, false, [
      'verify',
    ]);
    expect(
      await webcrypto.subtle.verify('Ed25519', webKey, Buffer.from(s, 'base64url'), Buffer.from(`${h}.${p}`)),
    ).toBe(false);
  });

  it('rejects a credential signed with another key (a forger’s own key)', async () => {
    const { jwt } = signedCredential(freshKey());
    const issuerKey = await importJWK({ ...freshKey().publicJwk }, 'EdDSA');
    await expect(compactVerify(jwt, issuerKey)).rejects.toThrow('signature verification failed');
  });

  it('signs the status list credential; its encoded list gunzips to the bits', async () => {
    const key = freshKey();
    const bits = setStatusBit(emptyStatusList(), 7);
    const fields = statusListFields({ key, urls, now: new Date('2026-05-01T00:00:00Z') }, bits);
    const { payload } = await jwtVerify(fields.credentialJwt, await importJWK({ ...key.publicJwk }, 'EdDSA'));
    const subject = payload.credentialSubject as { encodedList: string; statusPurpose: string };
    expect(subject.encodedList).toBe(fields.encodedList);
    expect(subject.statusPurpose).toBe('revocation');
    const decoded = new Uint8Array(gunzipSync(fromMultibase(subject.encodedList)));
    expect(decoded.length).toBe(16_384);
    expect(getStatusBit(decoded, 7)).toBe(true);
    expect(getStatusBit(decoded, 6)).toBe(false);
  });
});

describe('signing key', () => {
  it('accepts a PKCS#8 PEM and the same key as a base64url seed', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    const seed = der.subarray(der.length - 32).toString('base64url');
    expect(parseSigningKey(seed).kid).toBe(parseSigningKey(pem).kid);
    expect(parseSigningKey(pem).dev).toBe(false);
  });

  it('refuses a key that is not Ed25519', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => parseSigningKey(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString())).toThrow(
      'Ed25519',
    );
  });

  it('derives a stable dev-only key in the emulator, and refuses to sign without the secret elsewhere', () => {
    const dev = resolveSigningKey('', { emulator: true, projectId: 'demo-x' });
    expect(dev.dev).toBe(true);
    expect(dev.kid).toBe(devSigningKey('demo-x').kid);
    expect(dev.kid).not.toBe(devSigningKey('demo-y').kid);
    expect(() => resolveSigningKey('', { emulator: false, projectId: 'prod' })).toThrow(
      'CREDENTIAL_SIGNING_KEY',
    );
    const { privateKey } = generateKeyPairSync('ed25519');
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

// Credentials an outside verifier trusts (issue 19): the recipient identifier (a salted hash of the
// holder's email) binds a badge to an email address, so it must only ever name an address the
// platform saw verified — never one a client typed. And a client cannot publish a key of its own
// (every key in credentialKeys is trusted by /jwks, the kid URLs and the did:web document) nor
// swap the signed credential on its certificate.
import { emailIdentityHash, type OpenBadgeCredential, parseCompactJws } from '@skillverse/domain/credentials';
import { doc, setDoc, updateDoc } from 'firebase/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { issuerUrls, signCertificate } from '../../../functions/src/credentials/sign-certificate';
import { devSigningKey } from '../../../functions/src/credentials/signing-key';
import { projectId } from '../../../functions/test/emulator';
import {
  type Attacker,
  closeAttackers,
  emulatorsRunning,
  newAttacker,
  testDb,
  uniqueId,
  verifyEmail,
} from './support';

const certificates: string[] = [];

afterAll(async () => {
  await closeAttackers();
  await Promise.all(certificates.map((id) => testDb().doc(`certificates/${id}`).delete()));
});

/** A certificate for `who`, written as completion writes it, then signed by the signer's code path. */
async function signedCredentialOf(who: Attacker): Promise<{ id: string; credential: OpenBadgeCredential }> {
  const id = uniqueId('idcert');
  certificates.push(id);
  await testDb().doc(`certificates/${id}`).set({
    uid: who.uid,
    userName: 'Holder',
    courseId: 'identity-course',
    courseTitle: 'Identity 101',
    instructorName: 'Ina',
    issuedAt: new Date(),
  });
  // The trigger signs it too: whichever runs first signs, the other finds it signed.
  const deps = {
    db: testDb(),
    key: devSigningKey(projectId),
    urls: issuerUrls(),
    now: new Date(),
    log: false,
  };
  await signCertificate(deps, id);
  const jwt = (await testDb().doc(`certificates/${id}`).get()).get('credentialJwt') as string;
  return { id, credential: parseCompactJws(jwt).payload as unknown as OpenBadgeCredential };
}

async function refused(write: Promise<unknown>): Promise<void> {
  await expect(write).rejects.toMatchObject({ code: 'permission-denied' });
}

describe.skipIf(!emulatorsRunning)('credential recipient identity and keys', () => {
  it('an unverified email (any address can be typed at sign-up) is never put in a credential', async () => {
    const mallory = await newAttacker('claims-someone-elses-email');
    // She also writes the address she wants into her own profile: nothing reads it for credentials.
    await setDoc(
      doc(mallory.db, 'users', mallory.uid),
      { email: 'victim@example.test' },
      { merge: true },
    ).catch(() => undefined);
    const { credential } = await signedCredentialOf(mallory);
    expect(credential.credentialSubject.identifier).toBeUndefined();
    expect(JSON.stringify(credential)).not.toContain('victim@example.test');
  });

  it('honest path: a verified email is bound as a salted hash that matches it and nothing else', async () => {
    const holder = await newAttacker('verified-holder');
    await verifyEmail(holder);
    const { credential } = await signedCredentialOf(holder);
    const [identity] = credential.credentialSubject.identifier ?? [];
    expect(identity).toMatchObject({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true });
    expect(identity?.identityHash).toBe(emailIdentityHash(holder.email, identity?.salt ?? ''));
    expect(identity?.identityHash).not.toBe(emailIdentityHash('victim@example.test', identity?.salt ?? ''));
    expect(JSON.stringify(credential)).not.toContain(holder.email);
  });

  it('a client can neither publish a signing key nor replace the signed credential on its certificate', async () => {
    const mallory = await newAttacker('key-publisher');
    await verifyEmail(mallory);
    const { id } = await signedCredentialOf(mallory);
    const before = (await testDb().doc(`certificates/${id}`).get()).get('credentialJwt');
    const fakeKey = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', alg: 'ES256', kid: 'mallory', dev: false };
    await refused(setDoc(doc(mallory.db, 'credentialKeys', uniqueId('mallorykey')), fakeKey));
    await refused(updateDoc(doc(mallory.db, 'certificates', id), { credentialJwt: 'a.b.c' }));
    expect((await testDb().doc(`certificates/${id}`).get()).get('credentialJwt')).toBe(before);
    const keys = await testDb().collection('credentialKeys').where('kid', '==', 'mallory').get();
    expect(keys.empty).toBe(true);
  });
});

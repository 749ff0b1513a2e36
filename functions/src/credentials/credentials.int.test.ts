// Verifiable credentials on the emulators: the deployed triggers sign course and exchange
// certificates exactly once, revokeCredential sets the status-list bit once (admin only), and the
// openBadges endpoint serves what an outside verifier needs. Signatures are checked with `jose`,
// which shares no code with the signer.
import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import * as coursesContracts from '@skillverse/domain/contracts/courses';
import * as credentialsContracts from '@skillverse/domain/contracts/credentials';
import { gunzipSync } from 'node:zlib';
import {
  fromMultibase,
  getStatusBit,
  STATUS_LIST_ID,
  thumbprintFromKid,
} from '@skillverse/domain/credentials';
import type { DocumentData } from 'firebase-admin/firestore';
import { decodeProtectedHeader, importJWK, type JWTPayload, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCourse, enrol, seedCourse, type SignedInUser, signedInUser } from '../../test/course-fixtures';
import {
  callFunction,
  deleteUserData,
  emulatorsRunning,
  FakeMailer,
  projectId,
  seedProfile,
  settle,
  testDb,
  uniqueId,
  waitFor,
  httpFunctionUrl,
} from '../../test/emulator';
import { ISSUANCE } from '../lib/data/credentials';
import { exchangeIssuanceId, issueExchangeCredentials } from './issue-exchange-credentials';
import { revocationAuditId, revocationNotificationId } from './revoke-credential';
import { issuerUrls, signCertificate, signUnsignedCertificates } from './sign-certificate';
import { devSigningKey } from './signing-key';

// The trigger under test runs behind the backlog the test's own set-up causes (each new account
// fires about ten triggers), which the emulator works through on a shared 2-core machine.
const SLOW_TRIGGER_MS = 100_000;
const SLOW_TEST_MS = 300_000;

const users: string[] = [];
const courses: string[] = [];
const exchanges: string[] = [];
const certificates: string[] = [];
let admin: SignedInUser;
let learner: SignedInUser;

/** Verifies a compact JWS the way an outside verifier would: the one key its kid URL names. */
async function verifyWithPublishedKey(jwt: string): Promise<JWTPayload> {
  const { kid } = decodeProtectedHeader(jwt);
  const thumbprint = thumbprintFromKid(kid ?? '');
  expect(kid).toBe(`${issuerUrls().badgesUrl}/keys/${thumbprint}`);
  const keyRes = await fetch(`${httpFunctionUrl(HTTP_FUNCTIONS.openBadges)}/keys/${thumbprint}`);
  expect(keyRes.headers.get('content-type')).toContain('application/jwk+json');
  const jwk = (await keyRes.json()) as { kty: string; crv: string; x: string; y: string; kid: string };
  expect(jwk.kid).toBe(kid);
  const { payload } = await jwtVerify(jwt, await importJWK(jwk, 'ES256'), { algorithms: ['ES256'] });
  return payload;
}

async function revokedBit(index: number): Promise<boolean> {
  const list = await testDb().doc(`credentialStatusLists/${STATUS_LIST_ID}`).get();
  const payload = await verifyWithPublishedKey(list.get('credentialJwt') as string);
  const encoded = (payload.credentialSubject as { encodedList: string }).encodedList;
  expect(encoded).toBe(list.get('encodedList'));
  return getStatusBit(new Uint8Array(gunzipSync(fromMultibase(encoded))), index);
}

const signed = (id: string) =>
  waitFor(
    async () => {
      const snap = await testDb().doc(`certificates/${id}`).get();
      return typeof snap.get('credentialJwt') === 'string' ? snap : undefined;
    },
    { what: `certificates/${id} to be signed`, timeoutMs: SLOW_TRIGGER_MS },
  );

/** A course the learner completes through the completeLecture callable. */
async function completedCourseCertificate(user: SignedInUser): Promise<string> {
  const course = await seedCourse(testDb(), { instructorId: admin.uid, lectures: 1, title: 'Signed Course' });
  courses.push(course.courseId);
  await enrol(testDb(), course.courseId, user.uid, admin.uid);
  const res = await callFunction(
    coursesContracts.completeLecture,
    { courseId: course.courseId, lectureId: course.lectureIds[0] },
    user.token,
  );
  expect(res.error).toBeUndefined();
  const id = res.result?.certificateId as string;
  certificates.push(id);
  return id;
}

describe.skipIf(!emulatorsRunning)('verifiable credentials', () => {
  beforeAll(async () => {
    admin = await signedInUser({ displayName: 'Ada Admin', claims: { admin: true, educator: true } });
    learner = await signedInUser({ displayName: 'Lea Learner' });
    users.push(admin.uid, learner.uid);
  });

  afterAll(async () => {
    const db = testDb();
    for (const id of courses) await deleteCourse(db, id);
    for (const id of exchanges) await db.recursiveDelete(db.doc(`exchanges/${id}`));
    for (const id of certificates) await db.doc(`certificates/${id}`).delete();
    for (const uid of users) await deleteUserData(db, uid);
  });

  describe('course credentials', () => {
    let certificateId: string;

    it(
      'signs the certificate of a completed course as an OB 3.0 credential that jose verifies',
      async () => {
        certificateId = await completedCourseCertificate(learner);
        const cert = await signed(certificateId);
        const payload = await verifyWithPublishedKey(cert.get('credentialJwt'));
        expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
        expect(payload.id).toBe(`${issuerUrls().appUrl}/certificates/${certificateId}/verify`);
        expect(payload.jti).toBeUndefined();
        expect(payload.iss).toMatch(/^did:web:/);
        expect(payload.credentialSubject).toMatchObject({
          name: 'Lea Learner',
          achievement: { name: 'Signed Course', achievementType: 'Certificate' },
        });
        expect(payload.credentialStatus).toMatchObject({
          type: 'BitstringStatusListEntry',
          statusListIndex: String(cert.get('statusListIndex')),
        });
        expect(cert.get('kind')).toBe('course');
        expect(cert.get('revocation')).toBeNull();
        // The SPEC fields are unchanged.
        expect(cert.get('courseTitle')).toBe('Signed Course');
        expect(cert.get('userName')).toBe('Lea Learner');
      },
      SLOW_TEST_MS,
    );

    it('signs once: a second run (a repeated trigger delivery) changes nothing and takes no new index', async () => {
      await signed(certificateId);
      const before = (await testDb().doc(`certificates/${certificateId}`).get()).data() as DocumentData;
      const nextIndex = (await testDb().doc(`credentialStatusLists/${STATUS_LIST_ID}`).get()).get(
        'nextIndex',
      );
      const deps = { db: testDb(), key: devSigningKey(projectId), urls: issuerUrls(), now: new Date() };
      expect(await signCertificate(deps, certificateId)).toBe('already-signed');
      expect(await signCertificate(deps, certificateId)).toBe('already-signed');
      const after = (await testDb().doc(`certificates/${certificateId}`).get()).data() as DocumentData;
      expect(after.credentialJwt).toBe(before.credentialJwt);
      expect((await testDb().doc(`credentialStatusLists/${STATUS_LIST_ID}`).get()).get('nextIndex')).toBe(
        nextIndex,
      );
      expect(await signCertificate(deps, 'no-such-certificate')).toBe('missing');
    });

    it('completing the course again issues no second certificate', async () => {
      const cert = await testDb().doc(`certificates/${certificateId}`).get();
      const courseId = cert.get('courseId') as string;
      await callFunction(coursesContracts.completeLecture, { courseId, lectureId: 'l1' }, learner.token);
      const all = await testDb()
        .collection('certificates')
        .where('courseId', '==', courseId)
        .where('uid', '==', learner.uid)
        .get();
      expect(all.size).toBe(1);
    });

    it('backfills a certificate issued before credentials existed, once, with distinct indexes', async () => {
      // Written the way the old code wrote them; the trigger signs it too, so whichever runs first
      // signs and the other finds it signed.
      const ids = [uniqueId('legacyA'), uniqueId('legacyB')];
      certificates.push(...ids);
      for (const id of ids) {
        await testDb()
          .doc(`certificates/${id}`)
          .set({
            uid: learner.uid,
            userName: 'Lea Learner',
            courseId: 'old-course',
            courseTitle: 'An Older Course',
            instructorName: 'Ina',
            issuedAt: new Date('2025-01-02T03:04:05Z'),
          });
      }
      const deps = { db: testDb(), key: devSigningKey(projectId), urls: issuerUrls(), now: new Date() };
      await signUnsignedCertificates(deps, 50);
      const again = await signUnsignedCertificates(deps, 50);
      expect(again.signed).toBe(0);
      const [a, b] = await Promise.all(ids.map((id) => signed(id)));
      expect(a?.get('statusListIndex')).not.toBe(b?.get('statusListIndex'));
      const payload = await verifyWithPublishedKey(a?.get('credentialJwt'));
      expect(payload.validFrom).toBe('2025-01-02T03:04:05.000Z');
      expect(a?.get('kind')).toBe('course');
    });

    it('backfillCredentials: admins only, no input accepted', async () => {
      const denied = await callFunction(credentialsContracts.backfillCredentials, {}, learner.token);
      expect(denied.error?.status).toBe('PERMISSION_DENIED');
      const bad = await callFunction(credentialsContracts.backfillCredentials, { all: true }, admin.token);
      expect(bad.error?.status).toBe('INVALID_ARGUMENT');
      expect(bad.error?.message).toContain('all');
      const ok = await callFunction(credentialsContracts.backfillCredentials, {}, admin.token);
      expect(ok.error).toBeUndefined();
      expect(ok.result?.scanned).toBeGreaterThan(0);
    });
  });

  describe(credentialsContracts.revokeCredential.name, () => {
    let certificateId: string;
    let index: number;

    beforeAll(async () => {
      const holder = await signedInUser({ displayName: 'Hal Holder' });
      users.push(holder.uid);
      certificateId = await completedCourseCertificate(holder);
      index = (await signed(certificateId)).get('statusListIndex') as number;
    }, SLOW_TEST_MS);

    it('requires sign-in and refuses non-admins (the holder included) with nothing changed', async () => {
      const anon = await callFunction(credentialsContracts.revokeCredential, {
        certificateId,
        reason: 'Plagiarism found',
      });
      expect(anon.error?.status).toBe('UNAUTHENTICATED');
      const res = await callFunction(
        credentialsContracts.revokeCredential,
        { certificateId, reason: 'Plagiarism found' },
        learner.token,
      );
      expect(res.error?.status).toBe('PERMISSION_DENIED');
      expect((await testDb().doc(`certificates/${certificateId}`).get()).get('revocation')).toBeNull();
      expect(await revokedBit(index)).toBe(false);
    });

    it.each([
      [{ certificateId: 'x' }, 'reason'],
      [{ certificateId: 'x', reason: 'no' }, 'reason'],
      [{ reason: 'Because it was forged' }, 'certificateId'],
      [{ certificateId: 'a/b', reason: 'Because it was forged' }, 'certificateId'],
      [{ certificateId: 'x', reason: 'Because it was forged', extra: 1 }, 'extra'],
    ])('answers bad input %j with invalid-argument naming %s', async (data, field) => {
      const res = await callFunction(credentialsContracts.revokeCredential, data, admin.token);
      expect(res.error?.status).toBe('INVALID_ARGUMENT');
      expect(res.error?.message).toContain(field);
    });

    it('answers not-found for an unknown certificate', async () => {
      const res = await callFunction(
        credentialsContracts.revokeCredential,
        { certificateId: 'nope123', reason: 'Testing it' },
        admin.token,
      );
      expect(res.error?.status).toBe('NOT_FOUND');
    });

    it('revokes once: sets the signed status-list bit, records date and reason, one audit entry, one notice', async () => {
      const first = await callFunction(
        credentialsContracts.revokeCredential,
        { certificateId, reason: 'Plagiarism found' },
        admin.token,
      );
      expect(first.error).toBeUndefined();
      expect(first.result?.alreadyRevoked).toBe(false);
      const second = await callFunction(
        credentialsContracts.revokeCredential,
        { certificateId, reason: 'Another reason' },
        admin.token,
      );
      expect(second.result?.alreadyRevoked).toBe(true);

      const cert = await testDb().doc(`certificates/${certificateId}`).get();
      expect(cert.get('revocation')).toMatchObject({ reason: 'Plagiarism found', revokedBy: admin.uid });
      expect(await revokedBit(index)).toBe(true);
      expect(await revokedBit(index + 1)).toBe(false);
      const audit = await testDb()
        .collection('auditLog')
        .where('details.certificateId', '==', certificateId)
        .get();
      expect(audit.docs.map((d) => d.id)).toEqual([revocationAuditId(certificateId)]);
      expect(audit.docs[0]?.get('action')).toBe('credential.revoke');
      const uid = cert.get('uid') as string;
      const notice = await testDb()
        .doc(`notifications/${uid}/items/${revocationNotificationId(certificateId)}`)
        .get();
      expect(notice.get('body')).toContain('Plagiarism found');
      // The credential itself still verifies: revocation is a status, not a broken signature.
      await verifyWithPublishedKey(cert.get('credentialJwt'));
    });
  });

  describe('exchange credentials', () => {
    async function exchangeWithEvidence(ratings: { requester: number; provider: number }) {
      const db = testDb();
      const rae = uniqueId('rae');
      const pia = uniqueId('pia');
      users.push(rae, pia);
      await seedProfile(db, rae, { displayName: 'Rae Requester' });
      await seedProfile(db, pia, { displayName: 'Pia Provider' });
      const id = uniqueId('xcred');
      exchanges.push(id);
      const past = new Date(Date.now() - 7 * 86_400_000);
      await db.doc(`exchanges/${id}`).set({
        requesterId: rae,
        providerId: pia,
        participants: [rae, pia],
        offeredSkill: 'Spanish',
        requestedSkill: 'Python',
        message: 'Swap?',
        status: 'completed',
        terms: { commitmentHours: 4, frequency: 'weekly', cancellationPolicy: '24h' },
        termsAcceptedBy: [rae, pia],
        completedBy: [rae, pia],
        markers: { rewarded: past },
        createdAt: past,
        updatedAt: past,
      });
      await db.doc(`exchanges/${id}/sessions/s1`).set({
        scheduledAt: past,
        durationMin: 60,
        status: 'held',
        notes: '',
        held: { evidence: 'self-reported', heldAt: past, confirmedBy: [rae, pia], observedMinutes: null },
      });
      await db.doc(`exchanges/${id}/sessions/s2`).set({
        scheduledAt: past,
        durationMin: 30,
        status: 'held',
        notes: '',
        held: { evidence: 'self-reported', heldAt: past, confirmedBy: [rae, pia], observedMinutes: null },
      });
      await db
        .doc(`exchanges/${id}/sessions/s3`)
        .set({ scheduledAt: past, durationMin: 30, status: 'cancelled', notes: '' });
      // Feedback last: its trigger issues the credentials once both exist.
      await db
        .doc(`exchanges/${id}/feedback/${rae}`)
        .set({ rating: ratings.requester, comment: '', endorsedSkills: [], createdAt: new Date() });
      await db
        .doc(`exchanges/${id}/feedback/${pia}`)
        .set({ rating: ratings.provider, comment: '', endorsedSkills: [], createdAt: new Date() });
      return { id, rae, pia };
    }

    const credentialsOf = async (exchangeId: string) =>
      (await testDb().collection('certificates').where('exchangeId', '==', exchangeId).get()).docs;

    it(
      'issues each person one signed credential for the skill they taught, with the evidence',
      async () => {
        const { id, rae, pia } = await exchangeWithEvidence({ requester: 5, provider: 4 });
        const docs = await waitFor(
          async () => {
            const found = await credentialsOf(id);
            return found.length === 2 ? found : undefined;
          },
          { what: 'two exchange credentials' },
        );
        certificates.push(...docs.map((d) => d.id));
        const byUid = Object.fromEntries(docs.map((d) => [d.get('uid'), d]));
        expect(byUid[rae]?.get('skill')).toBe('Spanish'); // the requester offered Spanish
        expect(byUid[pia]?.get('skill')).toBe('Python');
        expect(byUid[rae]?.get('evidence')).toMatchObject({
          heldSessions: 2,
          heldMinutes: 90,
          selfReportedSessions: 2,
          observedSessions: 0,
          ratingReceived: 4,
          ratingGiven: 5,
        });

        const cert = await signed(byUid[rae]?.id as string);
        const payload = await verifyWithPublishedKey(cert.get('credentialJwt'));
        expect(payload.credentialSubject).toMatchObject({
          name: 'Rae Requester',
          achievement: { name: 'Peer teaching: Spanish', achievementType: 'Competency' },
        });
        expect(payload.evidence).toEqual([
          expect.objectContaining({ type: ['Evidence'], name: 'Completed skill exchange' }),
        ]);

        // Run twice more (a repeated delivery, the backfill): still one credential each.
        const again = await issueExchangeCredentials(
          { db: testDb(), now: new Date(), mailer: new FakeMailer() },
          id,
        );
        expect(again.issued).toEqual([]);
        await issueExchangeCredentials({ db: testDb(), now: new Date(), mailer: new FakeMailer() }, id);
        expect((await credentialsOf(id)).length).toBe(2);
        const marker = await testDb().collection(ISSUANCE).doc(exchangeIssuanceId(id, rae)).get();
        expect(marker.get('certificateId')).toBe(byUid[rae]?.id);
        const notes = await testDb()
          .collection(`notifications/${pia}/items`)
          .where('type', '==', 'certificate_issued')
          .get();
        expect(notes.size).toBe(1);
      },
      SLOW_TEST_MS,
    );

    it('issues nothing when a rating is below 4', async () => {
      const { id } = await exchangeWithEvidence({ requester: 5, provider: 3 });
      await settle(2500);
      expect(await credentialsOf(id)).toEqual([]);
      const result = await issueExchangeCredentials(
        { db: testDb(), now: new Date(), mailer: new FakeMailer() },
        id,
      );
      expect(result).toEqual({ issued: [], reason: 'a rating is below 4' });
    });
  });

  describe('openBadges (public HTTP)', () => {
    const base = () => httpFunctionUrl(HTTP_FUNCTIONS.openBadges);

    it('serves the issuer profile, the JWKS, the signed status list and a credential', async () => {
      const issuer = (await (await fetch(`${base()}/issuer`)).json()) as { id: string; publicKeys?: unknown };
      expect(issuer).toMatchObject({ type: ['Profile'], name: 'SkillVerse' });
      expect(issuer.id).toMatch(/^did:web:/);
      expect(issuer.publicKeys).toBeUndefined();
      const jwks = (await (await fetch(`${base()}/jwks`)).json()) as { keys: { kid: string; alg: string }[] };
      const kid = `${issuerUrls().badgesUrl}/keys/${devSigningKey(projectId).thumbprint}`;
      expect(jwks.keys).toContainEqual(expect.objectContaining({ kid, alg: 'ES256' }));
      const did = await fetch(`${base()}/.well-known/did.json`);
      expect(did.headers.get('content-type')).toContain('application/did+json');
      const doc = (await did.json()) as { id: string; verificationMethod: { id: string }[] };
      expect(doc.id).toBe(issuer.id);
      expect(doc.verificationMethod.map((m) => m.id)).toContain(
        `${issuer.id}#${devSigningKey(projectId).thumbprint}`,
      );
      expect((await fetch(`${base()}/keys/unknownthumbprint0000000000`)).status).toBe(404);
      expect((await fetch(`${base()}/achievements/course/no-such-course`)).status).toBe(404);

      const status = await fetch(`${base()}/status/${STATUS_LIST_ID}`);
      expect(status.headers.get('content-type')).toContain('application/vc+jwt');
      await verifyWithPublishedKey(await status.text());

      const certificateId = certificates[0] as string;
      const cert = await testDb().doc(`certificates/${certificateId}`).get();
      const achievementRes = await fetch(`${base()}/achievements/course/${cert.get('courseId')}`);
      expect(achievementRes.status).toBe(200);
      expect(await achievementRes.json()).toMatchObject({ type: ['Achievement'], name: 'Signed Course' });
      const credential = await fetch(`${base()}/credentials/${certificateId}`);
      expect(await credential.text()).toBe(
        (await testDb().doc(`certificates/${certificateId}`).get()).get('credentialJwt'),
      );
      expect((await fetch(`${base()}/credentials/unknown-id`)).status).toBe(404);
      expect((await fetch(`${base()}/nothing`)).status).toBe(404);
      expect((await fetch(`${base()}/jwks`, { method: 'POST' })).status).toBe(405);
    });
  });
});

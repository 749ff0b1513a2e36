import * as accountsContracts from '@skillverse/domain/contracts/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callFunction,
  createAuthUser,
  deleteUserData,
  emulatorsRunning,
  idTokenFor,
  type TestAccount,
  testAuth,
  testDb,
  uniqueId,
  waitForDoc,
} from '../../test/emulator';

const cleanup: string[] = [];
let admin: TestAccount;
let adminToken: string;
let learner: TestAccount;
let learnerToken: string;

const applicationRef = (uid: string) => testDb().doc(`educatorApplications/${uid}`);
const application = (uid: string) => applicationRef(uid).get();
const auditFor = async (uid: string) =>
  (await testDb().collection('auditLog').where('target', '==', `educatorApplications/${uid}`).get()).docs.map(
    (d) => d.data(),
  );
const noticesFor = async (uid: string) =>
  (
    await testDb().collection(`notifications/${uid}/items`).where('type', '==', 'educator_application').get()
  ).docs.map((d) => d.data());

/** A signed-up account with a pending application. */
async function applicant(displayName = 'Pat Applicant'): Promise<TestAccount> {
  const account = await createAuthUser({ displayName });
  cleanup.push(account.uid);
  await waitForDoc(testDb().doc(`users/${account.uid}`));
  await applicationRef(account.uid).set({
    uid: account.uid,
    expertise: ['Watercolour', 'Drawing'],
    motivation: 'I have taught watercolour to adults for six years.',
    sampleUrl: 'https://example.com/sample',
    status: 'pending',
    createdAt: new Date(),
  });
  return account;
}

describe.skipIf(!emulatorsRunning)('decideEducatorApplication (callable)', () => {
  beforeAll(async () => {
    admin = await createAuthUser({ displayName: 'Admin Ann', claims: { admin: true } });
    learner = await createAuthUser({ displayName: 'Lee Learner' });
    cleanup.push(admin.uid, learner.uid);
    await waitForDoc(testDb().doc(`users/${admin.uid}`));
    await waitForDoc(testDb().doc(`users/${learner.uid}`));
    adminToken = await idTokenFor(admin);
    learnerToken = await idTokenFor(learner);
  });

  afterAll(async () => {
    for (const uid of cleanup) {
      await applicationRef(uid).delete();
      await deleteUserData(testDb(), uid);
    }
  });

  it('requires sign-in and an admin, and changes nothing otherwise', async () => {
    const pat = await applicant();
    const anonymous = await callFunction(accountsContracts.decideEducatorApplication, {
      uid: pat.uid,
      decision: 'approve',
    });
    expect(anonymous.error?.status).toBe('UNAUTHENTICATED');
    const res = await callFunction(
      accountsContracts.decideEducatorApplication,
      { uid: pat.uid, decision: 'approve' },
      learnerToken,
    );
    expect(res.status).toBe(403);
    expect(res.error?.status).toBe('PERMISSION_DENIED');
    expect((await application(pat.uid)).get('status')).toBe('pending');
    expect((await testAuth().getUser(pat.uid)).customClaims?.educator).toBeUndefined();
    expect(await auditFor(pat.uid)).toEqual([]);
  });

  it.each([
    [{ decision: 'approve' }, 'uid'],
    [{ uid: 'x', decision: 'maybe' }, 'decision'],
    [{ uid: 'x', decision: 'reject' }, 'reason is required'],
    [{ uid: 'x', decision: 'reject', reason: 'no' }, 'reason must be at least'],
    [{ uid: 'x', decision: 'approve', role: 'admin' }, 'role'],
    [null, 'expected object'],
  ])('answers bad input %j with invalid-argument naming %s, writing nothing', async (data, what) => {
    const pat = await applicant();
    const payload = data && 'uid' in data ? { ...data, uid: pat.uid } : data;
    const res = await callFunction(accountsContracts.decideEducatorApplication, payload, adminToken);
    expect(res.status).toBe(400);
    expect(res.error?.status).toBe('INVALID_ARGUMENT');
    expect(res.error?.message).toContain(what);
    expect((await application(pat.uid)).get('status')).toBe('pending');
    expect(await auditFor(pat.uid)).toEqual([]);
    expect(await noticesFor(pat.uid)).toEqual([]);
  });

  it('answers not-found when there is no application', async () => {
    const res = await callFunction(
      accountsContracts.decideEducatorApplication,
      { uid: learner.uid, decision: 'reject', reason: 'Nothing to decide here.' },
      adminToken,
    );
    expect(res.error?.status).toBe('NOT_FOUND');
    expect(await auditFor(learner.uid)).toEqual([]);
  });

  it('approves: decision recorded, educator claim set (other claims kept), roles mirrored, applicant notified, audit entry written', async () => {
    const pat = await applicant('Pat Painter');
    await testAuth().setCustomUserClaims(pat.uid, { beta: true });
    const res = await callFunction(
      accountsContracts.decideEducatorApplication,
      { uid: pat.uid, decision: 'approve' },
      adminToken,
    );
    expect(res.error).toBeUndefined();
    expect(res.result).toEqual({ uid: pat.uid, status: 'approved', alreadyDecided: false });

    const app = await application(pat.uid);
    expect(app.get('status')).toBe('approved');
    expect(app.get('decidedBy')).toBe(admin.uid);
    expect(app.get('decidedAt')).toBeTruthy();
    expect(app.get('decisionReason')).toBeNull();
    expect((await testAuth().getUser(pat.uid)).customClaims).toEqual({ beta: true, educator: true });
    expect((await testDb().doc(`users/${pat.uid}`).get()).get('roles')).toEqual(['learner', 'educator']);
    // A fresh token carries the claim: the web app's refresh unlocks the educator area.
    const token = await idTokenFor(pat);
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    expect(payload.educator).toBe(true);

    const notices = await noticesFor(pat.uid);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: 'You’re an educator on SkillVerse', link: '/educator' });
    const mail = await testDb().collection('mailLog').where('uid', '==', pat.uid).get();
    expect(mail.docs.map((d) => d.get('type'))).toContain('educator_application');
    expect(await auditFor(pat.uid)).toEqual([
      expect.objectContaining({
        actorId: admin.uid,
        actorName: 'Admin Ann',
        action: 'educatorApplication.approve',
        targetUid: pat.uid,
        targetName: 'Pat Painter',
        details: expect.objectContaining({ from: 'pending', to: 'approved' }),
      }),
    ]);
  });

  it('is idempotent: approving again is a no-op success; rejecting an approved application is refused', async () => {
    const pat = await applicant();
    const first = await callFunction(
      accountsContracts.decideEducatorApplication,
      { uid: pat.uid, decision: 'approve' },
      adminToken,
    );
    expect(first.error).toBeUndefined();
    const decidedAt = (await application(pat.uid)).get('decidedAt');

    const again = await callFunction(
      accountsContracts.decideEducatorApplication,
      { uid: pat.uid, decision: 'approve' },
      adminToken,
    );
    expect(again.error).toBeUndefined();
    expect(again.result).toEqual({ uid: pat.uid, status: 'approved', alreadyDecided: true });
    expect((await application(pat.uid)).get('decidedAt')).toEqual(decidedAt);
    expect(await auditFor(pat.uid)).toHaveLength(1);
    expect(await noticesFor(pat.uid)).toHaveLength(1);

    const flip = await callFunction(
      accountsContracts.decideEducatorApplication,
      { uid: pat.uid, decision: 'reject', reason: 'Changed my mind about this.' },
      adminToken,
    );
    expect(flip.error?.status).toBe('FAILED_PRECONDITION');
    expect(flip.error?.message).toContain('already approved');
    expect((await application(pat.uid)).get('status')).toBe('approved');
    expect(await auditFor(pat.uid)).toHaveLength(1);
  });

  it('rejects with the reason: no claim, the applicant reads the reason, and may apply again', async () => {
    const pat = await applicant();
    const reason = 'Please add a link to a sample lesson.';
    const res = await callFunction(
      accountsContracts.decideEducatorApplication,
      { uid: pat.uid, decision: 'reject', reason },
      adminToken,
    );
    expect(res.result).toEqual({ uid: pat.uid, status: 'rejected', alreadyDecided: false });
    const app = await application(pat.uid);
    expect(app.get('status')).toBe('rejected');
    expect(app.get('decisionReason')).toBe(reason);
    expect((await testAuth().getUser(pat.uid)).customClaims?.educator).toBeUndefined();
    expect((await testDb().doc(`users/${pat.uid}`).get()).get('roles')).toEqual(['learner']);
    const notices = await noticesFor(pat.uid);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body).toContain(reason);
    expect(await auditFor(pat.uid)).toEqual([
      expect.objectContaining({
        action: 'educatorApplication.reject',
        details: expect.objectContaining({ reason }),
      }),
    ]);

    // Re-applied (the owner's update, as the rules allow it) → pending → approved this time.
    await applicationRef(pat.uid).update({
      status: 'pending',
      decidedAt: null,
      decidedBy: null,
      decisionReason: null,
      updatedAt: new Date(),
    });
    const approved = await callFunction(
      accountsContracts.decideEducatorApplication,
      { uid: pat.uid, decision: 'approve' },
      adminToken,
    );
    expect(approved.result).toMatchObject({ status: 'approved', alreadyDecided: false });
    expect(await noticesFor(pat.uid)).toHaveLength(2);
    expect(await auditFor(pat.uid)).toHaveLength(2);
  });

  it('answers not-found for an application whose account no longer exists, deciding nothing', async () => {
    const ghost = uniqueId('ghost');
    cleanup.push(ghost);
    await applicationRef(ghost).set({
      uid: ghost,
      expertise: ['Chess'],
      motivation: 'Twenty characters of motivation at least.',
      status: 'pending',
      createdAt: new Date(),
    });
    const res = await callFunction(
      accountsContracts.decideEducatorApplication,
      { uid: ghost, decision: 'approve' },
      adminToken,
    );
    expect(res.error?.status).toBe('NOT_FOUND');
    expect((await application(ghost)).get('status')).toBe('pending');
  });
});

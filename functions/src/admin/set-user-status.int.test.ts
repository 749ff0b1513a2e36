import * as accountsContracts from '@skillverse/domain/contracts/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callFunction,
  createAuthUser,
  deleteUserData,
  emulatorsRunning,
  idTokenFor,
  projectId,
  type TestAccount,
  testAuth,
  testDb,
  uniqueId,
  waitForDoc,
} from '../../test/emulator';

const cleanup: string[] = [];
let admin: TestAccount;
let adminToken: string;
let member: TestAccount;
let memberToken: string;

/** A client write through the Firestore REST API with the user's ID token, checked by the rules. */
async function writeHeadline(uid: string, idToken: string, headline: string) {
  const url = `http://${process.env.FIRESTORE_EMULATOR_HOST}/v1/projects/${projectId}/databases/(default)/documents/users/${uid}?updateMask.fieldPaths=headline`;
  const res = await fetch(url, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${idToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ fields: { headline: { stringValue: headline } } }),
  });
  return { status: res.status, body: await res.text() };
}

async function auditEntries(targetUid: string) {
  return (await testDb().collection('auditLog').where('targetUid', '==', targetUid).get()).docs.map((d) =>
    d.data(),
  );
}

describe.skipIf(!emulatorsRunning)('setUserStatus (callable)', () => {
  beforeAll(async () => {
    admin = await createAuthUser({ displayName: 'Admin Ann' });
    member = await createAuthUser({ displayName: 'Member Max' });
    cleanup.push(admin.uid, member.uid);
    await testAuth().setCustomUserClaims(admin.uid, { admin: true });
    await waitForDoc(testDb().doc(`users/${member.uid}`));
    await waitForDoc(testDb().doc(`users/${admin.uid}`));
    adminToken = await idTokenFor(admin); // signed in again: the token carries the admin claim
    memberToken = await idTokenFor(member);
  });

  afterAll(async () => {
    for (const uid of cleanup) await deleteUserData(testDb(), uid);
  });

  it('requires sign-in', async () => {
    const res = await callFunction(accountsContracts.setUserStatus, { uid: member.uid, status: 'banned' });
    expect(res.status).toBe(401);
    expect(res.error?.status).toBe('UNAUTHENTICATED');
  });

  it('refuses non-admins with permission-denied and changes nothing', async () => {
    const res = await callFunction(
      accountsContracts.setUserStatus,
      { uid: admin.uid, status: 'banned' },
      memberToken,
    );
    expect(res.status).toBe(403);
    expect(res.error?.status).toBe('PERMISSION_DENIED');
    expect((await testDb().doc(`users/${admin.uid}`).get()).get('status')).toBe('active');
    expect(await auditEntries(admin.uid)).toEqual([]);
  });

  it.each([
    [{ uid: 'x', status: 'frozen' }, 'status'],
    [{ status: 'suspended' }, 'uid'],
    [{ uid: 'x', status: 'active', role: 'admin' }, 'role'],
    [null, 'expected object'],
  ])('answers bad input %j with invalid-argument naming %s, writing nothing', async (data, field) => {
    const res = await callFunction(accountsContracts.setUserStatus, data, adminToken);
    expect(res.status).toBe(400);
    expect(res.error?.status).toBe('INVALID_ARGUMENT');
    expect(res.error?.message).toContain(field);
    expect((await testDb().doc(`users/${member.uid}`).get()).get('status')).toBe('active');
    expect(await auditEntries(member.uid)).toEqual([]);
  });

  it('answers not-found for an unknown user', async () => {
    const res = await callFunction(
      accountsContracts.setUserStatus,
      { uid: uniqueId('nobody'), status: 'banned' },
      adminToken,
    );
    expect(res.error?.status).toBe('NOT_FOUND');
  });

  it('refuses an admin whose account is suspended, though their token still carries the claim', async () => {
    const other = await createAuthUser({ displayName: 'Admin Otto' });
    cleanup.push(other.uid);
    await testAuth().setCustomUserClaims(other.uid, { admin: true });
    await waitForDoc(testDb().doc(`users/${other.uid}`));
    const token = await idTokenFor(other);
    // Suspended a moment ago: the ID token is still valid for up to an hour.
    await testDb().doc(`users/${other.uid}`).update({ status: 'suspended' });
    const res = await callFunction(
      accountsContracts.setUserStatus,
      { uid: member.uid, status: 'banned' },
      token,
    );
    expect(res.error?.status).toBe('PERMISSION_DENIED');
    expect(res.error?.message).toContain('suspended');
    expect((await testDb().doc(`users/${member.uid}`).get()).get('status')).toBe('active');
    expect(await auditEntries(member.uid)).toEqual([]);
  });

  it('does not let an admin change their own status', async () => {
    const res = await callFunction(
      accountsContracts.setUserStatus,
      { uid: admin.uid, status: 'suspended' },
      adminToken,
    );
    expect(res.error?.status).toBe('FAILED_PRECONDITION');
  });

  it('suspends: sets the status, disables sign-in, writes the audit log and tells the user', async () => {
    const db = testDb();
    const res = await callFunction(
      accountsContracts.setUserStatus,
      { uid: member.uid, status: 'suspended', reason: 'Spam in chat' },
      adminToken,
    );
    expect(res.error).toBeUndefined();
    expect(res.result).toEqual({ uid: member.uid, status: 'suspended', previousStatus: 'active' });

    const profile = await db.doc(`users/${member.uid}`).get();
    expect(profile.get('status')).toBe('suspended');
    // Why, and which admin, stay off the public profile (owner-only private/account, audit log).
    expect(profile.get('statusReason')).toBeUndefined();
    expect(profile.get('statusChangedBy')).toBeUndefined();
    const account = await db.doc(`users/${member.uid}/private/account`).get();
    expect(account.get('statusReason')).toBe('Spam in chat');
    expect(account.get('statusChangedBy')).toBe(admin.uid);
    const user = await testAuth().getUser(member.uid);
    expect(user.disabled).toBe(true);
    expect(user.tokensValidAfterTime).toBeTruthy();
    await expect(idTokenFor(member)).rejects.toThrow(/USER_DISABLED/);

    expect(await auditEntries(member.uid)).toEqual([
      expect.objectContaining({
        actorId: admin.uid,
        actorName: 'Admin Ann',
        action: 'user.setStatus',
        targetUid: member.uid,
        targetName: 'Member Max',
        details: expect.objectContaining({ from: 'active', to: 'suspended', reason: 'Spam in chat' }),
      }),
    ]);
    const notices = await db
      .collection(`notifications/${member.uid}/items`)
      .where('type', '==', 'account')
      .get();
    expect(notices.docs.map((d) => d.get('title'))).toContain('Your account has been suspended');
  });

  it('reactivates: status active and sign-in enabled again', async () => {
    const res = await callFunction(
      accountsContracts.setUserStatus,
      { uid: member.uid, status: 'active' },
      adminToken,
    );
    expect(res.result).toMatchObject({ status: 'active', previousStatus: 'suspended' });
    expect((await testAuth().getUser(member.uid)).disabled).toBe(false);
    expect((await testDb().doc(`users/${member.uid}`).get()).get('status')).toBe('active');
    await expect(idTokenFor(member)).resolves.toEqual(expect.any(String));
    expect(await auditEntries(member.uid)).toHaveLength(2);
  });

  it('bans: refresh tokens revoked, sign-in refused, and the next rules-checked write is denied', async () => {
    const token = await idTokenFor(member);
    // While active, the member may change their own headline under the security rules.
    expect((await writeHeadline(member.uid, token, 'Before the ban')).status).toBe(200);

    const res = await callFunction(
      accountsContracts.setUserStatus,
      { uid: member.uid, status: 'banned', reason: 'Fraud' },
      adminToken,
    );
    expect(res.result).toMatchObject({ status: 'banned', previousStatus: 'active' });
    const user = await testAuth().getUser(member.uid);
    expect(user.disabled).toBe(true);
    expect(new Date(user.tokensValidAfterTime ?? 0).getTime()).toBeGreaterThan(0);
    await expect(testAuth().verifyIdToken(token, true)).rejects.toMatchObject({
      code: expect.stringMatching(/auth\/(id-token-revoked|user-disabled)/),
    });
    await expect(idTokenFor(member)).rejects.toThrow(/USER_DISABLED/);

    // The token issued before the ban is still accepted by Firestore until it expires, but the
    // rules read the profile's status: the write is refused.
    const denied = await writeHeadline(member.uid, token, 'After the ban');
    expect(denied.status).toBe(403);
    expect(denied.body).toContain('PERMISSION_DENIED');
    expect((await testDb().doc(`users/${member.uid}`).get()).get('headline')).toBe('Before the ban');
  });
});

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
let member: TestAccount;
let memberToken: string;

const roleAudit = async (uid: string) =>
  (await testDb().collection('auditLog').where('targetUid', '==', uid).get()).docs
    .map((d) => d.data())
    .filter((d) => d.action === 'user.setRole');
const profileRoles = async (uid: string) => (await testDb().doc(`users/${uid}`).get()).get('roles');

describe.skipIf(!emulatorsRunning)('setUserRoles (callable)', () => {
  beforeAll(async () => {
    admin = await createAuthUser({ displayName: 'Admin Ann', claims: { admin: true } });
    member = await createAuthUser({ displayName: 'Member Max' });
    cleanup.push(admin.uid, member.uid);
    await waitForDoc(testDb().doc(`users/${admin.uid}`));
    await waitForDoc(testDb().doc(`users/${member.uid}`));
    adminToken = await idTokenFor(admin);
    memberToken = await idTokenFor(member);
  });

  afterAll(async () => {
    for (const uid of cleanup) await deleteUserData(testDb(), uid);
  });

  it('requires an admin and changes nothing for anyone else', async () => {
    const res = await callFunction(
      accountsContracts.setUserRoles,
      { uid: member.uid, role: 'admin', grant: true },
      memberToken,
    );
    expect(res.error?.status).toBe('PERMISSION_DENIED');
    expect((await testAuth().getUser(member.uid)).customClaims?.admin).toBeUndefined();
    expect(await roleAudit(member.uid)).toEqual([]);
  });

  it.each([
    [{ uid: 'x', role: 'learner', grant: true }, 'role'],
    [{ uid: 'x', role: 'educator' }, 'grant'],
    [{ uid: 'x', role: 'educator', grant: 'yes' }, 'grant'],
    [{ role: 'educator', grant: true }, 'uid'],
    [{ uid: 'x', role: 'educator', grant: true, status: 'banned' }, 'status'],
  ])('answers bad input %j with invalid-argument naming %s, writing nothing', async (data, what) => {
    const res = await callFunction(
      accountsContracts.setUserRoles,
      'uid' in data ? { ...data, uid: member.uid } : data,
      adminToken,
    );
    expect(res.status).toBe(400);
    expect(res.error?.status).toBe('INVALID_ARGUMENT');
    expect(res.error?.message).toContain(what);
    expect(await profileRoles(member.uid)).toEqual(['learner']);
    expect(await roleAudit(member.uid)).toEqual([]);
  });

  it('answers not-found for an unknown user', async () => {
    const res = await callFunction(
      accountsContracts.setUserRoles,
      { uid: uniqueId('nobody'), role: 'educator', grant: true },
      adminToken,
    );
    expect(res.error?.status).toBe('NOT_FOUND');
  });

  it('grants educator: claim merged, roles mirrored, audit entry, notice; granting again changes nothing', async () => {
    const res = await callFunction(
      accountsContracts.setUserRoles,
      { uid: member.uid, role: 'educator', grant: true },
      adminToken,
    );
    expect(res.error).toBeUndefined();
    expect(res.result).toEqual({ uid: member.uid, roles: ['learner', 'educator'], changed: true });
    expect((await testAuth().getUser(member.uid)).customClaims).toEqual({ educator: true });
    expect(await profileRoles(member.uid)).toEqual(['learner', 'educator']);
    expect(await roleAudit(member.uid)).toEqual([
      expect.objectContaining({
        actorId: admin.uid,
        actorName: 'Admin Ann',
        targetName: 'Member Max',
        details: expect.objectContaining({ role: 'educator', grant: true }),
      }),
    ]);
    const notices = await testDb()
      .collection(`notifications/${member.uid}/items`)
      .where('type', '==', 'account')
      .get();
    expect(notices.docs.map((d) => d.get('title'))).toContain('You’re an educator on SkillVerse');

    const again = await callFunction(
      accountsContracts.setUserRoles,
      { uid: member.uid, role: 'educator', grant: true },
      adminToken,
    );
    expect(again.result).toMatchObject({ changed: false });
    expect(await roleAudit(member.uid)).toHaveLength(1);
  });

  it('grants and revokes admin next to educator without dropping either', async () => {
    await callFunction(
      accountsContracts.setUserRoles,
      { uid: member.uid, role: 'admin', grant: true },
      adminToken,
    );
    expect((await testAuth().getUser(member.uid)).customClaims).toEqual({ educator: true, admin: true });
    const res = await callFunction(
      accountsContracts.setUserRoles,
      { uid: member.uid, role: 'educator', grant: false },
      adminToken,
    );
    expect(res.result).toEqual({ uid: member.uid, roles: ['learner', 'admin'], changed: true });
    expect(await profileRoles(member.uid)).toEqual(['learner', 'admin']);
    await callFunction(
      accountsContracts.setUserRoles,
      { uid: member.uid, role: 'admin', grant: false },
      adminToken,
    );
    expect((await testAuth().getUser(member.uid)).customClaims).toEqual({});
    expect(await profileRoles(member.uid)).toEqual(['learner']);
    expect(await roleAudit(member.uid)).toHaveLength(4);
  });

  it('does not let an admin revoke their own admin role', async () => {
    const res = await callFunction(
      accountsContracts.setUserRoles,
      { uid: admin.uid, role: 'admin', grant: false },
      adminToken,
    );
    expect(res.error?.status).toBe('FAILED_PRECONDITION');
    expect(res.error?.message).toContain('your own admin role');
    expect((await testAuth().getUser(admin.uid)).customClaims).toEqual({ admin: true });
  });
});

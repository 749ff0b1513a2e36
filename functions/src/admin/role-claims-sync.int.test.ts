// The claims follow users/{uid}.roles: the admin callables write the roles (with the audit entry)
// first and set the claims as a fast path; onProfileWrittenSyncRoleClaims repairs the claims when a
// callable stops in between. Here the callables "crash" right after their transaction (the Auth
// wrapper fails every call after the first), and the deployed trigger has to finish the job.
import type { Auth } from 'firebase-admin/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncRoleClaims } from '../accounts/roles';
import {
  createAuthUser,
  deleteUserData,
  emulatorsRunning,
  FakeMailer,
  isolatedDb,
  type TestAccount,
  testAuth,
  testDb,
  uniqueId,
  waitFor,
  waitForDoc,
} from '../../test/emulator';
import { decideEducatorApplication } from './decide-educator-application';
import { setUserRoles } from './set-user-roles';

const CRASH = 'simulated crash after the transaction';
const cleanup: string[] = [];
let admin: TestAccount;

/** Auth that answers the handler's first call and then "crashes": every later call fails. */
function authThatCrashesAfterFirstCall(): Auth {
  const auth = testAuth();
  let calls = 0;
  const crashAfterFirst = <T>(run: () => Promise<T>) => {
    calls += 1;
    return calls === 1 ? run() : Promise.reject(new Error(CRASH));
  };
  return {
    getUser: (uid: string) => crashAfterFirst(() => auth.getUser(uid)),
    setCustomUserClaims: (uid: string, claims: object | null) =>
      crashAfterFirst(() => auth.setCustomUserClaims(uid, claims)),
  } as unknown as Auth;
}

/** Auth that counts the claims it sets (to show a repeat delivery writes nothing). */
function countingAuth() {
  const auth = testAuth();
  const counter = { claimWrites: 0 };
  const wrapped = {
    getUser: (uid: string) => auth.getUser(uid),
    setCustomUserClaims: (uid: string, claims: object | null) => {
      counter.claimWrites += 1;
      return auth.setCustomUserClaims(uid, claims);
    },
  } as unknown as Auth;
  return { auth: wrapped, counter };
}

async function member(displayName: string, claims?: Record<string, unknown>): Promise<TestAccount> {
  const account = await createAuthUser({ displayName });
  cleanup.push(account.uid);
  await waitForDoc(testDb().doc(`users/${account.uid}`));
  // Set after the profile exists, as an earlier grant or another feature would have.
  if (claims) await testAuth().setCustomUserClaims(account.uid, claims);
  return account;
}

const claimsOf = async (uid: string) => (await testAuth().getUser(uid)).customClaims ?? {};
const rolesOf = async (uid: string) => (await testDb().doc(`users/${uid}`).get()).get('roles');
const waitForClaims = (uid: string, check: (claims: Record<string, unknown>) => boolean, what: string) =>
  waitFor(async () => check(await claimsOf(uid)), { what });

describe.skipIf(!emulatorsRunning)('role claims follow the profile (onProfileWrittenSyncRoleClaims)', () => {
  beforeAll(async () => {
    admin = await createAuthUser({ displayName: 'Admin Ann', claims: { admin: true } });
    cleanup.push(admin.uid);
    await waitForDoc(testDb().doc(`users/${admin.uid}`));
  });

  afterAll(async () => {
    for (const uid of cleanup) {
      await testDb().doc(`educatorApplications/${uid}`).delete();
      await isolatedDb().doc(`users/${uid}`).delete();
      await deleteUserData(testDb(), uid);
    }
  });

  it('repairs the educator claim of an approval that crashed before setting it', async () => {
    const pat = await member('Pat Crashwell', { beta: true });
    await testDb()
      .doc(`educatorApplications/${pat.uid}`)
      .set({
        uid: pat.uid,
        expertise: ['Pottery'],
        motivation: 'I have taught pottery evening classes for eight years.',
        status: 'pending',
        createdAt: new Date(),
      });

    await expect(
      decideEducatorApplication(
        { db: testDb(), auth: authThatCrashesAfterFirstCall(), now: new Date(), mailer: new FakeMailer() },
        admin.uid,
        { uid: pat.uid, decision: 'approve' },
      ),
    ).rejects.toThrow(CRASH);

    // The transaction committed as one: decision, roles and audit entry (with the names).
    expect((await testDb().doc(`educatorApplications/${pat.uid}`).get()).get('status')).toBe('approved');
    expect(await rolesOf(pat.uid)).toEqual(['learner', 'educator']);
    const audit = await testDb().collection('auditLog').where('targetUid', '==', pat.uid).get();
    expect(audit.docs.map((d) => d.data())).toEqual([
      expect.objectContaining({
        action: 'educatorApplication.approve',
        actorName: 'Admin Ann',
        targetName: 'Pat Crashwell',
      }),
    ]);

    // The handler never reached the claims; the trigger sets them, keeping the other claim.
    await waitForClaims(pat.uid, (c) => c.educator === true, 'the educator claim from the trigger');
    expect(await claimsOf(pat.uid)).toEqual({ beta: true, educator: true });

    // The admin repeating the decision finishes the rest (the notice) and records nothing new.
    const again = await decideEducatorApplication(
      { db: testDb(), auth: testAuth(), now: new Date(), mailer: new FakeMailer() },
      admin.uid,
      { uid: pat.uid, decision: 'approve' },
    );
    expect(again).toEqual({ uid: pat.uid, status: 'approved', alreadyDecided: true });
    expect((await testDb().collection('auditLog').where('targetUid', '==', pat.uid).get()).size).toBe(1);
    const notices = await testDb().collection(`notifications/${pat.uid}/items`).get();
    expect(notices.docs.filter((d) => d.get('type') === 'educator_application')).toHaveLength(1);
  });

  it('repairs a grant and a revocation by setUserRoles that crashed before the claims', async () => {
    const max = await member('Max Midway', { beta: true });
    const deps = () => ({
      db: testDb(),
      auth: authThatCrashesAfterFirstCall(),
      now: new Date(),
      mailer: new FakeMailer(),
    });

    await expect(
      setUserRoles(deps(), admin.uid, { uid: max.uid, role: 'admin', grant: true }),
    ).rejects.toThrow(CRASH);
    expect(await rolesOf(max.uid)).toEqual(['learner', 'admin']);
    await waitForClaims(max.uid, (c) => c.admin === true, 'the admin claim from the trigger');
    expect(await claimsOf(max.uid)).toEqual({ beta: true, admin: true });

    await expect(
      setUserRoles(deps(), admin.uid, { uid: max.uid, role: 'admin', grant: false }),
    ).rejects.toThrow(CRASH);
    expect(await rolesOf(max.uid)).toEqual(['learner']);
    await waitForClaims(max.uid, (c) => c.admin === undefined, 'the admin claim removed by the trigger');
    expect(await claimsOf(max.uid)).toEqual({ beta: true });

    // Both changes were audited once each, in the transactions that committed.
    const audit = await testDb().collection('auditLog').where('targetUid', '==', max.uid).get();
    expect(audit.docs.map((d) => d.get('details.grant')).sort()).toEqual([false, true]);
  });

  // The handler called directly on a database no trigger watches, so nothing races it.
  it('is idempotent: a repeat delivery of the same write changes nothing', async () => {
    const ivy = await member('Ivy Twice', { beta: true });
    await isolatedDb()
      .doc(`users/${ivy.uid}`)
      .set({ displayName: 'Ivy Twice', roles: ['learner', 'educator'] });
    const { auth, counter } = countingAuth();
    const event = [{ roles: ['learner'] }, { roles: ['learner', 'educator'] }] as const;

    expect(await syncRoleClaims({ auth, db: isolatedDb() }, ivy.uid, ...event)).toBe('claims-updated');
    expect(await claimsOf(ivy.uid)).toEqual({ beta: true, educator: true });
    expect(counter.claimWrites).toBe(1);

    expect(await syncRoleClaims({ auth, db: isolatedDb() }, ivy.uid, ...event)).toBe('in-sync');
    expect(await claimsOf(ivy.uid)).toEqual({ beta: true, educator: true });
    expect(counter.claimWrites).toBe(1);
  });

  it('reads the profile fresh: a late delivery of an older write converges on the current roles', async () => {
    const lou = await member('Lou Late', { educator: true });
    // The educator role was revoked and granted again; the revocation's event arrives last.
    await isolatedDb()
      .doc(`users/${lou.uid}`)
      .set({ displayName: 'Lou Late', roles: ['learner', 'educator'] });
    const { auth, counter } = countingAuth();
    const result = await syncRoleClaims(
      { auth, db: isolatedDb() },
      lou.uid,
      { roles: ['learner', 'educator'] },
      { roles: ['learner'] },
    );
    expect(result).toBe('in-sync');
    expect(await claimsOf(lou.uid)).toEqual({ educator: true });
    expect(counter.claimWrites).toBe(0);
  });

  it('leaves claims alone when the write did not change the roles, or created the profile from older claims', async () => {
    const ada = await member('Ada Early', { admin: true });
    await isolatedDb()
      .doc(`users/${ada.uid}`)
      .set({ displayName: 'Ada Early', roles: ['learner'] });
    const { auth, counter } = countingAuth();
    const deps = { auth, db: isolatedDb() };
    // A new profile (made from the claims read at sign-up, before the admin claim was set).
    expect(await syncRoleClaims(deps, ada.uid, null, { roles: ['learner'] })).toBe('roles-unchanged');
    // A write to other fields.
    expect(
      await syncRoleClaims(deps, ada.uid, { roles: ['learner'], bio: 'a' }, { roles: ['learner'], bio: 'b' }),
    ).toBe('roles-unchanged');
    expect(await claimsOf(ada.uid)).toEqual({ admin: true });
    expect(counter.claimWrites).toBe(0);
  });

  it('does nothing, without failing, for a deleted profile or a profile without a sign-in account', async () => {
    const ghost = uniqueId('ghost');
    cleanup.push(ghost);
    await isolatedDb()
      .doc(`users/${ghost}`)
      .set({ displayName: 'Ghost', roles: ['learner', 'educator'] });
    const deps = { auth: testAuth(), db: isolatedDb() };
    expect(
      await syncRoleClaims(deps, ghost, { roles: ['learner'] }, { roles: ['learner', 'educator'] }),
    ).toBe('no-account');
    expect(await syncRoleClaims(deps, ghost, { roles: ['learner', 'educator'] }, null)).toBe('no-profile');
  });
});

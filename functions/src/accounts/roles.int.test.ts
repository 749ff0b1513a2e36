import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createAuthUser,
  deleteUserData,
  emulatorsRunning,
  testAuth,
  testDb,
  uniqueId,
  waitForDoc,
} from '../../test/emulator';
import { setRoleClaims } from './roles';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const cleanup: string[] = [];
afterAll(async () => {
  if (!emulatorsRunning) return;
  for (const uid of cleanup) await deleteUserData(testDb(), uid);
});

describe.skipIf(!emulatorsRunning)('setRoleClaims', () => {
  it('merges role claims, keeps other claims and mirrors roles on the profile', async () => {
    const db = testDb();
    const auth = testAuth();
    const account = await createAuthUser({ claims: { beta: true } });
    cleanup.push(account.uid);
    await waitForDoc(db.doc(`users/${account.uid}`));

    const granted = await setRoleClaims(account.uid, { educator: true }, { auth, db });
    expect(granted).toMatchObject({ roles: ['learner', 'educator'], profileUpdated: true });
    expect((await auth.getUser(account.uid)).customClaims).toEqual({ beta: true, educator: true });
    expect((await db.doc(`users/${account.uid}`).get()).get('roles')).toEqual(['learner', 'educator']);

    await setRoleClaims(account.uid, { admin: true }, { auth, db });
    const revoked = await setRoleClaims(account.uid, { educator: false }, { auth, db });
    expect(revoked.roles).toEqual(['learner', 'admin']);
    expect((await auth.getUser(account.uid)).customClaims).toEqual({ beta: true, admin: true });
    expect((await db.doc(`users/${account.uid}`).get()).get('roles')).toEqual(['learner', 'admin']);
  });
});

describe.skipIf(!emulatorsRunning)('scripts/make-admin.ts', () => {
  it('grants the admin claim to an existing account and says what it did', async () => {
    const db = testDb();
    const account = await createAuthUser();
    cleanup.push(account.uid);
    await waitForDoc(db.doc(`users/${account.uid}`));

    const { stdout } = await run('npx', ['tsx', 'scripts/make-admin.ts', account.email], { cwd: ROOT });
    expect(stdout).toContain(`Granted admin to ${account.email}`);
    expect(stdout).toContain('emulators');
    expect((await testAuth().getUser(account.uid)).customClaims).toEqual({ admin: true });
    expect((await db.doc(`users/${account.uid}`).get()).get('roles')).toEqual(['learner', 'admin']);
  });

  it('fails with a clear message when no account has that email', async () => {
    const email = `${uniqueId('nobody')}@example.test`;
    const failure = await run('npx', ['tsx', 'scripts/make-admin.ts', email], { cwd: ROOT }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(`No account with the email ${email}`);
  });
});

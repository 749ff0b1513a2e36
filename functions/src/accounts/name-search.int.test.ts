import { afterAll, describe, expect, it } from 'vitest';
import {
  createAuthUser,
  deleteUserData,
  emulatorsRunning,
  testDb,
  waitForDoc,
  writeRetrying,
} from '../../test/emulator';

const cleanup: string[] = [];
afterAll(async () => {
  if (!emulatorsRunning) return;
  for (const uid of cleanup) await deleteUserData(testDb(), uid);
});

describe.skipIf(!emulatorsRunning)('users/{uid}.nameLower (admin name search)', () => {
  it('is set on sign-up and follows every display-name change', async () => {
    const account = await createAuthUser({ displayName: '  Zoë   Van Dyke ' });
    cleanup.push(account.uid);
    const ref = testDb().doc(`users/${account.uid}`);
    const created = await waitForDoc(ref);
    expect(created.get('nameLower')).toBe('zoë van dyke');

    await writeRetrying(() => ref.update({ displayName: 'Zoe McIntyre' }));
    const renamed = await waitForDoc(ref, (snap) => snap.get('nameLower') === 'zoe mcintyre');
    expect(renamed.get('displayName')).toBe('Zoe McIntyre');

    // A profile written without the key (e.g. imported) gets it too.
    await writeRetrying(() => ref.update({ nameLower: null }));
    await waitForDoc(ref, (snap) => snap.get('nameLower') === 'zoe mcintyre');
  });
});

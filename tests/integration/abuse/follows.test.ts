// Follower counts (issue 16 §3): an educator's follower count is shown publicly, so it is a kind
// of standing. It follows only from members who pressed Follow (the followEducator callable, one
// per member, never oneself); no client writes a follower, the count or a fan-out job, and
// following earns nobody points.
import { followEducator } from '@skillverse/domain/contracts/follows';
import { doc, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Attacker,
  closeAttackers,
  emulatorsRunning,
  expectNothingMinted,
  expectRefused,
  grantRoles,
  newAttacker,
  rewardsOf,
  testDb,
} from './support';
import { counterOf } from '../../../functions/test/counters';

afterAll(closeAttackers);

const countOf = async (uid: string) => (await counterOf(`users/${uid}`, 'followerCount')) ?? 0;
const followers = async (uid: string) => (await testDb().collection(`users/${uid}/followers`).get()).size;

async function denied(write: Promise<unknown>): Promise<string> {
  try {
    await write;
    return 'allowed';
  } catch (error) {
    return String((error as { code?: string }).code);
  }
}

describe.skipIf(!emulatorsRunning)('abuse: forged followers', () => {
  let educator: Attacker;
  let sock: Attacker;

  it('an educator cannot write their own count, follow themselves, or have a sock follow twice', async () => {
    [educator, sock] = await Promise.all([newAttacker('edu'), newAttacker('sock')]);
    await grantRoles(educator, { educator: true });
    const before = await rewardsOf(educator.uid);

    // 1. Write the public count directly.
    expect(await denied(updateDoc(doc(educator.db, 'users', educator.uid), { followerCount: 5000 }))).toBe(
      'permission-denied',
    );
    // 2. Follow yourself.
    expectRefused(
      await educator.call(followEducator, { educatorId: educator.uid, follow: true }),
      'invalid-argument',
    );
    // 3. Write follower documents directly (as yourself, as the sock, under made-up ids).
    const forged = { uid: sock.uid, educatorId: educator.uid, createdAt: serverTimestamp() };
    expect(await denied(setDoc(doc(sock.db, 'users', educator.uid, 'followers', sock.uid), forged))).toBe(
      'permission-denied',
    );
    expect(await denied(setDoc(doc(educator.db, 'users', educator.uid, 'followers', 'fan-1'), forged))).toBe(
      'permission-denied',
    );
    // 4. Announce to followers by writing a fan-out job directly.
    expect(
      await denied(
        setDoc(doc(educator.db, 'fanouts', 'session_fake'), {
          kind: 'session_scheduled',
          educatorId: educator.uid,
          status: 'running',
          cursor: null,
        }),
      ),
    ).toBe('permission-denied');
    expect(await countOf(educator.uid)).toBe(0);
    expect(await followers(educator.uid)).toBe(0);

    // 5. The sock follows many times at once: one follower.
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => sock.call(followEducator, { educatorId: educator.uid, follow: true })),
    );
    for (const a of answers) expect(a.ok, a.ok ? '' : a.message).toBe(true);
    expect(await countOf(educator.uid)).toBe(1);
    expect(await followers(educator.uid)).toBe(1);

    // 6. Unfollow twice, follow again: still exactly the documents.
    await sock.call(followEducator, { educatorId: educator.uid, follow: false });
    await sock.call(followEducator, { educatorId: educator.uid, follow: false });
    expect(await countOf(educator.uid)).toBe(0);
    await sock.call(followEducator, { educatorId: educator.uid, follow: true });
    expect(await countOf(educator.uid)).toBe(1);

    // Following rewards nobody with points, badges or stats.
    expectNothingMinted(before, await rewardsOf(educator.uid), 'being followed');
  });

  it('a learner cannot be followed (no count to inflate on a non-educator profile)', async () => {
    const [learner, fan] = await Promise.all([newAttacker('learner'), newAttacker('fan')]);
    expectRefused(
      await fan.call(followEducator, { educatorId: learner.uid, follow: true }),
      'failed-precondition',
    );
    expect(await countOf(learner.uid)).toBe(0);
    expect(await followers(learner.uid)).toBe(0);
  });
});

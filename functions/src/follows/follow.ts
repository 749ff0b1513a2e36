// followEducator: a member follows or unfollows an educator. The follower document and one shard
// of the educator's followerCount change in one transaction, so the count (profile + shards, folded
// into the profile within seconds: lib/sharded-counter.ts) is exactly the number of follower
// documents: a retried or repeated call changes nothing, and no client writes either. The
// educator's profile is read before the transaction, so a popular educator's new followers don't
// contend on it.
import type { FollowEducatorResponse } from '@skillverse/domain/contracts/follows';
import { followRefusal } from '@skillverse/domain/follows';
import { num, strList } from '@skillverse/domain/fields';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { followEducator as followEducatorContract } from '@skillverse/domain/contracts/follows';
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { followerRef } from '../lib/data/follows';
import { userRef } from '../lib/data/users';
import { failedPrecondition, notFound } from '../lib/errors';
import { runCallableTransaction } from '../lib/firestore';
import { requireActiveUser } from '../lib/guards';
import { incrementSharded, readShardedCounters } from '../lib/sharded-counter';

export type FollowEducatorInput = ParsedRequestOf<typeof followEducatorContract>;

export async function followEducator(
  deps: { db: Firestore; now: Date },
  callerId: string,
  input: FollowEducatorInput,
): Promise<FollowEducatorResponse> {
  const { db, now } = deps;
  const { educatorId, follow } = input;
  if (follow && callerId === educatorId) {
    throw new HttpsError('invalid-argument', 'You can’t follow yourself.');
  }
  await requireActiveUser(db, callerId);
  const educatorRef = userRef(db, educatorId);
  const ref = followerRef(db, educatorId, callerId);

  const educator = await educatorRef.get();
  const following = await runCallableTransaction(db, async (tx) => {
    const existing = await tx.get(ref);
    const following = existing.exists;
    if (follow === following) return following;

    if (follow) {
      const refusal = followRefusal(callerId, educatorId, {
        exists: educator.exists,
        roles: strList(educator.get('roles')),
      });
      if (refusal === 'no-profile') throw notFound(`Educator ${educatorId}`);
      if (refusal === 'not-educator') throw failedPrecondition('Only educators can be followed.');
      if (refusal === 'self') throw new HttpsError('invalid-argument', 'You can’t follow yourself.');
      tx.create(ref, { uid: callerId, educatorId, createdAt: now });
      incrementSharded(tx, educatorRef, callerId, { followerCount: 1 }, now);
      return true;
    }

    tx.delete(ref);
    // The educator's profile may be gone; the follower document goes regardless.
    if (educator.exists) incrementSharded(tx, educatorRef, callerId, { followerCount: -1 }, now);
    return false;
  });
  // The count right after this change (profile + pending shards, one snapshot).
  const counters = educator.exists ? await readShardedCounters(db, educatorRef) : undefined;
  return { educatorId, following, followerCount: Math.max(0, num(counters?.followerCount)) };
}

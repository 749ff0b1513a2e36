// followEducator: a member follows or unfollows an educator. The follower document and the
// educator's public followerCount change in one transaction, so the count is exactly the number of
// follower documents: a retried or repeated call changes nothing, and no client writes either.
import type { FollowEducatorResponse } from '@skillverse/domain/contracts/follows';
import { followRefusal } from '@skillverse/domain/follows';
import { num, strList } from '@skillverse/domain/fields';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { followEducator as followEducatorContract } from '@skillverse/domain/contracts/follows';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { followerRef } from '../lib/data/follows';
import { userRef } from '../lib/data/users';
import { failedPrecondition, notFound } from '../lib/errors';
import { runCallableTransaction } from '../lib/firestore';
import { requireActiveUser } from '../lib/guards';

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

  return runCallableTransaction(db, async (tx) => {
    const [educator, existing] = await tx.getAll(educatorRef, ref);
    const count = Math.max(0, num(educator?.get('followerCount')));
    const following = Boolean(existing?.exists);
    if (follow === following) return { educatorId, following, followerCount: count };

    if (follow) {
      const refusal = followRefusal(callerId, educatorId, {
        exists: Boolean(educator?.exists),
        roles: strList(educator?.get('roles')),
      });
      if (refusal === 'no-profile') throw notFound(`Educator ${educatorId}`);
      if (refusal === 'not-educator') throw failedPrecondition('Only educators can be followed.');
      if (refusal === 'self') throw new HttpsError('invalid-argument', 'You can’t follow yourself.');
      tx.create(ref, { uid: callerId, educatorId, createdAt: now });
      tx.update(educatorRef, { followerCount: FieldValue.increment(1) });
      return { educatorId, following: true, followerCount: count + 1 };
    }

    tx.delete(ref);
    // The educator's profile may be gone; the follower document goes regardless.
    if (educator?.exists) tx.update(educatorRef, { followerCount: FieldValue.increment(-1) });
    return { educatorId, following: false, followerCount: Math.max(0, count - 1) };
  });
}

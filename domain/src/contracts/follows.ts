// Following educators (issue 16 §3): the one write a follower makes. The server keeps the follower
// document and the educator's public followerCount in one transaction, so no client sets either.
import { defineCallable } from './callable';
import { userId } from './ids';
import { z } from './zod';

export interface FollowEducatorResponse {
  educatorId: string;
  /** Whether the caller follows the educator after the call. */
  following: boolean;
  /** The educator's follower count after the call. */
  followerCount: number;
}

/**
 * { educatorId, follow } → follow or unfollow an educator. Idempotent: following twice (or
 * unfollowing someone not followed) changes nothing and answers the current state.
 */
export const followEducator = defineCallable<FollowEducatorResponse>()(
  'followEducator',
  z.strictObject({
    educatorId: userId('educatorId'),
    follow: z.boolean({ error: 'follow must be true or false' }),
  }),
);

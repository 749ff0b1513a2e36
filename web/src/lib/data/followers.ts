// users/{educatorId}/followers/{followerId} (issue 16 §3): who follows an educator. Written only by
// the followEducator callable; the follower reads their own document ("am I following?"), the
// educator reads the list. The public count is users/{uid}.followerCount (users.ts).
import { collection, doc, type FirestoreDataConverter } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { docSource } from '@/lib/firestore/live-source';
import { dateOrNow, obj, readOnlyConverter, str } from '@/lib/firestore/parse';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export interface Follower {
  uid: string;
  educatorId: string;
  createdAt: Date;
}

export function parseFollower(id: string, data: unknown): Follower {
  const d = obj(data);
  return { uid: id, educatorId: str(d.educatorId), createdAt: dateOrNow(d.createdAt) };
}

export const followerConverter: FirestoreDataConverter<Follower> = readOnlyConverter(
  'followers',
  parseFollower,
);

export const followerPaths = {
  followers: (educatorId: string) => `users/${educatorId}/followers`,
  follower: (educatorId: string, followerId: string) => `users/${educatorId}/followers/${followerId}`,
} as const;

export const followersRef = (educatorId: string) =>
  collection(db, followerPaths.followers(educatorId)).withConverter(followerConverter);
export const followerRef = (educatorId: string, followerId: string) =>
  doc(db, followerPaths.follower(educatorId, followerId)).withConverter(followerConverter);

/** The signed-in member's own follow of an educator, live; null data: not following. */
export function followingQueryOptions(educatorId: string, uid: string | undefined) {
  return liveQueryOptions(
    ['users', educatorId, 'followers', uid ?? null] as const,
    uid ? docSource(followerRef(educatorId, uid)) : null,
  );
}

export function useFollowing(educatorId: string, uid: string | undefined) {
  return useLiveQuery(followingQueryOptions(educatorId, uid));
}

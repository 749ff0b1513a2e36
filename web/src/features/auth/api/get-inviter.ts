import { queryOptions, useQuery } from '@tanstack/react-query';
import { getDoc } from 'firebase/firestore';
import { userRef } from '@/lib/data/users';

/** The display name of the person whose invite link brought the visitor here (public profile). */
export async function getInviterName(uid: string): Promise<string | null> {
  const snap = await getDoc(userRef(uid));
  const profile = snap.exists() ? snap.data() : null;
  return profile && profile.status === 'active' ? profile.displayName || null : null;
}

export function inviterQueryOptions(uid: string | null) {
  return queryOptions({
    queryKey: ['users', uid, 'inviter-name'] as const,
    queryFn: () => getInviterName(uid as string),
    enabled: Boolean(uid),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Null while loading, for an unknown or inactive referrer, or without an invite. */
export function useInviterName(uid: string | null) {
  return useQuery(inviterQueryOptions(uid)).data ?? null;
}

import { normaliseSkill } from '@skillverse/domain/skills';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getDocs, limit, query, where } from 'firebase/firestore';
import { usersRef } from '@/lib/data/users';
import { LiveQueryError } from '@/lib/firestore/live-source';
import type { UserProfile } from '@skillverse/domain/models';

export const SEARCH_LIMIT = 20;

/** People who offer a skill: one indexed query on the normalised `offeredSkillKeys`. */
export async function searchPeopleBySkill(term: string): Promise<UserProfile[]> {
  const key = normaliseSkill(term);
  if (!key) return [];
  try {
    const users = usersRef();
    const snap = await getDocs(
      query(users, where('offeredSkillKeys', 'array-contains', key), limit(SEARCH_LIMIT)),
    );
    return snap.docs.map((d) => d.data()).filter((p) => p.status === 'active');
  } catch (error) {
    throw LiveQueryError.from(error);
  }
}

export function searchPeopleQueryOptions(term: string) {
  const key = normaliseSkill(term);
  return queryOptions({
    queryKey: ['exchange', 'search', key] as const,
    queryFn: () => searchPeopleBySkill(key),
    enabled: key.length > 0,
    staleTime: 60_000,
  });
}

export function useSearchPeople(term: string) {
  return useQuery(searchPeopleQueryOptions(term));
}

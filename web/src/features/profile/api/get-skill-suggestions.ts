import { queryOptions, useQuery } from '@tanstack/react-query';
import { getDocs, limit, orderBy, query } from 'firebase/firestore';
import { skillsRef } from '@/lib/data/skills';

/** How many of the most-used skill names the editor suggests. */
export const SKILL_SUGGESTION_LIMIT = 300;

/**
 * Skill names already on the platform, most used first, from the skill directory (skills/{key},
 * kept by a trigger): one query, cached for the session.
 */
export async function getSkillSuggestions(): Promise<string[]> {
  const snap = await getDocs(query(skillsRef(), orderBy('userCount', 'desc'), limit(SKILL_SUGGESTION_LIMIT)));
  const names = snap.docs
    .map((d) => d.get('name'))
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  return [...new Set(names)];
}

export function skillSuggestionsQueryOptions() {
  return queryOptions({
    queryKey: ['skills', 'suggestions'] as const,
    queryFn: getSkillSuggestions,
    staleTime: 10 * 60_000,
  });
}

export function useSkillSuggestions() {
  return useQuery(skillSuggestionsQueryOptions());
}

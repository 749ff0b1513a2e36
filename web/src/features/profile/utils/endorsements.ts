import type { UserProfile } from '@skillverse/domain/models';
import { normaliseSkill } from '@skillverse/domain/skills';

export interface EndorsedSkill {
  key: string;
  name: string;
  count: number;
  endorsers: UserProfile['endorsers'][string];
}

/** The profile's endorsed skills, most endorsed first, named as the person spells them. */
export function endorsedSkills(
  profile: Pick<UserProfile, 'endorsements' | 'endorsers' | 'skills' | 'offeredSkills'>,
) {
  const names = new Map<string, string>();
  for (const s of [...profile.offeredSkills, ...profile.skills]) {
    const key = normaliseSkill(s.name);
    if (!names.has(key)) names.set(key, s.name);
  }
  return Object.entries(profile.endorsements)
    .filter(([, count]) => count > 0)
    .map(([key, count]) => ({
      key,
      name: names.get(key) ?? key.replace(/\b\w/g, (c) => c.toUpperCase()),
      count,
      endorsers: profile.endorsers[key] ?? [],
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

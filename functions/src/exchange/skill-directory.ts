// skills/{key}: the platform's skill directory — how many people offer and want each normalised
// skill — which the profile editor reads (one query) to suggest names already in use. Counts are
// recomputed with aggregation queries for the keys a profile write touched, so a repeated or
// out-of-order delivery converges on the exact figures instead of drifting.
import { isStorableSkillKey, normaliseSkill, type SkillLike, skillName } from '@skillverse/domain/skills';
import { logger } from 'firebase-functions';
import type { Firestore } from 'firebase-admin/firestore';
import { isRecord } from '../lib/firestore';
import { usersCol } from '../lib/data/users';
import { skillRef } from '../lib/data/skills';
import { computeNeighbours, directoryKeys, type NeighbourDeps, storeNeighbours } from './skill-neighbours';

type ProfileData = Record<string, unknown> | null;

function keysOf(data: ProfileData, field: 'offeredSkillKeys' | 'desiredSkillKeys'): string[] {
  const value = data?.[field];
  return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string' && k !== '') : [];
}

/** The normalised keys whose counts a profile write may have changed. */
export function touchedSkillKeys(before: ProfileData, after: ProfileData): string[] {
  const touched = new Set<string>();
  for (const field of ['offeredSkillKeys', 'desiredSkillKeys'] as const) {
    const a = new Set(keysOf(before, field));
    const b = new Set(keysOf(after, field));
    for (const k of a) if (!b.has(k)) touched.add(k);
    for (const k of b) if (!a.has(k)) touched.add(k);
  }
  return [...touched].sort();
}

/** The name people see for a key: the first way this profile spelled it, else the key itself. */
function displayNameFor(key: string, profile: ProfileData): string {
  for (const field of ['offeredSkills', 'desiredSkills', 'skills'] as const) {
    const list = profile?.[field];
    if (!Array.isArray(list)) continue;
    for (const s of list) {
      const name = skillName(isRecord(s) || typeof s === 'string' ? (s as SkillLike) : null).trim();
      if (name && normaliseSkill(name) === key) return name;
    }
  }
  return key;
}

/**
 * Recounts each key and writes skills/{key}; a key nobody lists any more is removed. A key new to
 * the directory (or without neighbours yet) gets its nearest neighbours, and joins theirs.
 */
export async function refreshSkillDirectory(
  db: Firestore,
  keys: readonly string[],
  profile: ProfileData,
  now: Date = new Date(),
  deps: NeighbourDeps = {},
): Promise<Record<string, { offeredCount: number; desiredCount: number }>> {
  const users = usersCol(db);
  const out: Record<string, { offeredCount: number; desiredCount: number }> = {};
  let directory: string[] | null = null;
  for (const key of keys) {
    // A key no document can be named by (an over-long name stored before the cap) is skipped:
    // throwing would make this retry: true trigger fail forever.
    if (!isStorableSkillKey(key)) {
      logger.warn('skill directory: skipped a key that cannot be a document id', {
        length: key.length,
        key: key.slice(0, 80),
      });
      continue;
    }
    const [offered, desired] = await Promise.all([
      users.where('offeredSkillKeys', 'array-contains', key).count().get(),
      users.where('desiredSkillKeys', 'array-contains', key).count().get(),
    ]);
    const offeredCount = offered.data().count;
    const desiredCount = desired.data().count;
    out[key] = { offeredCount, desiredCount };
    const ref = skillRef(db, key);
    if (offeredCount + desiredCount === 0) {
      await ref.delete();
      continue;
    }
    const existing = await ref.get();
    await ref.set(
      {
        key,
        name: existing.exists ? existing.get('name') : displayNameFor(key, profile),
        offeredCount,
        desiredCount,
        userCount: offeredCount + desiredCount,
        updatedAt: now,
      },
      { merge: true },
    );
    if (!existing.exists || !Array.isArray(existing.get('neighbours'))) {
      directory ??= await directoryKeys(db);
      await storeNeighbours(db, key, await computeNeighbours(key, directory, deps));
    }
  }
  return out;
}

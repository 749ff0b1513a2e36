// Nearest neighbours of each skill in the directory (skills/{key}.neighbours, issue 16 item 8).
// Offline: the related-skills table plus string similarity against the directory's keys
// (domain/src/skill-neighbours.ts). With an OpenAI key: also the directory keys whose embeddings
// are closest. Lists are kept symmetric: a new key is added to its neighbours' lists too.
import {
  mergeNeighbours,
  offlineNeighbours,
  readNeighbours,
  type SkillNeighbour,
} from '@skillverse/domain/skill-neighbours';
import { isStorableSkillKey, SEMANTIC_THRESHOLD } from '@skillverse/domain/skills';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { runTransactionRetrying } from '../lib/firestore';
import { skillRef, skillsCol } from '../lib/data/skills';
import type { Similarity } from './skill-embeddings';

/**
 * Directory keys compared with a new skill. The directory holds what people list (thousands at
 * most); past this the rarest skills are not compared offline (documented limit).
 */
export const DIRECTORY_SCAN_LIMIT = 5000;

export interface NeighbourDeps {
  /** Embedding similarity over these keys (OpenAI), or null when unavailable. */
  similarityFor?: ((keys: string[]) => Promise<Similarity | null>) | undefined;
}

/** The keys in the skill directory, most listed first (one projection query, no documents' data). */
export async function directoryKeys(db: Firestore): Promise<string[]> {
  const snap = await skillsCol(db).orderBy('userCount', 'desc').select().limit(DIRECTORY_SCAN_LIMIT).get();
  return snap.docs.map((d) => d.id);
}

/** The nearest neighbours of `key` among `directory`: offline rules, plus embeddings when configured. */
export async function computeNeighbours(
  key: string,
  directory: readonly string[],
  deps: NeighbourDeps = {},
): Promise<SkillNeighbour[]> {
  const offline = offlineNeighbours(key, directory);
  if (!deps.similarityFor || directory.length === 0) return offline;
  const others = directory.filter((k) => k !== key);
  const similarity = await deps.similarityFor([key, ...others]);
  if (!similarity) return offline;
  const embedded: SkillNeighbour[] = [];
  for (const other of others) {
    const s = similarity(key, other);
    if (s >= SEMANTIC_THRESHOLD) embedded.push({ key: other, similarity: s, source: 'embedding' });
  }
  return mergeNeighbours(key, [offline, embedded]);
}

/**
 * Stores `key`'s neighbours and adds `key` to each neighbour's own list (kept closest-first and
 * capped), so a later seeker of the neighbour finds people who list `key`. Idempotent.
 */
export async function storeNeighbours(db: Firestore, key: string, neighbours: readonly SkillNeighbour[]) {
  try {
    await skillRef(db, key).update({ neighbours: [...neighbours] });
  } catch (error) {
    // The last person listing it left meanwhile: the directory removed it, nothing to keep.
    if ((error as { code?: unknown }).code === 5) return;
    throw error;
  }
  for (const n of neighbours) {
    if (!isStorableSkillKey(n.key)) continue;
    await runTransactionRetrying(db, async (tx) => {
      const ref = skillRef(db, n.key);
      const snap = await tx.get(ref);
      // Only skills someone lists are in the directory; a related-table key nobody lists yet gets its
      // list when someone first lists it.
      if (!snap.exists) return;
      const current = readNeighbours(snap.get('neighbours'));
      const merged = mergeNeighbours(n.key, [current, [{ key, similarity: n.similarity, source: n.source }]]);
      if (JSON.stringify(merged) !== JSON.stringify(current)) tx.update(ref, { neighbours: merged });
    });
  }
}

/**
 * The neighbours of each of `keys` for a candidate query: the stored list where the directory has
 * one, else computed now (the directory trigger may not have run yet for a brand-new skill).
 */
export async function neighboursOf(
  db: Firestore,
  keys: readonly string[],
  deps: NeighbourDeps = {},
): Promise<Map<string, SkillNeighbour[]>> {
  const out = new Map<string, SkillNeighbour[]>();
  const storable = [...new Set(keys)].filter(isStorableSkillKey);
  if (storable.length === 0) return out;
  const snaps = await db.getAll(...storable.map((k) => skillRef(db, k)));
  let directory: string[] | null = null;
  for (const snap of snaps) {
    const stored = snap.exists ? snap.get('neighbours') : undefined;
    if (Array.isArray(stored)) {
      out.set(snap.id, mergeNeighbours(snap.id, [readNeighbours(stored), offlineNeighbours(snap.id, [])]));
      continue;
    }
    try {
      directory ??= await directoryKeys(db);
      out.set(snap.id, await computeNeighbours(snap.id, directory, deps));
    } catch (error) {
      logger.warn('skill neighbours unavailable; matching on the related-skills table only', {
        key: snap.id.slice(0, 80),
        reason: error instanceof Error ? error.message : String(error),
      });
      out.set(snap.id, offlineNeighbours(snap.id, []));
    }
  }
  return out;
}

// Semantic skill similarity with OpenAI embeddings (SPEC §5.3, §7). One embedding per normalised
// skill key, cached in skillEmbeddings/{key} (server-only) so each skill is embedded once.
import { cosineSimilarity } from '@skillverse/domain/skills';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { skillEmbeddingsCol } from '../lib/data/skills';
import { EMBEDDING_MODEL, type EmbeddingConfig, requestEmbeddings } from '../lib/embedding-config';

export type Similarity = (a: string, b: string) => number;

/** Firestore document ids may not contain '/' nor be '.' or '..'; skill keys never contain '/'. */
function docIdFor(key: string): string | null {
  return key && !key.includes('/') && key !== '.' && key !== '..' && key.length <= 500 ? key : null;
}

/**
 * Embeddings of `keys` (cached ones read from Firestore, missing ones fetched in one request and
 * stored), as a similarity function. Returns null when the API fails: matching then falls back to
 * normalised comparison.
 */
export async function embeddingSimilarity(
  db: Firestore,
  keys: readonly string[],
  config: EmbeddingConfig,
  now: Date = new Date(),
): Promise<Similarity | null> {
  const model = config.model ?? EMBEDDING_MODEL;
  const wanted = [...new Set(keys)].filter((k) => docIdFor(k) !== null);
  if (wanted.length === 0) return () => 0;
  const vectors = new Map<string, number[]>();
  const col = skillEmbeddingsCol(db);
  const snaps = await db.getAll(...wanted.map((k) => col.doc(k)));
  for (const snap of snaps) {
    const vector = snap.get('vector');
    if (snap.exists && snap.get('model') === model && Array.isArray(vector)) vectors.set(snap.id, vector);
  }
  const missing = wanted.filter((k) => !vectors.has(k));
  if (missing.length > 0) {
    try {
      const data = await requestEmbeddings(config, model, missing);
      const batch = db.batch();
      for (const item of data) {
        const key = missing[item.index];
        if (!key || !Array.isArray(item.embedding)) continue;
        vectors.set(key, item.embedding);
        batch.set(col.doc(key), { key, model, vector: item.embedding, createdAt: now });
      }
      await batch.commit();
    } catch (error) {
      logger.warn('skill embeddings unavailable; matching by normalised names only', {
        missing: missing.length,
        reason: error instanceof Error ? error.message : String(error),
      });
      return null;
    }
  }
  return (a, b) => {
    if (a === b) return 1;
    const va = vectors.get(a);
    const vb = vectors.get(b);
    return va && vb ? cosineSimilarity(va, vb) : 0;
  };
}

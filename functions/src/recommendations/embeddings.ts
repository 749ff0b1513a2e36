// Stored OpenAI embeddings for recommendations: one per course (courseEmbeddings/{courseId}) and
// one per profile (users/{uid}/private/embedding), each with the hash of the text it was computed
// from, so an embedding is computed once per content change. Both paths are server-only.
import { createHash } from 'node:crypto';
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { EMBEDDING_MODEL, type EmbeddingConfig, requestEmbeddings } from '../lib/embedding-config';

export function textHash(model: string, text: string): string {
  return createHash('sha256').update(`${model}\n${text}`).digest('hex');
}

export interface EmbeddingRequest {
  ref: DocumentReference;
  text: string;
}

export interface EmbeddingResult {
  /** Document path → vector. */
  vectors: Map<string, number[]>;
  /** How many texts were sent to the API (0 when every stored embedding was current). */
  computed: number;
}

/**
 * Vectors for `items`: stored ones whose text hash still matches are reused; the rest are fetched
 * in one request and stored. Null when the API fails (recommendations then use overlap only).
 */
export async function storedEmbeddings(
  db: Firestore,
  items: readonly EmbeddingRequest[],
  config: EmbeddingConfig,
  now: Date = new Date(),
): Promise<EmbeddingResult | null> {
  const model = config.model ?? EMBEDDING_MODEL;
  const vectors = new Map<string, number[]>();
  if (items.length === 0) return { vectors, computed: 0 };
  const hashes = items.map((i) => textHash(model, i.text));
  const snaps = await db.getAll(...items.map((i) => i.ref));
  const missing: number[] = [];
  snaps.forEach((snap, i) => {
    const vector = snap.get('vector');
    if (snap.exists && snap.get('hash') === hashes[i] && Array.isArray(vector)) {
      vectors.set(snap.ref.path, vector as number[]);
    } else {
      missing.push(i);
    }
  });
  if (missing.length === 0) return { vectors, computed: 0 };
  try {
    const data = await requestEmbeddings(
      config,
      model,
      missing.map((i) => items[i]!.text),
    );
    const batch = db.batch();
    for (const item of data) {
      const index = missing[item.index];
      if (index === undefined || !Array.isArray(item.embedding)) continue;
      const { ref } = items[index]!;
      vectors.set(ref.path, item.embedding);
      batch.set(ref, { model, hash: hashes[index], vector: item.embedding, updatedAt: now });
    }
    await batch.commit();
    return { vectors, computed: missing.length };
  } catch (error) {
    logger.warn('recommendation embeddings unavailable; ranking by overlap only', {
      missing: missing.length,
      reason: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
}

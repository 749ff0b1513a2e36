// Telling imported documents (seed data, migrations) from live ones in triggers.
import { toDate } from './firestore';

/**
 * Documents created longer ago than this when their trigger runs are imports (seed data,
 * migrations) that arrive with their derived values; they notify nobody and change no ratings.
 */
export const IMPORT_WINDOW_MS = 60 * 60 * 1000;

export function isFresh(createdAt: unknown, now: Date): boolean {
  const at = toDate(createdAt);
  return !at || now.getTime() - at.getTime() <= IMPORT_WINDOW_MS;
}

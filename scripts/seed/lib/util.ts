// Small pure helpers for the seed: relative times, deterministic ids, thumbnails. (Search tokens
// come from @skillverse/domain/courses-api, shared with the functions that keep them current.)
import { createHash } from 'node:crypto';
import type { Category } from '@skillverse/domain/models';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A clock relative to one fixed `now`, so a whole seed run agrees on time. */
export interface Clock {
  now: Date;
  daysAgo(days: number, extraHours?: number): Date;
  hoursFromNow(hours: number): Date;
  minutesFrom(base: Date, minutes: number): Date;
}

export function clock(now: Date): Clock {
  const t = now.getTime();
  return {
    now,
    daysAgo: (days, extraHours = 0) => new Date(t - days * DAY - extraHours * HOUR),
    hoursFromNow: (hours) => new Date(t + hours * HOUR),
    minutesFrom: (base, minutes) => new Date(base.getTime() + minutes * MINUTE),
  };
}

/** Linear interpolation between two instants (0 → a, 1 → b). */
export function between(a: Date, b: Date, fraction: number): Date {
  return new Date(a.getTime() + (b.getTime() - a.getTime()) * fraction);
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A random-looking id that is the same on every run: base62 of SHA-256 over a fixed seed
 * string. Certificates use it, so their public verification links survive a re-seed.
 */
export function stableId(seed: string, length = 24): string {
  const bytes = createHash('sha256').update(`skillverse-seed:${seed}`).digest();
  let out = '';
  for (const byte of bytes) {
    out += BASE62[byte % 62];
    if (out.length === length) break;
  }
  return out;
}

/** Parses 'm:ss' into seconds. */
export function durationSec(mss: string): number {
  const [m, s] = mss.split(':').map(Number);
  if (m === undefined || s === undefined || Number.isNaN(m) || Number.isNaN(s)) {
    throw new Error(`bad duration "${mss}"`);
  }
  return m * 60 + s;
}

/** 'l01', 'l02', … */
export function ordinalId(prefix: string, index: number): string {
  return `${prefix}${String(index + 1).padStart(2, '0')}`;
}

const CATEGORY_ART: Record<Category, { from: string; to: string; emoji: string }> = {
  Programming: { from: '#4f46e5', to: '#06b6d4', emoji: '💻' },
  Design: { from: '#db2777', to: '#f59e0b', emoji: '🎨' },
  'Data Science': { from: '#0f766e', to: '#22c55e', emoji: '📊' },
  Business: { from: '#1e3a8a', to: '#64748b', emoji: '💼' },
  Music: { from: '#7c3aed', to: '#ec4899', emoji: '🎸' },
  Languages: { from: '#ea580c', to: '#facc15', emoji: '🗣️' },
  Photography: { from: '#111827', to: '#6b7280', emoji: '📷' },
  Marketing: { from: '#be123c', to: '#fb7185', emoji: '📣' },
  'Personal Development': { from: '#0369a1', to: '#a78bfa', emoji: '🌱' },
};

/**
 * A self-contained SVG thumbnail (gradient by category with an emoji) as a data: URL, so the
 * catalogue looks finished without network access or uploaded files. Stays under the 2048
 * characters the rules allow for thumbnailUrl.
 */
export function thumbnailDataUrl(category: Category): string {
  const art = CATEGORY_ART[category];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">` +
    `<stop offset="0" stop-color="${art.from}"/><stop offset="1" stop-color="${art.to}"/>` +
    `</linearGradient></defs><rect width="640" height="360" fill="url(#g)"/>` +
    `<text x="320" y="215" font-size="120" text-anchor="middle">${art.emoji}</text></svg>`;
  const url = `data:image/svg+xml,${encodeURIComponent(svg)}`;
  if (url.length > 2048) throw new Error(`thumbnail for ${category} is too long (${url.length})`);
  return url;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

// The course catalogue's pure parts: the filter state held in the URL, client-side search within
// a page, and display helpers for durations and levels. No Firebase here.
import { tokenize } from './courses-api';
import { CATEGORIES, type Category, COURSE_LEVELS, type CourseLevel } from './models';

export const CATALOG_PAGE_SIZE = 12;

export const CATALOG_SORTS = ['newest', 'popular', 'rating'] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

export const CATALOG_SORT_LABELS: Record<CatalogSort, string> = {
  newest: 'Newest',
  popular: 'Most popular',
  rating: 'Top rated',
};

/** The course field each sort orders by (descending). */
export const CATALOG_SORT_FIELDS: Record<CatalogSort, 'publishedAt' | 'enrollmentCount' | 'rating.average'> =
  {
    newest: 'publishedAt',
    popular: 'enrollmentCount',
    rating: 'rating.average',
  };

/** 'plus': paid courses included with Plus (domain/plus.ts isInPlus; the catalog lists published ones). */
export const PRICE_FILTERS = ['free', 'paid', 'plus'] as const;
export type PriceFilter = (typeof PRICE_FILTERS)[number];

export const MIN_RATINGS = [3, 3.5, 4, 4.5] as const;

export const LEVEL_LABELS: Record<CourseLevel, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
  all: 'All levels',
};

export interface CatalogFilters {
  /** The search box text as typed (trimmed). */
  q: string;
  category: Category | null;
  level: CourseLevel | null;
  price: PriceFilter | null;
  minRating: number | null;
  sort: CatalogSort;
}

export const DEFAULT_CATALOG_FILTERS: CatalogFilters = {
  q: '',
  category: null,
  level: null,
  price: null,
  minRating: null,
  sort: 'newest',
};

function oneOf<T extends string>(list: readonly T[], value: string | null): T | null {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;
}

/** Reads the catalogue state from URL search params; unknown or malformed values are ignored. */
export function parseCatalogParams(params: { get: (key: string) => string | null }): CatalogFilters {
  const rating = Number(params.get('rating'));
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    category: oneOf(CATEGORIES, params.get('category')),
    level: oneOf(COURSE_LEVELS, params.get('level')),
    price: oneOf(PRICE_FILTERS, params.get('price')),
    minRating: (MIN_RATINGS as readonly number[]).includes(rating) ? rating : null,
    sort: oneOf(CATALOG_SORTS, params.get('sort')) ?? 'newest',
  };
}

/** The URL search params for a catalogue state, leaving out defaults (stable key order). */
export function catalogParams(filters: CatalogFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.q.trim()) out.q = filters.q.trim();
  if (filters.category) out.category = filters.category;
  if (filters.level) out.level = filters.level;
  if (filters.price) out.price = filters.price;
  if (filters.minRating !== null) out.rating = String(filters.minRating);
  if (filters.sort !== 'newest') out.sort = filters.sort;
  return out;
}

/** Whether any filter (not the sort) narrows the catalogue. */
export function hasActiveFilters(filters: CatalogFilters): boolean {
  return Boolean(
    filters.q || filters.category || filters.level || filters.price || filters.minRating !== null,
  );
}

/**
 * Client-side part of a search: the query selects courses by one token on the server; here every
 * word of the query must be among the course's search tokens.
 */
export function matchesSearch(courseTokens: readonly string[], query: string): boolean {
  const wanted = tokenize(query);
  if (wanted.length === 0) return true;
  const have = new Set(courseTokens);
  // tokenize() adds accent-free variants; a word matches when either form is present.
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((w) => w.length >= 2);
  return words.every((word) => tokenize(word).some((t) => have.has(t)));
}

/**
 * The filters the browser applies within a page (the query cannot combine them with the sort):
 * paid only, the minimum rating, and every search word.
 */
export function matchesCatalogFilters(
  course: {
    price: number;
    rating: { average: number };
    searchTokens: readonly string[];
    includedInPlus?: boolean;
    plusExcluded?: boolean;
  },
  filters: CatalogFilters,
): boolean {
  if (filters.price === 'paid' && course.price <= 0) return false;
  if (
    filters.price === 'plus' &&
    (course.price <= 0 || course.includedInPlus === false || course.plusExcluded === true)
  )
    return false;
  if (filters.price === 'free' && course.price > 0) return false;
  if (filters.minRating !== null && course.rating.average < filters.minRating) return false;
  return matchesSearch(course.searchTokens, filters.q);
}

/** "1 h 25 min", "12 min", "45 s"; 0 → "0 min". */
export function formatDuration(totalSec: number): string {
  const sec = Math.max(0, Math.round(Number.isFinite(totalSec) ? totalSec : 0));
  if (sec > 0 && sec < 60) return `${sec} s`;
  const minutes = Math.round(sec / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A clock for video positions: "4:05", "1:02:03". */
export function formatClock(totalSec: number): string {
  const sec = Math.max(0, Math.floor(Number.isFinite(totalSec) ? totalSec : 0));
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "4.6" with one decimal, or "New" when nobody has rated yet. */
export function formatRating(average: number, count: number): string {
  return count > 0 ? average.toFixed(1) : 'New';
}

/** Lectures in outline order: by section order, then lecture order. */
export function orderLectures<L extends { sectionId: string; order: number }>(
  lectures: readonly L[],
  sections: readonly { id: string; order: number }[],
): L[] {
  const sectionOrder = new Map(sections.map((s) => [s.id, s.order]));
  const rank = (l: L) => sectionOrder.get(l.sectionId) ?? Number.MAX_SAFE_INTEGER;
  return [...lectures].sort((a, b) => rank(a) - rank(b) || a.order - b.order);
}

import {
  CATALOG_PAGE_SIZE,
  CATALOG_SORT_FIELDS,
  type CatalogFilters,
  type CatalogSort,
  matchesCatalogFilters,
  parseCatalogParams,
} from '@skillverse/domain/catalog';
import { searchQueryToken } from '@skillverse/domain/courses-api';
import {
  documentId,
  limit,
  orderBy,
  type QueryConstraint,
  query,
  startAfter,
  where,
} from 'firebase/firestore';
import { type CourseDoc, coursesRef } from '@/lib/data/courses';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

/** Where the next page starts: the last course of the previous page (its sort value and id). */
export interface CatalogCursor {
  value: Date | number | null;
  id: string;
}

export interface CatalogPage {
  /** The courses of this page that match every filter (some are applied here, in the browser). */
  courses: CourseDoc[];
  /** Cursor after this page, or null when the query has no more documents. */
  next: CatalogCursor | null;
}

export function sortValue(course: CourseDoc, sort: CatalogSort): Date | number | null {
  if (sort === 'popular') return course.enrollmentCount;
  if (sort === 'rating') return course.rating.average;
  return course.publishedAt;
}

/**
 * What the server filters: status, category, level, free (price == 0), one search token, and the
 * minimum rating when sorting by rating (the inequality must be on the first ordered field).
 * The browser filters the rest within the page: paid, minimum rating for other sorts, and the
 * remaining search words.
 */
function constraints(filters: CatalogFilters, cursor: CatalogCursor | null): QueryConstraint[] {
  const out: QueryConstraint[] = [where('status', '==', 'published')];
  if (filters.category) out.push(where('category', '==', filters.category));
  if (filters.level) out.push(where('level', '==', filters.level));
  if (filters.price === 'free') out.push(where('price', '==', 0));
  const token = searchQueryToken(filters.q);
  if (token) out.push(where('searchTokens', 'array-contains', token));
  if (filters.sort === 'rating' && filters.minRating !== null) {
    out.push(where('rating.average', '>=', filters.minRating));
  }
  out.push(orderBy(CATALOG_SORT_FIELDS[filters.sort], 'desc'), orderBy(documentId(), 'desc'));
  if (cursor) out.push(startAfter(cursor.value, cursor.id));
  out.push(limit(CATALOG_PAGE_SIZE));
  return out;
}

export function catalogPageQueryOptions(filters: CatalogFilters, cursor: CatalogCursor | null) {
  return liveQueryOptions(
    [
      'courses',
      'catalog',
      filters,
      cursor ? [cursor.value instanceof Date ? cursor.value.getTime() : cursor.value, cursor.id] : null,
    ] as const,
    querySource(query(coursesRef(), ...constraints(filters, cursor)), (items): CatalogPage => {
      const last = items.at(-1);
      return {
        courses: items.filter((c) => matchesCatalogFilters(c, filters)),
        next:
          items.length === CATALOG_PAGE_SIZE && last
            ? { value: sortValue(last, filters.sort), id: last.id }
            : null,
      };
    }),
  );
}

/** The first page of results for a catalogue URL's search and filters (the route's loader reads it). */
export function firstCatalogPageQueryOptions(url: URL) {
  return catalogPageQueryOptions(parseCatalogParams(url.searchParams), null);
}

/** One page of the published catalogue, live. */
export function useCatalogPage(filters: CatalogFilters, cursor: CatalogCursor | null) {
  return useLiveQuery(catalogPageQueryOptions(filters, cursor));
}

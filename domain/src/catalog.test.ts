import { describe, expect, it } from 'vitest';
import {
  catalogParams,
  DEFAULT_CATALOG_FILTERS,
  formatClock,
  formatDuration,
  formatRating,
  hasActiveFilters,
  matchesCatalogFilters,
  matchesSearch,
  orderLectures,
  parseCatalogParams,
} from './catalog';

const params = (init: Record<string, string>) => new URLSearchParams(init);

describe('catalogue URL state', () => {
  it('reads known values and ignores unknown ones', () => {
    expect(
      parseCatalogParams(
        params({
          q: ' react ',
          category: 'Design',
          level: 'advanced',
          price: 'paid',
          rating: '4.5',
          sort: 'popular',
        }),
      ),
    ).toEqual({
      q: 'react',
      category: 'Design',
      level: 'advanced',
      price: 'paid',
      minRating: 4.5,
      sort: 'popular',
    });
    expect(
      parseCatalogParams(
        params({ category: 'Cooking', level: 'guru', price: 'cheap', rating: '2', sort: 'x' }),
      ),
    ).toEqual(DEFAULT_CATALOG_FILTERS);
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    expect(catalogParams(DEFAULT_CATALOG_FILTERS)).toEqual({});
    const state = {
      ...DEFAULT_CATALOG_FILTERS,
      q: 'python',
      price: 'free' as const,
      sort: 'rating' as const,
    };
    expect(catalogParams(state)).toEqual({ q: 'python', price: 'free', sort: 'rating' });
    expect(parseCatalogParams(params(catalogParams(state)))).toEqual(state);
  });

  it('knows when filters are active (the sort alone is not a filter)', () => {
    expect(hasActiveFilters({ ...DEFAULT_CATALOG_FILTERS, sort: 'popular' })).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_CATALOG_FILTERS, minRating: 4 })).toBe(true);
  });
});

describe('matchesSearch', () => {
  const tokens = ['fundamentals', 'programming', 'react', 'lopez', 'lópez'];
  it('needs every word of the query among the tokens', () => {
    expect(matchesSearch(tokens, 'React fundamentals')).toBe(true);
    expect(matchesSearch(tokens, 'react hooks')).toBe(false);
  });
  it('matches accented and accent-free spellings, and an empty query matches all', () => {
    expect(matchesSearch(['lopez'], 'López')).toBe(true);
    expect(matchesSearch(tokens, '  ')).toBe(true);
  });
});

describe('formatting', () => {
  it('formats durations for people', () => {
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(12 * 60)).toBe('12 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(85 * 60 + 10)).toBe('1 h 25 min');
  });
  it('formats clock positions', () => {
    expect(formatClock(245)).toBe('4:05');
    expect(formatClock(3723)).toBe('1:02:03');
  });
  it('shows "New" for unrated courses', () => {
    expect(formatRating(4.567, 3)).toBe('4.6');
    expect(formatRating(0, 0)).toBe('New');
  });
});

describe('orderLectures', () => {
  it('orders by section, then by lecture order', () => {
    const sections = [
      { id: 's2', order: 2 },
      { id: 's1', order: 1 },
    ];
    const lectures = [
      { id: 'c', sectionId: 's2', order: 1 },
      { id: 'b', sectionId: 's1', order: 2 },
      { id: 'a', sectionId: 's1', order: 1 },
    ];
    expect(orderLectures(lectures, sections).map((l) => l.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('matchesCatalogFilters', () => {
  const course = { price: 4900, rating: { average: 4.4 }, searchTokens: ['react', 'hooks'] };
  it('applies paid/free, minimum rating and every search word', () => {
    expect(
      matchesCatalogFilters(course, { ...DEFAULT_CATALOG_FILTERS, price: 'paid', q: 'React hooks' }),
    ).toBe(true);
    expect(matchesCatalogFilters(course, { ...DEFAULT_CATALOG_FILTERS, price: 'free' })).toBe(false);
    expect(matchesCatalogFilters(course, { ...DEFAULT_CATALOG_FILTERS, minRating: 4.5 })).toBe(false);
    expect(matchesCatalogFilters(course, { ...DEFAULT_CATALOG_FILTERS, q: 'react testing' })).toBe(false);
  });
});

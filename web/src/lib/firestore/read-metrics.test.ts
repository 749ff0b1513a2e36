import { describe, expect, it } from 'vitest';
import { addReads, queryDocsRead, queryPath, READ_METRICS } from './read-metrics';

const snapshot = (size: number, changes: number) => ({
  size,
  docChanges: () => Array.from({ length: changes }),
});

describe('read metrics', () => {
  it('is off unless the app is built with VITE_READ_METRICS=1', () => {
    expect(READ_METRICS).toBe(false);
  });

  it('counts every document of a one-shot query or a first listener snapshot', () => {
    expect(queryDocsRead(snapshot(12, 12), true)).toBe(12);
  });

  it('counts one read for a query that returns nothing, as Firestore bills it', () => {
    expect(queryDocsRead(snapshot(0, 0), true)).toBe(1);
  });

  it('counts only the changed documents of a later listener snapshot', () => {
    expect(queryDocsRead(snapshot(12, 2), false)).toBe(2);
    expect(queryDocsRead(snapshot(12, 0), false)).toBe(0);
  });

  it('adds reads per key and in total, starting a log when there is none', () => {
    let log = addReads(undefined, 'get courses', 12);
    log = addReads(log, 'listen courses', 12);
    log = addReads(log, 'get courses', 1);
    log = addReads(log, 'listen users/u1', 0);
    expect(log).toEqual({ total: 25, byKey: { 'get courses': 13, 'listen courses': 12 } });
  });

  it('names a query by the collection it reads, and falls back when it cannot tell', () => {
    expect(
      queryPath({
        _query: { collectionGroup: null, path: { canonicalString: () => 'courses/c1/lectures' } },
      }),
    ).toBe('courses/c1/lectures');
    expect(queryPath({ _query: { collectionGroup: 'reviews', path: { canonicalString: () => '' } } })).toBe(
      '*/reviews',
    );
    expect(queryPath({})).toBe('(query)');
  });
});

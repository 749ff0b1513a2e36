import { describe, expect, it } from 'vitest';
import { shareEqual } from './share-equal';

class Stamp {
  constructor(readonly millis: number) {}
  isEqual(other: Stamp) {
    return other.millis === this.millis;
  }
}

describe('shareEqual', () => {
  const course = () => ({
    id: 'c-1',
    title: 'React',
    tags: ['react', 'web'],
    createdAt: new Date(1_000),
    publishedAt: null as Date | null,
    stats: { rating: 4.5, at: new Stamp(7) },
  });

  it('keeps the previous object when a new snapshot holds equal values, Dates and Timestamps included', () => {
    const previous = course();
    expect(shareEqual(previous, course())).toBe(previous);
    const list = [course(), course()];
    expect(shareEqual(list, [course(), course()])).toBe(list);
  });

  it('takes a changed value and keeps the unchanged parts’ references', () => {
    const previous = course();
    const next = { ...course(), title: 'React 19' };
    const shared = shareEqual(previous, next);
    expect(shared).not.toBe(previous);
    expect(shared).toEqual(next);
    expect(shared.tags).toBe(previous.tags);
    expect(shared.createdAt).toBe(previous.createdAt);
    expect(shared.stats).toBe(previous.stats);
  });

  it('sees a changed Date, Timestamp, array length, added or removed key', () => {
    const previous = course();
    expect(shareEqual(previous, { ...course(), createdAt: new Date(2_000) }).createdAt.getTime()).toBe(2_000);
    expect(
      shareEqual(previous, { ...course(), stats: { rating: 4.5, at: new Stamp(8) } }).stats.at.millis,
    ).toBe(8);
    expect(shareEqual(previous, { ...course(), tags: ['react'] }).tags).toEqual(['react']);
    const { publishedAt: _removed, ...withoutKey } = course();
    expect(shareEqual(previous, withoutKey)).not.toBe(previous);
    expect(shareEqual(previous, { ...course(), extra: 1 })).not.toBe(previous);
    expect(shareEqual([1, 2], [1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('takes the new value for different kinds of values', () => {
    expect(shareEqual({ a: 1 }, null)).toBeNull();
    expect(shareEqual(undefined, { a: 1 })).toEqual({ a: 1 });
    expect(shareEqual(new Date(1), 1)).toBe(1);
    const map = new Map();
    expect(shareEqual(new Map(), map)).toBe(map);
  });
});

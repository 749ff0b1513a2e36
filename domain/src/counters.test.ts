import { describe, expect, it } from 'vitest';
import { COUNTER_SHARDS, isZeroCounters, shardFor, sumCounterFields } from './counters';
import { statsShardFor } from './stats';

describe('shardFor', () => {
  it('is stable, in range, and spreads keys over the shards', () => {
    expect(shardFor('learner-1')).toBe(shardFor('learner-1'));
    const used = new Set(Array.from({ length: 500 }, (_, i) => shardFor(`learner-${i}`)));
    expect(used.size).toBe(COUNTER_SHARDS);
    for (const s of used) expect(s).toMatch(/^s(\d|1[0-5])$/);
    expect(shardFor('x', 4)).toMatch(/^s[0-3]$/);
  });

  it('is the platform stats shard function too', () => {
    expect(statsShardFor('evt-1')).toBe(shardFor('evt-1', 16));
  });
});

describe('sumCounterFields', () => {
  it('adds numbers and maps key by key over the base and its shards, ignoring other fields', () => {
    const sum = sumCounterFields(
      [
        { enrollmentCount: 10, totals: { USD: 100 }, title: 'x' },
        { enrollmentCount: 2, totals: { USD: 5, EUR: 7 }, updatedAt: new Date() },
        { enrollmentCount: -1, totals: { USD: 'nope' } },
        null,
      ],
      ['enrollmentCount', 'totals', 'paymentsCount'],
    );
    expect(sum).toEqual({ enrollmentCount: 11, totals: { USD: 105, EUR: 7 } });
  });

  it('isZeroCounters: nothing to add', () => {
    expect(isZeroCounters({ a: 0, b: { USD: 0 } })).toBe(true);
    expect(isZeroCounters({ a: 0, b: { USD: -1 } })).toBe(false);
    expect(isZeroCounters({})).toBe(true);
  });
});

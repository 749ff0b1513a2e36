import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { platformFee } from './payouts';
import {
  apportion,
  nextPlusMonth,
  plusMonthClosable,
  previousPlusMonth,
  splitCarry,
  splitPlusRevenue,
  statementBalance,
} from './plus-split';

const instructorsArb = fc.array(
  fc.record({
    instructorId: fc.stringMatching(/^[a-z0-9]{1,8}$/),
    seconds: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000_000 })),
  }),
  { maxLength: 40 },
);
const amountArb = fc.integer({ min: 0, max: 2_000_000_000 });

describe('splitPlusRevenue', () => {
  it('takes the platform fee and splits the rest by observed seconds (worked example)', () => {
    const split = splitPlusRevenue({
      paid: 10_000,
      refunded: 1_000,
      currency: 'USD',
      instructors: [
        { instructorId: 'b', seconds: 600 },
        { instructorId: 'a', seconds: 1200 },
        { instructorId: 'c', seconds: 0 },
      ],
    });
    expect(split.netRevenue).toBe(9_000);
    expect(split.platformFee).toBe(1_800);
    expect(split.distributable).toBe(7_200);
    expect(split.shares).toEqual([
      { instructorId: 'a', seconds: 1200, amount: 4_800, share: 2 / 3 },
      { instructorId: 'b', seconds: 600, amount: 2_400, share: 1 / 3 },
    ]);
    expect(split.roundingCents).toBe(0);
  });

  it('gives leftover cents to the largest remainders, ties to more time then the smaller id', () => {
    const split = splitPlusRevenue({
      paid: 125, // fee 25 → 100 to split three ways
      refunded: 0,
      currency: 'USD',
      instructors: [
        { instructorId: 'z', seconds: 60 },
        { instructorId: 'y', seconds: 60 },
        { instructorId: 'x', seconds: 60 },
      ],
    });
    expect(split.distributable).toBe(100);
    expect(split.shares.map((s) => [s.instructorId, s.amount])).toEqual([
      ['x', 34],
      ['y', 33],
      ['z', 33],
    ]);
    expect(split.roundingCents).toBe(1);
  });

  it('keeps everything undistributed when nobody was observed', () => {
    const split = splitPlusRevenue({ paid: 1000, refunded: 0, currency: 'EUR', instructors: [] });
    expect(split.shares).toEqual([]);
    expect(split.undistributed).toBe(800);
  });

  it('property: shares sum exactly to the distributable amount', () => {
    fc.assert(
      fc.property(amountArb, amountArb, instructorsArb, (paid, refunded, instructors) => {
        const split = splitPlusRevenue({ paid, refunded, currency: 'USD', instructors });
        const sum = split.shares.reduce((s, x) => s + x.amount, 0);
        expect(sum + split.undistributed).toBe(split.distributable);
        expect(split.distributable + split.platformFee).toBe(split.netRevenue);
        expect(split.netRevenue).toBe(Math.max(0, paid - Math.min(paid, refunded)));
        expect(split.platformFee).toBe(platformFee(split.netRevenue, 'USD'));
        for (const s of split.shares) expect(Number.isInteger(s.amount) && s.amount >= 0).toBe(true);
        expect(split.roundingCents).toBeGreaterThanOrEqual(0);
        expect(split.roundingCents).toBeLessThanOrEqual(Math.max(0, split.shares.length - 1));
      }),
    );
  });

  it('property: zero-minute instructors get nothing (they are not even listed)', () => {
    fc.assert(
      fc.property(amountArb, instructorsArb, (paid, instructors) => {
        const split = splitPlusRevenue({ paid, refunded: 0, currency: 'USD', instructors });
        const observed = new Set(instructors.filter((i) => i.seconds > 0).map((i) => i.instructorId));
        for (const s of split.shares) {
          expect(observed.has(s.instructorId)).toBe(true);
          expect(s.seconds).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('property: deterministic and permutation-invariant', () => {
    fc.assert(
      fc.property(
        amountArb,
        instructorsArb.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        (paid, [list, shuffled]) => {
          const a = splitPlusRevenue({ paid, refunded: 0, currency: 'USD', instructors: list });
          const b = splitPlusRevenue({ paid, refunded: 0, currency: 'USD', instructors: list });
          const c = splitPlusRevenue({ paid, refunded: 0, currency: 'USD', instructors: shuffled });
          expect(b).toEqual(a);
          expect(c).toEqual(a);
        },
      ),
    );
  });

  it('property: more observed time never means a smaller share', () => {
    fc.assert(
      fc.property(amountArb, instructorsArb, (paid, instructors) => {
        const split = splitPlusRevenue({ paid, refunded: 0, currency: 'USD', instructors });
        const sorted = [...split.shares].sort((x, y) => x.seconds - y.seconds);
        for (let i = 1; i < sorted.length; i++) {
          const prev = sorted[i - 1];
          const cur = sorted[i];
          if (prev && cur && cur.seconds > prev.seconds)
            expect(cur.amount).toBeGreaterThanOrEqual(prev.amount);
        }
      }),
    );
  });
});

describe('apportion', () => {
  it('is exact with amounts and weights beyond double precision', () => {
    const out = apportion(1_999_999_999, [
      { id: 'a', weight: 99_999_999_999 },
      { id: 'b', weight: 1 },
      { id: 'c', weight: 7 },
    ]);
    expect(out.reduce((s, r) => s + r.amount, 0)).toBe(1_999_999_999);
  });
});

describe('splitCarry', () => {
  it('takes a late refund back, net of the fee, in proportion to the closed month', () => {
    const lines = splitCarry({
      refunded: 1000,
      currency: 'USD',
      closedShares: [
        { instructorId: 'a', seconds: 300 },
        { instructorId: 'b', seconds: 100 },
      ],
    });
    expect(lines).toEqual([
      { instructorId: 'a', amount: -600 },
      { instructorId: 'b', amount: -200 },
    ]);
  });

  it('property: sums to minus the refund net of its fee', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), instructorsArb, (refunded, closedShares) => {
        const lines = splitCarry({ refunded, currency: 'USD', closedShares });
        const sum = lines.reduce((s, l) => s + l.amount, 0);
        const anyone = closedShares.some((s) => s.seconds > 0);
        // fee − refunded, not −(refunded − fee): a zero refund must expect 0, not −0 (toBe is Object.is).
        expect(sum).toBe(anyone ? platformFee(refunded, 'USD') - refunded : 0);
      }),
    );
  });
});

describe('statement helpers', () => {
  it('pays a positive balance and carries a negative one', () => {
    expect(statementBalance(500, -200)).toEqual({ payable: 300, carryOut: 0 });
    expect(statementBalance(100, -300)).toEqual({ payable: 0, carryOut: -200 });
  });

  it('walks months and waits a day after the month ends', () => {
    expect(nextPlusMonth('2026-12')).toBe('2027-01');
    expect(previousPlusMonth('2027-01')).toBe('2026-12');
    expect(plusMonthClosable('2026-11', new Date('2026-12-01T12:00:00Z'))).toBe(false);
    expect(plusMonthClosable('2026-11', new Date('2026-12-02T00:00:00Z'))).toBe(true);
    expect(plusMonthClosable('2026-13', new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });
});

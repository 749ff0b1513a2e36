import { describe, expect, it } from 'vitest';
import { isInPlus, plusMonthOf } from './plus';

describe('isInPlus', () => {
  const paid = { price: 4900, status: 'published' as const };
  it('includes a published paid course by default', () => {
    expect(isInPlus(paid)).toBe(true);
  });
  it('leaves out free, unpublished, opted-out and admin-excluded courses', () => {
    expect(isInPlus({ ...paid, price: 0 })).toBe(false);
    expect(isInPlus({ ...paid, status: 'draft' })).toBe(false);
    expect(isInPlus({ ...paid, includedInPlus: false })).toBe(false);
    expect(isInPlus({ ...paid, plusExcluded: true })).toBe(false);
  });
});

describe('plusMonthOf', () => {
  it('is the UTC calendar month', () => {
    expect(plusMonthOf(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12');
    expect(plusMonthOf(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01');
  });
});

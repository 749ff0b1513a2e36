import { describe, expect, it } from 'vitest';
import { parsePlusStatement } from './plus-statements';

describe('parsePlusStatement', () => {
  it('reads a statement as closePlusMonth writes it', () => {
    const s = parsePlusStatement('2026-10_inez', {
      month: '2026-10',
      instructorId: 'inez',
      seconds: 3000,
      minutes: 50,
      share: 0.75,
      amount: 1559,
      carryIn: -200,
      payable: 1359,
      carryOut: 0,
      currency: 'USD',
      transferState: 'held',
      totals: {
        distributable: 2078,
        netRevenue: 2598,
        platformFee: 520,
        roundingCents: 1,
        totalSeconds: 4000,
      },
    });
    expect(s).toMatchObject({
      month: '2026-10',
      minutes: 50,
      share: 0.75,
      payable: 1359,
      transferState: 'held',
    });
    expect(s.totals.distributable).toBe(2078);
  });

  it('falls back safely on a damaged document', () => {
    const s = parsePlusStatement('x', { transferState: 'stolen', amount: 'lots', totals: null });
    expect(s).toMatchObject({ transferState: 'pending', amount: 0, currency: 'USD' });
    expect(s.totals.distributable).toBe(0);
  });
});

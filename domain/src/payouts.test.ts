import { describe, expect, it } from 'vitest';
import {
  canReceiveDestinationCharges,
  heldAmountOfEntry,
  heldBalances,
  heldReleaseAction,
  heldReleaseId,
  heldReleaseIdempotencyKey,
  netOfFee,
  netRefundShare,
  onboardingState,
  platformFee,
  requirementLabel,
} from './payouts';

describe('platformFee', () => {
  it('takes 20 % by default, in minor units', () => {
    expect(platformFee(4900, 'USD')).toBe(980);
    expect(platformFee(1000, 'eur')).toBe(200);
  });

  it('rounds half up to an integer', () => {
    expect(platformFee(1, 'USD', 2000)).toBe(0); // 0.2
    expect(platformFee(3, 'USD', 2000)).toBe(1); // 0.6
    expect(platformFee(5, 'USD', 1000)).toBe(1); // 0.5 → 1
    expect(platformFee(999, 'USD', 2000)).toBe(200); // 199.8
    expect(platformFee(4, 'USD', 1250)).toBe(1); // 0.5 → 1
  });

  it('works on whole units for zero-decimal currencies', () => {
    expect(platformFee(4980, 'JPY')).toBe(996);
    expect(platformFee(99, 'jpy', 2000)).toBe(20); // 19.8
    expect(platformFee(1, 'KRW', 2000)).toBe(0);
  });

  it('keeps three-decimal currencies on multiples of 10', () => {
    expect(platformFee(12_345, 'KWD', 2000)).toBe(2470); // 2469 → 2470
    expect(platformFee(10, 'BHD', 2000)).toBe(0);
    expect(platformFee(30, 'BHD', 2000)).toBe(10);
  });

  it('is never negative nor above the amount', () => {
    expect(platformFee(0, 'USD')).toBe(0);
    expect(platformFee(-500, 'USD')).toBe(0);
    expect(platformFee(500, 'USD', 0)).toBe(0);
    expect(platformFee(500, 'USD', 20_000)).toBe(500);
    expect(platformFee(Number.NaN, 'USD')).toBe(0);
  });

  it('net is the amount minus the fee', () => {
    expect(netOfFee(4900, platformFee(4900, 'USD'))).toBe(3920);
    expect(netOfFee(100, 200)).toBe(0);
  });
});

describe('netRefundShare', () => {
  it('is the whole net on a full refund and proportional on a partial one', () => {
    expect(netRefundShare(4900, 4900, 3920)).toBe(3920);
    expect(netRefundShare(2450, 4900, 3920)).toBe(1960);
    expect(netRefundShare(1, 3, 2)).toBe(1); // 0.67 → 1
    expect(netRefundShare(0, 4900, 3920)).toBe(0);
    expect(netRefundShare(9999, 4900, 3920)).toBe(3920);
  });
});

describe('onboardingState', () => {
  const base = {
    accountId: 'acct_1',
    chargesEnabled: false,
    payoutsEnabled: false,
    detailsSubmitted: false,
    requirementsDue: [],
  };
  it('walks not_started → incomplete → pending_verification → active', () => {
    expect(onboardingState(null)).toBe('not_started');
    expect(onboardingState({ ...base, accountId: null })).toBe('not_started');
    expect(onboardingState(base)).toBe('incomplete');
    expect(onboardingState({ ...base, detailsSubmitted: true, requirementsDue: ['external_account'] })).toBe(
      'incomplete',
    );
    expect(onboardingState({ ...base, detailsSubmitted: true })).toBe('pending_verification');
    const active = { ...base, detailsSubmitted: true, chargesEnabled: true, payoutsEnabled: true };
    expect(onboardingState(active)).toBe('active');
    expect(canReceiveDestinationCharges(active)).toBe(true);
    expect(canReceiveDestinationCharges({ ...active, payoutsEnabled: false })).toBe(false);
  });

  it('labels requirements readably', () => {
    expect(requirementLabel('individual.verification.document')).toBe('Verification document');
    expect(requirementLabel('external_account')).toBe('External account');
  });
});

describe('held earnings', () => {
  it('what an entry holds: its net minus refunds, nothing once reversed', () => {
    expect(heldAmountOfEntry({ amount: 4900 })).toBe(4900);
    expect(heldAmountOfEntry({ amount: 4900, refundedAmount: 900 })).toBe(4000);
    expect(heldAmountOfEntry({ amount: 4900, refundedAmount: 4900, status: 'reversed' })).toBe(0);
    expect(heldAmountOfEntry({ amount: 'x' })).toBe(0);
  });

  it('held per currency = totals − transferred, never negative', () => {
    expect(heldBalances({ totals: { EUR: 7400, USD: 100 }, transferred: { EUR: 2000, USD: 300 } })).toEqual([
      { currency: 'EUR', amount: 5400 },
    ]);
    expect(heldBalances(null)).toEqual([]);
  });

  it('the release state machine: pending and transferring transfer (again, same key), paid is done', () => {
    expect(heldReleaseAction('pending')).toBe('transfer');
    expect(heldReleaseAction('transferring')).toBe('transfer');
    expect(heldReleaseAction('paid')).toBe('done');
    expect(heldReleaseAction('weird')).toBe('unknown');
    expect(heldReleaseIdempotencyKey('u1', 'held_EUR_abc')).toBe('held_release_u1_held_EUR_abc');
    expect(heldReleaseId('eur', 'abc')).toBe('held_EUR_abc');
  });
});

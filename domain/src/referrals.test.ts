import { describe, expect, it } from 'vitest';
import { inviteLink, parseReferrerId, referralAward, referralFieldsChanged } from './referrals';

describe('invite links', () => {
  it('builds /sign-up?ref=<uid> on the given origin, without a doubled slash', () => {
    expect(inviteLink('https://skillverse.dev/', 'user-ana')).toBe(
      'https://skillverse.dev/sign-up?ref=user-ana',
    );
    expect(inviteLink('http://127.0.0.1:5173', 'abc_123')).toBe('http://127.0.0.1:5173/sign-up?ref=abc_123');
  });

  it('accepts uid-shaped referrer ids and rejects anything else', () => {
    expect(parseReferrerId('Xy7_-abc')).toBe('Xy7_-abc');
    expect(parseReferrerId(' padded ')).toBe('padded');
    for (const bad of ['', 'a/b', '../x', 'x'.repeat(129), 'a b', 'é', null, undefined, 42, {}]) {
      expect(parseReferrerId(bad)).toBeNull();
    }
  });
});

describe('referralAward', () => {
  it('awards the referrer once the invitee has completed onboarding', () => {
    expect(referralAward('bob', { referredBy: 'alice', onboarded: true })).toEqual({
      award: true,
      referrerUid: 'alice',
    });
  });

  it('awards nothing before onboarding is complete', () => {
    expect(referralAward('bob', { referredBy: 'alice', onboarded: false })).toEqual({
      award: false,
      reason: 'not-onboarded',
    });
    expect(referralAward('bob', { referredBy: 'alice' })).toMatchObject({ reason: 'not-onboarded' });
  });

  it('awards nothing for a self-referral, a missing or malformed referrer, or no profile', () => {
    expect(referralAward('bob', { referredBy: 'bob', onboarded: true })).toMatchObject({ reason: 'self' });
    expect(referralAward('bob', { referredBy: null, onboarded: true })).toMatchObject({
      reason: 'no-referrer',
    });
    expect(referralAward('bob', { onboarded: true })).toMatchObject({ reason: 'no-referrer' });
    expect(referralAward('bob', { referredBy: 'a/b', onboarded: true })).toMatchObject({
      reason: 'invalid-referrer',
    });
    expect(referralAward('bob', null)).toMatchObject({ reason: 'no-profile' });
  });

  it('looks at a write only when onboarded or referredBy changed', () => {
    expect(referralFieldsChanged({ onboarded: false }, { onboarded: true })).toBe(true);
    expect(referralFieldsChanged({ onboarded: true }, { onboarded: true, referredBy: 'a' })).toBe(true);
    expect(
      referralFieldsChanged({ onboarded: true, referredBy: 'a' }, { onboarded: true, referredBy: 'a' }),
    ).toBe(false);
    expect(referralFieldsChanged(null, { onboarded: true })).toBe(true);
  });
});

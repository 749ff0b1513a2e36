import { describe, expect, it } from 'vitest';
import {
  inviteLink,
  isReferralActivity,
  MAX_REFERRALS_PER_WEEK,
  parseReferrerId,
  referralAward,
  referralEvidenceAllows,
  referralFieldsChanged,
  referralRulesText,
} from './referrals';

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

describe('referralEvidenceAllows', () => {
  const now = new Date('2026-05-10T12:00:00Z');
  const ok = { emailVerified: true, hasActivity: true, recentAwards: [] };
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

  it('needs a verified email and a first real activity', () => {
    expect(referralEvidenceAllows(ok, now)).toEqual({ award: true });
    expect(referralEvidenceAllows({ ...ok, emailVerified: false }, now)).toEqual({
      award: false,
      reason: 'email-not-verified',
    });
    expect(referralEvidenceAllows({ ...ok, hasActivity: false }, now)).toEqual({
      award: false,
      reason: 'no-activity',
    });
  });

  it('caps awards at 10 in any 7 days; older ones do not count', () => {
    const ten = Array.from({ length: MAX_REFERRALS_PER_WEEK }, (_, i) => daysAgo(i * 0.5));
    expect(referralEvidenceAllows({ ...ok, recentAwards: ten }, now)).toEqual({
      award: false,
      reason: 'weekly-cap',
    });
    expect(referralEvidenceAllows({ ...ok, recentAwards: ten.slice(1) }, now)).toEqual({ award: true });
    const old = Array.from({ length: 30 }, () => daysAgo(8));
    expect(referralEvidenceAllows({ ...ok, recentAwards: old }, now)).toEqual({ award: true });
  });

  it('knows which ledger reasons are real activity', () => {
    expect(isReferralActivity('lecture_completed')).toBe(true);
    expect(isReferralActivity('session_attended')).toBe(true);
    expect(isReferralActivity('referral')).toBe(false);
    expect(isReferralActivity('daily_streak')).toBe(false);
  });
});

describe('the rules as the invite card states them', () => {
  it('names the points, the evidence and the weekly cap the server applies', () => {
    expect(referralRulesText(25)).toBe(
      `Earn 25 points for each friend who joins through your link, verifies their email and then completes a lecture, attends a live session or completes a skill swap. Up to ${MAX_REFERRALS_PER_WEEK} friends a week count.`,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { initialDisplayName, newPrivateAccountData, newProfileData } from './create-account';
import { rolesFromClaims } from './roles';

describe('initialDisplayName', () => {
  it('prefers the Auth display name, then the email local part', () => {
    expect(initialDisplayName({ displayName: '  Ada  ', email: 'x@y.z' })).toBe('Ada');
    expect(initialDisplayName({ displayName: null, email: 'grace.hopper@navy.mil' })).toBe('grace.hopper');
    expect(initialDisplayName({ displayName: '', email: null })).toBe('New learner');
  });
});

describe('rolesFromClaims', () => {
  it('makes everyone a learner and adds claimed roles', () => {
    expect(rolesFromClaims(undefined)).toEqual(['learner']);
    expect(rolesFromClaims({ educator: true })).toEqual(['learner', 'educator']);
    expect(rolesFromClaims({ admin: true, educator: true })).toEqual(['learner', 'educator', 'admin']);
    expect(rolesFromClaims({ admin: 'yes' })).toEqual(['learner']);
  });
});

describe('new account documents', () => {
  const account = { uid: 'u1', email: 'ada@example.test', displayName: null, photoURL: 'https://p/a.png' };

  it('starts an active learner with empty profile fields and zeroed counters', () => {
    const profile = newProfileData(account);
    expect(profile).toMatchObject({
      uid: 'u1',
      displayName: 'ada',
      photoURL: 'https://p/a.png',
      interests: [],
      skills: [],
      timezone: 'UTC',
      onboarded: false,
      firstGoal: null,
      roles: ['learner'],
      status: 'active',
      gamification: { points: 0, level: 1, badges: [] },
      rating: { average: 0, count: 0 },
    });
    expect(newProfileData({ ...account, timezone: 'Asia/Tokyo' }).timezone).toBe('Asia/Tokyo');
  });

  it('keeps the email and default preferences in the private account', () => {
    const priv = newPrivateAccountData(account);
    expect(priv).toMatchObject({ email: 'ada@example.test', stripeCustomerId: null, referredBy: null });
    expect(priv.notificationPreferences.exchange_message).toEqual({ inApp: true, email: false });
  });
});

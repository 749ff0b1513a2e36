import { describe, expect, it } from 'vitest';
import {
  anonymisedProfileFields,
  DELETED_USER_NAME,
  deletionNeeds,
  isRecentSignIn,
  RECENT_SIGN_IN_SECONDS,
  sameEmail,
} from './account-deletion';

describe('account deletion rules', () => {
  const now = Date.UTC(2026, 11, 7, 12, 0, 0);
  it('counts a sign-in as recent for five minutes', () => {
    expect(isRecentSignIn(now / 1000 - 10, now)).toBe(true);
    expect(isRecentSignIn(now / 1000 - RECENT_SIGN_IN_SECONDS, now)).toBe(true);
    expect(isRecentSignIn(now / 1000 - RECENT_SIGN_IN_SECONDS - 1, now)).toBe(false);
    expect(isRecentSignIn(undefined, now)).toBe(false);
    expect(isRecentSignIn('123', now)).toBe(false);
    expect(isRecentSignIn(now / 1000 + 3600, now)).toBe(false);
  });
  it('compares confirmation emails trimmed and case-insensitively', () => {
    expect(sameEmail(' Ana@Example.com ', 'ana@example.com')).toBe(true);
    expect(sameEmail('ana@example.com', 'bo@example.com')).toBe(false);
    expect(sameEmail('', '')).toBe(false);
    expect(sameEmail(null, 'a@b.c')).toBe(false);
  });
  it('names a deleted account "Deleted user" and clears what the person wrote', () => {
    const fields = anonymisedProfileFields();
    expect(fields.displayName).toBe(DELETED_USER_NAME);
    expect(fields).toMatchObject({ photoURL: null, bio: '', nameTokens: [], offeredSkillKeys: [] });
    expect(fields).not.toHaveProperty('rating');
    expect(fields).not.toHaveProperty('status');
  });
  it('resumes a deletion from the step after the last one done', () => {
    expect(deletionNeeds(undefined, 'data')).toBe(true);
    expect(deletionNeeds('started', 'data')).toBe(true);
    expect(deletionNeeds('data', 'data')).toBe(false);
    expect(deletionNeeds('data', 'auth')).toBe(true);
    expect(deletionNeeds('done', 'auth')).toBe(false);
  });
});

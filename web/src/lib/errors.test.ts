import { describe, expect, it } from 'vitest';
import { errorCode, friendlyError, GENERIC_ERROR } from './errors';

const err = (code: string, message = 'raw') => Object.assign(new Error(message), { code });

describe('friendlyError', () => {
  it('explains the common sign-in failures in plain words', () => {
    expect(friendlyError(err('auth/invalid-credential'))).toBe(
      'Incorrect email or password. Check them and try again.',
    );
    expect(friendlyError(err('auth/wrong-password'))).toMatch(/Incorrect email or password/);
    expect(friendlyError(err('auth/email-already-in-use'))).toMatch(/already exists/);
    expect(friendlyError(err('auth/weak-password'))).toMatch(/too weak/);
    expect(friendlyError(err('auth/too-many-requests'))).toMatch(/Too many attempts/);
  });

  it('strips the functions/ prefix and maps Firestore codes', () => {
    expect(errorCode(err('functions/permission-denied'))).toBe('permission-denied');
    expect(friendlyError(err('permission-denied'))).toMatch(/permission/);
  });

  it('passes through the message of an invalid-argument callable error', () => {
    expect(friendlyError(err('functions/invalid-argument', 'title is required'))).toBe('title is required');
  });

  it('falls back to a generic message for anything else', () => {
    expect(friendlyError(new Error('boom'))).toBe(GENERIC_ERROR);
    expect(friendlyError('nope', 'Custom')).toBe('Custom');
  });
});

import { describe, expect, it } from 'vitest';
import { afterEach } from 'vitest';
import {
  BANNED_ERROR,
  errorCode,
  friendlyError,
  GENERIC_ERROR,
  SUSPENDED_ERROR,
  setAccountStatusForErrors,
} from './errors';

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

describe('friendlyError for suspended and banned accounts', () => {
  afterEach(() => setAccountStatusForErrors(null));

  it('explains a denied write of a suspended account instead of a generic "no permission"', () => {
    setAccountStatusForErrors('suspended');
    expect(friendlyError(err('permission-denied'))).toBe(SUSPENDED_ERROR);
    expect(SUSPENDED_ERROR).toMatch(/^Your account is suspended/);
    setAccountStatusForErrors('banned');
    expect(friendlyError(err('permission-denied'))).toBe(BANNED_ERROR);
  });

  it('uses the message of a callable that refused a suspended caller', () => {
    expect(
      friendlyError(err('functions/permission-denied', 'Your account is suspended; it cannot make changes.')),
    ).toBe(SUSPENDED_ERROR);
  });

  it('keeps the usual messages for active accounts and for other errors', () => {
    setAccountStatusForErrors('active');
    expect(friendlyError(err('permission-denied'))).toBe('You don’t have permission to do that.');
    setAccountStatusForErrors('suspended');
    expect(friendlyError(err('unavailable'))).toMatch(/couldn’t reach the server/);
  });

  it('says a busy moment (`aborted`, after the automatic retries) changed nothing and can be retried', () => {
    setAccountStatusForErrors('active');
    expect(friendlyError(err('functions/aborted'))).toMatch(/^Busy right now — nothing was changed/);
  });
});

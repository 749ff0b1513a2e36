import { describe, expect, it } from 'vitest';
import { describeAuditAction, nameSearchKey, prefixUpperBound, statusForDecision } from './accounts-api';

describe('nameSearchKey', () => {
  it('trims, collapses spaces and lower-cases, so a prefix search ignores case', () => {
    expect(nameSearchKey('  Ana   López ')).toBe('ana lópez');
    expect(nameSearchKey('ANA')).toBe('ana');
  });

  it('answers an empty key for a missing or non-string name', () => {
    expect(nameSearchKey(undefined)).toBe('');
    expect(nameSearchKey(42)).toBe('');
  });

  it('bounds a prefix range so every name starting with the prefix is inside it', () => {
    const upper = prefixUpperBound('ana');
    expect('ana lópez' < upper && 'ana lópez' >= 'ana').toBe(true);
    expect('anb' < upper).toBe(false);
  });
});

describe('statusForDecision', () => {
  it('maps approve and reject to the application status', () => {
    expect(statusForDecision('approve')).toBe('approved');
    expect(statusForDecision('reject')).toBe('rejected');
  });
});

describe('describeAuditAction', () => {
  it('says what an admin did, with the reason when there is one', () => {
    expect(
      describeAuditAction({ action: 'user.setStatus', details: { to: 'suspended', reason: 'Spam' } }),
    ).toBe('suspended the account (Spam)');
    expect(describeAuditAction({ action: 'user.setStatus', details: { to: 'active' } })).toBe(
      'restored the account',
    );
    expect(describeAuditAction({ action: 'user.setRole', details: { role: 'educator', grant: false } })).toBe(
      'revoked the educator role',
    );
    expect(
      describeAuditAction({ action: 'educatorApplication.reject', details: { reason: 'No sample' } }),
    ).toBe('rejected the educator application (No sample)');
    expect(describeAuditAction({ action: 'course.publish', details: { title: 'React' } })).toBe(
      'published the course “React”',
    );
  });

  it('describes featuring a course and taking it off the home page', () => {
    expect(describeAuditAction({ action: 'course.feature', details: { title: 'React' } })).toBe(
      'featured the course “React” on the home page',
    );
    expect(describeAuditAction({ action: 'course.unfeature', details: { title: 'React' } })).toBe(
      'took the course “React” off the home page',
    );
  });

  it('falls back to the raw action for anything unknown', () => {
    expect(describeAuditAction({ action: 'something.new', details: {} })).toBe('something.new');
  });
});

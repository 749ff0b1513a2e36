import { describe, expect, it } from 'vitest';
import { exportFileName, newEmailProblem, newPasswordProblem } from './account';

describe('account settings helpers', () => {
  it('names the export after the day', () => {
    expect(exportFileName(new Date('2026-12-07T23:00:00Z'))).toBe('skillverse-data-2026-12-07.json');
  });
  it('checks a new password', () => {
    expect(newPasswordProblem('old-pass-1', 'short', 'short')).toMatch(/at least 8/);
    expect(newPasswordProblem('old-pass-1', 'old-pass-1', 'old-pass-1')).toMatch(/different/);
    expect(newPasswordProblem('old-pass-1', 'new-pass-22', 'new-pass-23')).toMatch(/match/);
    expect(newPasswordProblem('old-pass-1', 'new-pass-22', 'new-pass-22')).toBeNull();
  });
  it('checks a new email', () => {
    expect(newEmailProblem('a@b.co', 'nope')).toMatch(/valid/);
    expect(newEmailProblem('a@b.co', ' A@B.co ')).toMatch(/already/);
    expect(newEmailProblem('a@b.co', 'c@d.co')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { formatRelativeTime, greeting, relativeTimeEn } from './format';

describe('formatRelativeTime', () => {
  const now = new Date('2026-05-01T12:00:00Z');
  it('says "just now" for the last few seconds', () => {
    expect(formatRelativeTime(new Date('2026-05-01T11:59:40Z'), now)).toBe('just now');
  });
  it('uses the largest whole unit', () => {
    expect(formatRelativeTime(new Date('2026-05-01T11:55:00Z'), now)).toMatch(/5 minutes ago/);
    expect(formatRelativeTime(new Date('2026-05-01T09:00:00Z'), now)).toMatch(/3 hours ago/);
    expect(formatRelativeTime(new Date('2026-04-30T12:00:00Z'), now)).toMatch(/yesterday/);
  });
});

describe('greeting', () => {
  it('follows the time of day', () => {
    expect(greeting(new Date(2026, 0, 1, 8))).toBe('Good morning');
    expect(greeting(new Date(2026, 0, 1, 14))).toBe('Good afternoon');
    expect(greeting(new Date(2026, 0, 1, 21))).toBe('Good evening');
  });
});

describe('relativeTimeEn', () => {
  it('writes what Intl.RelativeTimeFormat en with numeric auto writes', () => {
    const intl = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    for (const unit of ['year', 'month', 'week', 'day', 'hour', 'minute'] as const) {
      for (const value of [-1234, -45, -2, -1, -0, 0, 1, 2, 7, 59, 1234]) {
        expect(relativeTimeEn(value, unit), `${value} ${unit}`).toBe(intl.format(value, unit));
      }
    }
  });
});

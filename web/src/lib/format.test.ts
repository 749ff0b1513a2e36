import { describe, expect, it } from 'vitest';
import { formatRelativeTime, greeting } from './format';

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

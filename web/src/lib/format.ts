import { formatCount } from '@skillverse/domain/number-format';

// Created on first use: the first Intl formatter a tab creates loads ICU's locale data (tens of
// milliseconds, more on a phone), and pages that never show a relative time should not pay for it
// while their modules load (docs/rendering.md, "Intl on the first render").
// English readers get the relative time written here without Intl at all, word for word what
// `Intl.RelativeTimeFormat('en', { numeric: 'auto' })` writes (format.test.ts compares the two).
let relative: Intl.RelativeTimeFormat | undefined;
let dateTime: Intl.DateTimeFormat | undefined;

const prefersEnglish = () => typeof navigator !== 'undefined' && /^en(-|$)/i.test(navigator.language ?? '');

/** "yesterday", "this week", "next year": the words Intl uses for -1, 0 and 1 of a unit. */
function nearWords(value: number, unit: string): string | undefined {
  if (unit === 'day') return ['yesterday', 'today', 'tomorrow'][value + 1];
  if (value === 0) return `this ${unit}`;
  if (unit === 'hour' || unit === 'minute') return undefined;
  return value === -1 ? `last ${unit}` : value === 1 ? `next ${unit}` : undefined;
}

/** English relative time with `numeric: 'auto'`: "yesterday", "in 2 weeks", "1,234 days ago". */
export function relativeTimeEn(
  value: number,
  unit: 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute',
): string {
  const n = value === 0 ? 0 : value; // -0 reads as 0
  const near = nearWords(n, unit);
  if (near) return near;
  const abs = Math.abs(n);
  const words = `${formatCount(abs)} ${unit}${abs === 1 ? '' : 's'}`;
  return n < 0 ? `${words} ago` : `in ${words}`;
}

const UNITS: ['year' | 'month' | 'week' | 'day' | 'hour' | 'minute', number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes ago", "yesterday", "just now". */
export function formatRelativeTime(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  for (const [unit, size] of UNITS) {
    if (abs >= size || unit === 'minute') {
      const value = Math.round(seconds / size);
      if (prefersEnglish()) return relativeTimeEn(value, unit);
      relative ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
      return relative.format(value, unit);
    }
  }
  return 'just now';
}

/** Full date and time, for tooltips and <time> titles. */
export function formatDateTime(date: Date): string {
  dateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return dateTime.format(date);
}

/** "Good morning" / "Good afternoon" / "Good evening" for the hour of `date`. */
export function greeting(date: Date = new Date()): string {
  const h = date.getHours();
  if (h < 5) return 'Good evening';
  if (h < 12) return 'Good morning';
  if (h < 18) return 'Good afternoon';
  return 'Good evening';
}

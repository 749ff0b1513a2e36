import { isValidTimeZone } from '@skillverse/domain/gamification';

const FALLBACK_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Madrid',
  'Africa/Lagos',
  'Africa/Nairobi',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
  'America/Sao_Paulo',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
];

/** The browser's time zone (IANA name), or UTC. */
export function browserTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return isValidTimeZone(zone) ? zone : 'UTC';
  } catch {
    return 'UTC';
  }
}

let cached: string[] | undefined;

/** Every IANA time zone the browser knows (with `include` added if missing), sorted. */
export function timeZoneOptions(include?: string): string[] {
  if (!cached) {
    const supported =
      typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : FALLBACK_ZONES;
    cached = Array.from(new Set(['UTC', ...supported])).sort();
  }
  return include && !cached.includes(include) ? [include, ...cached] : cached;
}

export { isValidTimeZone };

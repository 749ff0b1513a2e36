import { describe, expect, it } from 'vitest';
import {
  closeAttendance,
  EMPTY_ATTENDANCE,
  mergeAttendance,
  notStartedExpired,
  overrunExpired,
  reminderDue,
  reminderNotificationId,
  seatsLeft,
  sessionEndsAt,
  sessionPhase,
  utcToZonedDateTime,
  zonedDateTimeToUtc,
} from './live';

const start = new Date('2026-12-10T18:00:00Z');
const at = (iso: string) => new Date(iso);

describe('session times', () => {
  it('ends durationMin after the start', () => {
    expect(sessionEndsAt({ scheduledAt: start, durationMin: 90 }).toISOString()).toBe(
      '2026-12-10T19:30:00.000Z',
    );
  });
  it('never reports negative seats', () => {
    expect(seatsLeft({ capacity: 10, registeredCount: 4 })).toBe(6);
    expect(seatsLeft({ capacity: 10, registeredCount: 12 })).toBe(0);
  });
  it('lists scheduled as upcoming, live as live, ended and cancelled as past', () => {
    expect(sessionPhase('scheduled')).toBe('upcoming');
    expect(sessionPhase('live')).toBe('live');
    expect(sessionPhase('ended')).toBe('past');
    expect(sessionPhase('cancelled')).toBe('past');
  });
  it('expires an unstarted session 15 minutes after its scheduled end, a live one 2 hours after', () => {
    const s = { scheduledAt: start, durationMin: 60 };
    expect(notStartedExpired(s, at('2026-12-10T19:14:00Z'))).toBe(false);
    expect(notStartedExpired(s, at('2026-12-10T19:16:00Z'))).toBe(true);
    expect(overrunExpired(s, at('2026-12-10T20:59:00Z'))).toBe(false);
    expect(overrunExpired(s, at('2026-12-10T21:01:00Z'))).toBe(true);
  });
});

describe('reminders', () => {
  it('uses one deterministic notification id per kind and session', () => {
    expect(reminderNotificationId('reminder24h', 's1')).toBe('reminder24h_s1');
    expect(reminderNotificationId('reminder15m', 's1')).toBe('reminder15m_s1');
  });
  it('sends the 24 h reminder from 24 h before until the 15 min window opens', () => {
    expect(reminderDue('reminder24h', start, at('2026-12-09T17:59:00Z'))).toBe(false);
    expect(reminderDue('reminder24h', start, at('2026-12-09T18:00:00Z'))).toBe(true);
    expect(reminderDue('reminder24h', start, at('2026-12-10T17:44:00Z'))).toBe(true);
    expect(reminderDue('reminder24h', start, at('2026-12-10T17:45:00Z'))).toBe(false);
  });
  it('sends the 15 min reminder from 15 min before until the start', () => {
    expect(reminderDue('reminder15m', start, at('2026-12-10T17:44:59Z'))).toBe(false);
    expect(reminderDue('reminder15m', start, at('2026-12-10T17:45:00Z'))).toBe(true);
    expect(reminderDue('reminder15m', start, at('2026-12-10T18:00:00Z'))).toBe(false);
  });
});

describe('mergeAttendance', () => {
  it('sums stays across reconnects and keeps the first join', () => {
    let a = mergeAttendance(EMPTY_ATTENDANCE, { type: 'joined', at: at('2026-12-10T18:00:00Z') });
    a = mergeAttendance(a, { type: 'left', at: at('2026-12-10T18:10:00Z') });
    a = mergeAttendance(a, { type: 'joined', at: at('2026-12-10T18:20:00Z') });
    a = mergeAttendance(a, { type: 'left', at: at('2026-12-10T18:25:30Z') });
    expect(a).toEqual({
      joinedAt: at('2026-12-10T18:00:00Z'),
      leftAt: at('2026-12-10T18:25:30Z'),
      totalSec: 930,
      sessions: 2,
      openSince: null,
    });
  });
  it('keeps the earlier start when a second join arrives while still in the room', () => {
    let a = mergeAttendance(EMPTY_ATTENDANCE, { type: 'joined', at: at('2026-12-10T18:00:00Z') });
    a = mergeAttendance(a, { type: 'joined', at: at('2026-12-10T18:05:00Z') });
    a = mergeAttendance(a, { type: 'left', at: at('2026-12-10T18:10:00Z') });
    expect(a.totalSec).toBe(600);
  });
  it('records leftAt without adding time for a left with no open stay', () => {
    const a = mergeAttendance(EMPTY_ATTENDANCE, { type: 'left', at: at('2026-12-10T18:10:00Z') });
    expect(a.totalSec).toBe(0);
    expect(a.leftAt).toEqual(at('2026-12-10T18:10:00Z'));
  });
  it('closes an open stay when the room finishes', () => {
    const open = mergeAttendance(EMPTY_ATTENDANCE, { type: 'joined', at: at('2026-12-10T18:00:00Z') });
    expect(closeAttendance(open, at('2026-12-10T18:01:00Z')).totalSec).toBe(60);
    expect(closeAttendance(EMPTY_ATTENDANCE, at('2026-12-10T18:01:00Z'))).toBe(EMPTY_ATTENDANCE);
  });
});

describe('timezones', () => {
  it('converts a wall-clock time in a timezone to UTC and back', () => {
    const utc = zonedDateTimeToUtc('2026-12-10', '18:30', 'Europe/Paris');
    expect(utc?.toISOString()).toBe('2026-12-10T17:30:00.000Z');
    expect(utcToZonedDateTime(utc as Date, 'Europe/Paris')).toEqual({ date: '2026-12-10', time: '18:30' });
    expect(zonedDateTimeToUtc('2026-07-01', '09:00', 'America/New_York')?.toISOString()).toBe(
      '2026-07-01T13:00:00.000Z',
    );
    expect(zonedDateTimeToUtc('2026-07-01', '09:00', 'UTC')?.toISOString()).toBe('2026-07-01T09:00:00.000Z');
  });
  it('crosses the date line', () => {
    expect(zonedDateTimeToUtc('2026-12-10', '08:00', 'Pacific/Auckland')?.toISOString()).toBe(
      '2026-12-09T19:00:00.000Z',
    );
    expect(utcToZonedDateTime(at('2026-12-09T19:00:00Z'), 'Pacific/Auckland')).toEqual({
      date: '2026-12-10',
      time: '08:00',
    });
  });
  it('moves a time in a DST gap forward and takes the earlier instant in an overlap', () => {
    // London springs forward 01:00 → 02:00 on 2026-03-29 and falls back 02:00 → 01:00 on 2026-10-25.
    expect(zonedDateTimeToUtc('2026-03-29', '01:30', 'Europe/London')?.toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(zonedDateTimeToUtc('2026-10-25', '01:30', 'Europe/London')?.toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });
  it('answers null for malformed or impossible input', () => {
    expect(zonedDateTimeToUtc('2026-02-31', '10:00', 'UTC')).toBeNull();
    expect(zonedDateTimeToUtc('2026-12-10', '25:00', 'UTC')).toBeNull();
    expect(zonedDateTimeToUtc('10/12/2026', '10:00', 'UTC')).toBeNull();
    expect(zonedDateTimeToUtc('2026-12-10', '10:00', 'Mars/Base')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  attendanceMinSec,
  attendanceQualifies,
  clampToWindow,
  closeAttendance,
  earlyStartMessage,
  formatDuration,
  hostingVerdict,
  presencePresentSec,
  secondsInWindow,
  startTooEarly,
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
  hostingChecklist,
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

describe('earned, not asserted: attendance and hosting', () => {
  const startedAt = at('2026-12-10T18:00:00Z');
  const endedAt = at('2026-12-10T18:40:00Z');
  const window = { startedAt, endedAt };
  const minutes = (n: number) => n * 60;

  it('refuses to go live more than 10 minutes before the scheduled start', () => {
    expect(startTooEarly(start, at('2026-12-10T17:49:59Z'))).toBe(true);
    expect(startTooEarly(start, at('2026-12-10T17:50:00Z'))).toBe(false);
    expect(startTooEarly(start, at('2026-12-10T19:00:00Z'))).toBe(false);
    expect(earlyStartMessage(start)).toBe(
      'You can go live from 10 minutes before the scheduled start (from 2026-12-10 17:50 UTC).',
    );
  });

  it('needs 10 minutes present, or half the session when that is shorter', () => {
    expect(attendanceMinSec(60)).toBe(600);
    expect(attendanceMinSec(20)).toBe(600);
    expect(attendanceMinSec(15)).toBe(450);
    expect(attendanceMinSec(5)).toBe(150);
    expect(attendanceQualifies(599, 60)).toBe(false);
    expect(attendanceQualifies(600, 60)).toBe(true);
    expect(attendanceQualifies(150, 5)).toBe(true);
    expect(attendanceQualifies(0, 0)).toBe(false);
  });

  it('clamps join and leave to the live window', () => {
    expect(clampToWindow(at('2026-12-10T17:00:00Z'), window)).toEqual(startedAt);
    expect(clampToWindow(at('2026-12-10T19:00:00Z'), window)).toEqual(endedAt);
    expect(clampToWindow(at('2026-12-10T18:10:00Z'), window)).toEqual(at('2026-12-10T18:10:00Z'));
    expect(clampToWindow(at('2026-12-10T19:00:00Z'), { startedAt, endedAt: null })).toEqual(
      at('2026-12-10T19:00:00Z'),
    );
    expect(secondsInWindow(at('2026-12-10T17:00:00Z'), at('2026-12-10T18:05:00Z'), window)).toBe(300);
    expect(secondsInWindow(at('2026-12-10T17:00:00Z'), at('2026-12-10T17:30:00Z'), window)).toBe(0);
    expect(secondsInWindow(start, endedAt, { startedAt: null, endedAt })).toBe(0);
  });

  it('counts presence from the current stay plus earlier stays, never more than the window', () => {
    // A backdated join counts from the start only.
    const backdated = { joinedAt: at('2026-12-10T12:00:00Z'), lastSeenAt: at('2026-12-10T18:05:00Z') };
    expect(presencePresentSec(backdated, window)).toBe(minutes(5));
    expect(
      presencePresentSec(
        { joinedAt: at('2026-12-10T18:20:00Z'), lastSeenAt: at('2026-12-10T18:30:00Z'), earlierSec: 300 },
        window,
      ),
    ).toBe(minutes(15));
    expect(
      presencePresentSec(
        { joinedAt: at('2026-12-10T18:20:00Z'), lastSeenAt: at('2026-12-10T18:30:00Z'), earlierSec: 1e9 },
        window,
      ),
    ).toBe(minutes(40));
    expect(presencePresentSec({ joinedAt: null, lastSeenAt: null }, window)).toBe(0);
    expect(presencePresentSec(backdated, { startedAt: null, endedAt: null })).toBe(0);
  });

  it('credits hosting only for a 15-minute session with 2 attendees present long enough, and says why', () => {
    const earned = hostingVerdict({ window, durationMin: 60, attendeePresentSec: [600, 1200, 30] });
    expect(earned).toMatchObject({ earned: true, ranSec: 2400, qualifiedAttendees: 2, attendeeMinSec: 600 });
    expect(earned.reason).toBe(
      'Hosting points earned: 2 attendees were present 10 min or more in a 40 min session.',
    );

    const alone = hostingVerdict({ window, durationMin: 60, attendeePresentSec: [] });
    expect(alone.earned).toBe(false);
    expect(alone.reason).toBe(
      'No hosting points: 0 attendees were present 10 min (needs 2 attendees present 10 min and a session of at least 15 min).',
    );

    const oneShort = hostingVerdict({ window, durationMin: 60, attendeePresentSec: [1200, 599] });
    expect(oneShort).toMatchObject({ earned: false, qualifiedAttendees: 1 });
    expect(oneShort.reason).toContain('1 attendee was present 10 min');

    const quick = hostingVerdict({
      window: { startedAt, endedAt: at('2026-12-10T18:02:00Z') },
      durationMin: 5,
      attendeePresentSec: [120, 120],
    });
    expect(quick.earned).toBe(false);
    expect(quick.reason).toBe(
      'No hosting points: the session ran 2 min and 0 attendees were present 2 min 30 s (needs 2 attendees present 2 min 30 s and a session of at least 15 min).',
    );
    expect(
      hostingVerdict({
        window: { startedAt: null, endedAt },
        durationMin: 60,
        attendeePresentSec: [900, 900],
      }).earned,
    ).toBe(false);
  });

  it('formats durations plainly', () => {
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(150)).toBe('2 min 30 s');
    expect(formatDuration(45)).toBe('45 s');
  });
});

describe('hostingChecklist', () => {
  it('sets what was observed beside what hosting points need', () => {
    expect(hostingChecklist({ ranSec: 30 * 60, qualifiedAttendees: 2, attendeeMinSec: 600 })).toEqual([
      { label: 'Session ran', observed: '30 min', needed: 'at least 15 min', met: true },
      { label: 'Attendees present 10 min or more', observed: '2', needed: 'at least 2', met: true },
    ]);
    const short = hostingChecklist({ ranSec: 125, qualifiedAttendees: 1, attendeeMinSec: 60 });
    expect(short.map((c) => [c.observed, c.met])).toEqual([
      ['2 min 5 s', false],
      ['1', false],
    ]);
    expect(short[1]?.label).toBe('Attendees present 1 min or more');
  });
});

// Live sessions (SPEC §5.4): callable request/response types, reminder and expiry windows,
// attendance merging, and timezone helpers for the scheduling form. Pure: no Firebase imports.
import { isValidTimeZone, timeZoneOffsetMs, zonedParts } from './gamification';
import type { LiveSessionStatus } from './models';

// ---------------------------------------------------------------------------------------------
// Callables (names are a contract: SPEC §4)

export interface RegisterForLiveSessionRequest {
  sessionId: string;
  action: 'register' | 'unregister';
}
export interface RegisterForLiveSessionResponse {
  sessionId: string;
  registered: boolean;
  registeredCount: number;
  capacity: number;
}

export interface LiveSessionIdRequest {
  sessionId: string;
}
export interface StartLiveSessionResponse {
  sessionId: string;
  status: 'live';
  /** Whether a LiveKit room was created (false without LiveKit keys). */
  videoRoom: boolean;
}
export interface EndLiveSessionResponse {
  sessionId: string;
  status: 'ended';
  /** People other than the host with an attendance record. */
  attendees: number;
  /** Of those, the ones present long enough to earn attendance. */
  qualifiedAttendees: number;
  /** Whether the host earned hosting points, and why (or why not). */
  hosting: { earned: boolean; reason: string };
}
export interface CancelLiveSessionResponse {
  sessionId: string;
  status: 'cancelled';
}

/** What getLiveKitToken answers: a short-lived join token for one room. */
export interface LiveKitTokenResponse {
  token: string;
  /** The LiveKit server (wss://…). */
  url: string;
  /** The participant identity: the caller's uid. */
  identity: string;
  canPublish: boolean;
  isHost: boolean;
  /** Seconds the token is valid for. */
  ttlSec: number;
}

/** The failed-precondition message when no LiveKit server is configured (SPEC §7). */
export const VIDEO_UNAVAILABLE_MESSAGE =
  'Video needs a LiveKit server; chat, Q&A, polls and hands still work';

/** getLiveKitToken's permission-denied message for someone the host removed from the room. */
export const REMOVED_FROM_ROOM_MESSAGE =
  'The host removed you from this session’s room, so you cannot rejoin it.';

/** Join tokens live this long. */
export const LIVEKIT_TOKEN_TTL_SEC = 10 * 60;

// ---------------------------------------------------------------------------------------------
// Times

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface SessionTimes {
  scheduledAt: Date;
  durationMin: number;
}

export function sessionEndsAt(session: SessionTimes): Date {
  return new Date(session.scheduledAt.getTime() + session.durationMin * MINUTE);
}

export function seatsLeft(session: { capacity: number; registeredCount: number }): number {
  return Math.max(0, session.capacity - session.registeredCount);
}

/** Statuses in which people may register or unregister. */
export const REGISTRATION_OPEN_STATUSES: readonly LiveSessionStatus[] = ['scheduled', 'live'];

export type ReminderKind = 'reminder24h' | 'reminder15m';

export const REMINDERS: readonly { kind: ReminderKind; beforeMs: number; label: string }[] = [
  { kind: 'reminder24h', beforeMs: 24 * HOUR, label: 'tomorrow' },
  { kind: 'reminder15m', beforeMs: 15 * MINUTE, label: 'in 15 minutes' },
];

/** Deterministic notification id: one reminder of each kind per user and session. */
export function reminderNotificationId(kind: ReminderKind, sessionId: string): string {
  return `${kind}_${sessionId}`;
}

/**
 * A reminder is due once `now` is inside its window: from `beforeMs` before the start until the
 * next reminder's window opens (the 24 h one stops when the 15 min one starts), and never after
 * the start.
 */
export function reminderDue(kind: ReminderKind, scheduledAt: Date, now: Date): boolean {
  const start = scheduledAt.getTime();
  const t = now.getTime();
  if (t >= start) return false;
  const index = REMINDERS.findIndex((r) => r.kind === kind);
  const reminder = REMINDERS[index];
  if (!reminder) return false;
  const next = REMINDERS[index + 1];
  const opens = start - reminder.beforeMs;
  const closes = next ? start - next.beforeMs : start;
  return t >= opens && t < closes;
}

/** Grace after the scheduled end before a session nobody started is cancelled. */
export const NOT_STARTED_GRACE_MS = 15 * MINUTE;
/** A live session still open this long after its scheduled end is ended by the job. */
export const OVERRUN_GRACE_MS = 2 * HOUR;

export function notStartedExpired(session: SessionTimes, now: Date): boolean {
  return now.getTime() > sessionEndsAt(session).getTime() + NOT_STARTED_GRACE_MS;
}

export function overrunExpired(session: SessionTimes, now: Date): boolean {
  return now.getTime() > sessionEndsAt(session).getTime() + OVERRUN_GRACE_MS;
}

export type SessionPhase = 'live' | 'upcoming' | 'past';

/** Where a session is listed: live now, upcoming (scheduled) or past (ended or cancelled). */
export function sessionPhase(status: LiveSessionStatus): SessionPhase {
  if (status === 'live') return 'live';
  if (status === 'scheduled') return 'upcoming';
  return 'past';
}

// ---------------------------------------------------------------------------------------------
// Attendance from LiveKit webhooks

export interface AttendanceState {
  joinedAt: Date | null;
  leftAt: Date | null;
  totalSec: number;
  /** Join events seen (reconnects count again). */
  sessions: number;
  /** When the current stay began, or null when the participant is not in the room. */
  openSince: Date | null;
}

export const EMPTY_ATTENDANCE: AttendanceState = {
  joinedAt: null,
  leftAt: null,
  totalSec: 0,
  sessions: 0,
  openSince: null,
};

/**
 * Applies one participant_joined / participant_left event. Stays are summed across reconnects; a
 * second join while already in the room (a duplicate or a reconnect without a left) keeps the
 * earlier start; a left without an open stay only records `leftAt`.
 */
export function mergeAttendance(
  prev: AttendanceState,
  event: { type: 'joined' | 'left'; at: Date },
): AttendanceState {
  if (event.type === 'joined') {
    return {
      ...prev,
      joinedAt: prev.joinedAt && prev.joinedAt <= event.at ? prev.joinedAt : event.at,
      sessions: prev.sessions + 1,
      openSince: prev.openSince ?? event.at,
    };
  }
  const stay = prev.openSince
    ? Math.max(0, Math.round((event.at.getTime() - prev.openSince.getTime()) / 1000))
    : 0;
  return {
    ...prev,
    leftAt: prev.leftAt && prev.leftAt > event.at ? prev.leftAt : event.at,
    totalSec: prev.totalSec + stay,
    openSince: null,
  };
}

/** Closes an open stay at `at` (the room finished while the participant was still in it). */
export function closeAttendance(prev: AttendanceState, at: Date): AttendanceState {
  return prev.openSince ? mergeAttendance(prev, { type: 'left', at }) : prev;
}

// ---------------------------------------------------------------------------------------------
// Timezones for the scheduling form (date + time in the educator's timezone ↔ UTC instant)

/** Offset of `timeZone` from UTC at `date`, in minutes (e.g. +60 for Europe/Paris in winter). */
export function timeZoneOffsetMin(date: Date, timeZone: string): number {
  return Math.round(timeZoneOffsetMs(date, timeZone) / MINUTE);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

/**
 * The instant of a wall-clock date ('2026-12-10') and time ('18:30') in `timeZone`, or null when
 * they are malformed. In a DST gap the time is moved forward by the gap (as clocks do); in an
 * overlap the earlier instant is used.
 */
export function zonedDateTimeToUtc(date: string, time: string, timeZone: string): Date | null {
  const d = DATE_RE.exec(date);
  const t = TIME_RE.exec(time);
  if (!d || !t || !isValidTimeZone(timeZone)) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null; // 2026-02-31
  // The offset is either the one in force a day before or a day after the wall time.
  const candidates = [
    wall - timeZoneOffsetMin(new Date(wall - 24 * HOUR), timeZone) * MINUTE,
    wall - timeZoneOffsetMin(new Date(wall + 24 * HOUR), timeZone) * MINUTE,
  ];
  const valid = candidates.filter((c) => {
    const p = zonedParts(new Date(c), timeZone);
    return p.hour === hour && p.minute === minute && p.day === day;
  });
  // No candidate shows that wall time: it falls in a DST gap; the earlier offset moves it forward.
  return new Date(valid.length > 0 ? Math.min(...valid) : (candidates[0] as number));
}

/** The wall-clock date ('2026-12-10') and time ('18:30') of `instant` in `timeZone`. */
export function utcToZonedDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  const p = zonedParts(instant, timeZone);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return { date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

// ---------------------------------------------------------------------------------------------
// Earned, not asserted (issue 15): attendance and hosting points rest on observed time

/** The host may go live from this long before the scheduled start, not earlier. */
export const EARLY_START_MS = 10 * MINUTE;
/** An attendee earns attendance after this much time present (or half the session if shorter). */
export const ATTENDANCE_MIN_SEC = 10 * 60;
/** A host earns hosting points only for a session that ran at least this long… */
export const HOSTING_MIN_RUN_SEC = 15 * 60;
/** …with at least this many attendees (other than the host) who each qualified for attendance. */
export const HOSTING_MIN_ATTENDEES = 2;
/**
 * Presence heartbeats come every minute; a gap longer than this ends a stay (the rules then make
 * the next heartbeat start a new one), so time away from the room is never counted.
 */
export const PRESENCE_MAX_GAP_SEC = 3 * 60;

export function earliestStart(scheduledAt: Date): Date {
  return new Date(scheduledAt.getTime() - EARLY_START_MS);
}

/** Whether going live at `now` is earlier than allowed. */
export function startTooEarly(scheduledAt: Date, now: Date): boolean {
  return now.getTime() < earliestStart(scheduledAt).getTime();
}

/** The failed-precondition message for an early start. */
export function earlyStartMessage(scheduledAt: Date): string {
  const opens = earliestStart(scheduledAt).toISOString().slice(0, 16).replace('T', ' ');
  return `You can go live from 10 minutes before the scheduled start (from ${opens} UTC).`;
}

/** "10 min", "2 min 30 s", "45 s". */
export function formatDuration(sec: number): string {
  const s = Math.max(0, Math.floor(sec));
  const min = Math.floor(s / 60);
  const rest = s % 60;
  if (min === 0) return `${rest} s`;
  return rest === 0 ? `${min} min` : `${min} min ${rest} s`;
}

/** Seconds an attendee must be present: 10 minutes, or half the scheduled session if shorter. */
export function attendanceMinSec(durationMin: number): number {
  const half = Math.floor((Math.max(0, durationMin) * 60) / 2);
  return Math.min(ATTENDANCE_MIN_SEC, half);
}

export function attendanceQualifies(presentSec: number, durationMin: number): boolean {
  return presentSec >= attendanceMinSec(durationMin) && presentSec > 0;
}

/** The live window in server time; endedAt null while the session is still live. */
export interface LiveWindow {
  startedAt: Date | null;
  endedAt: Date | null;
}

/** `at` moved inside the live window (before the start → the start; after the end → the end). */
export function clampToWindow(at: Date, window: LiveWindow): Date {
  let t = at.getTime();
  if (window.startedAt && t < window.startedAt.getTime()) t = window.startedAt.getTime();
  if (window.endedAt && t > window.endedAt.getTime()) t = window.endedAt.getTime();
  return new Date(t);
}

/** Whole seconds of [from, to] that fall inside the live window (0 when the session never started). */
export function secondsInWindow(from: Date, to: Date, window: LiveWindow): number {
  if (!window.startedAt) return 0;
  const a = clampToWindow(from, window).getTime();
  const b = clampToWindow(to, window).getTime();
  return Math.max(0, Math.floor((b - a) / 1000));
}

/** What a presence document records (server times; `earlierSec` = earlier stays, rules-bounded). */
export interface PresenceRecord {
  joinedAt: Date | null;
  lastSeenAt: Date | null;
  earlierSec?: number;
}

/**
 * Minutes present from presence, in seconds: the current stay (joinedAt..lastSeenAt) clamped to the
 * live window, plus earlier stays (each one was written while the session was live, so it is in the
 * window already), never more than the window itself.
 */
export function presencePresentSec(presence: PresenceRecord, window: LiveWindow): number {
  if (!presence.joinedAt || !window.startedAt) return 0;
  const current = secondsInWindow(presence.joinedAt, presence.lastSeenAt ?? presence.joinedAt, window);
  const earlier = Number.isFinite(presence.earlierSec)
    ? Math.max(0, Math.floor(presence.earlierSec ?? 0))
    : 0;
  const total = current + earlier;
  if (!window.endedAt) return total;
  return Math.min(total, secondsInWindow(window.startedAt, window.endedAt, window));
}

export interface HostingVerdict {
  earned: boolean;
  /** Seconds the session ran (startedAt..endedAt). */
  ranSec: number;
  /** Attendees (not the host) present at least `attendeeMinSec`. */
  qualifiedAttendees: number;
  attendeeMinSec: number;
  requiredAttendees: number;
  requiredRunSec: number;
  /** Plain words for the host: why the points were or weren't earned. */
  reason: string;
}

/**
 * Whether a host earns hosting points: the session ran HOSTING_MIN_RUN_SEC and at least
 * HOSTING_MIN_ATTENDEES attendees were present attendanceMinSec each.
 */
export function hostingVerdict(input: {
  window: LiveWindow;
  durationMin: number;
  attendeePresentSec: readonly number[];
}): HostingVerdict {
  const { window } = input;
  const ranSec =
    window.startedAt && window.endedAt
      ? Math.max(0, Math.floor((window.endedAt.getTime() - window.startedAt.getTime()) / 1000))
      : 0;
  const attendeeMinSec = attendanceMinSec(input.durationMin);
  const qualifiedAttendees = input.attendeePresentSec.filter((s) =>
    attendanceQualifies(s, input.durationMin),
  ).length;
  const ranLongEnough = ranSec >= HOSTING_MIN_RUN_SEC;
  const enoughPeople = qualifiedAttendees >= HOSTING_MIN_ATTENDEES;
  const needs = `needs ${HOSTING_MIN_ATTENDEES} attendees present ${formatDuration(attendeeMinSec)} and a session of at least ${formatDuration(HOSTING_MIN_RUN_SEC)}`;
  let reason: string;
  if (ranLongEnough && enoughPeople) {
    reason = `Hosting points earned: ${qualifiedAttendees} attendees were present ${formatDuration(attendeeMinSec)} or more in a ${formatDuration(ranSec)} session.`;
  } else {
    const missing: string[] = [];
    if (!ranLongEnough) missing.push(`the session ran ${formatDuration(ranSec)}`);
    if (!enoughPeople) {
      missing.push(
        `${qualifiedAttendees} ${qualifiedAttendees === 1 ? 'attendee was' : 'attendees were'} present ${formatDuration(attendeeMinSec)}`,
      );
    }
    reason = `No hosting points: ${missing.join(' and ')} (${needs}).`;
  }
  return {
    earned: ranLongEnough && enoughPeople,
    ranSec,
    qualifiedAttendees,
    attendeeMinSec,
    requiredAttendees: HOSTING_MIN_ATTENDEES,
    requiredRunSec: HOSTING_MIN_RUN_SEC,
    reason,
  };
}

/** One line of what the platform observed about a session, against what hosting points need. */
export interface HostingCheck {
  label: string;
  observed: string;
  needed: string;
  met: boolean;
}

/**
 * The host's end screen: what was observed (how long the session ran, how many attendees were
 * present long enough) beside what hosting points need — from the verdict stored on the session
 * (`hosting`), with the thresholds the server applies.
 */
export function hostingChecklist(hosting: {
  ranSec: number;
  qualifiedAttendees: number;
  attendeeMinSec: number;
}): HostingCheck[] {
  return [
    {
      label: 'Session ran',
      observed: formatDuration(hosting.ranSec),
      needed: `at least ${formatDuration(HOSTING_MIN_RUN_SEC)}`,
      met: hosting.ranSec >= HOSTING_MIN_RUN_SEC,
    },
    {
      label: `Attendees present ${formatDuration(hosting.attendeeMinSec)} or more`,
      observed: String(hosting.qualifiedAttendees),
      needed: `at least ${HOSTING_MIN_ATTENDEES}`,
      met: hosting.qualifiedAttendees >= HOSTING_MIN_ATTENDEES,
    },
  ];
}

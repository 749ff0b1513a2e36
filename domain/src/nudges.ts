// Nudges (issue 8, item 6): which reminder is due for whom, and what it says. Pure — the scheduled
// `sendNudges` function reads the documents, asks these functions, and sends through notify().
//
// Three families, one notification type (`nudge`, switchable per channel in settings):
//  - inactivity: 1, 3 and 7 days after the last learning activity (`gamification.lastActiveAt`),
//    each at most once per inactivity streak. The streak is named by the local day of that last
//    activity, so learning again starts a new series with new keys. Only the latest stage reached
//    is sent (a job that was down for 3 days sends the 3-day nudge, never a stale 1-day one), only
//    between 09:00 and 20:00 in the user's time zone, and nothing after 9 days (the series is over).
//  - session follow-ups, after a live session ends: attendees are asked to rate it (and pointed to
//    the recording); registered no-shows get the host's next session, else the course, else the list.
//  - exchange follow-ups: a request pending for 3 days reminds the provider; a completed exchange
//    without your feedback asks for it after a day; an active exchange with no session for a week
//    suggests scheduling one (once per quiet spell: the key names the day the spell began).
// Every nudge has a deterministic key, which is the id of its entry in the per-user send log
// (`nudgeLog/{uid}/sends/{key}`) and, prefixed, the id of its notification: a re-run sends nothing twice.
import { formatEmailTime } from './email';
import { addDays, dayNumber, isValidTimeZone, localDay } from './gamification';
import type { AccountStatus, ChannelPreference } from './models';

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export const INACTIVITY_STAGES = [
  { kind: 'inactive-1d', days: 1 },
  { kind: 'inactive-3d', days: 3 },
  { kind: 'inactive-7d', days: 7 },
] as const;
export type InactivityKind = (typeof INACTIVITY_STAGES)[number]['kind'];

/**
 * After this many days without learning no more inactivity nudges are sent. Two days after the
 * last stage, so the 7-day nudge always meets a local sending window even if a run is missed.
 */
export const INACTIVITY_GIVE_UP_DAYS = 9;

/** Inactivity nudges go out only from `fromHour` (inclusive) to `toHour` (exclusive), local time. */
export const LOCAL_SEND_WINDOW = { fromHour: 9, toHour: 20 } as const;

/** Follow-ups wait this long after a session ended (late leavers, webhooks), and give up after 48 h. */
export const SESSION_FOLLOW_UP_DELAY_MS = 10 * 60 * 1000;
export const SESSION_FOLLOW_UP_WINDOW_MS = 2 * DAY_MS;

/** A request unanswered for 3 days reminds the provider (once; requests older than 14 days are left alone). */
export const EXCHANGE_PENDING_DAYS = 3;
export const EXCHANGE_PENDING_WINDOW_DAYS = 14;
/** Feedback is asked for one day after completion, for up to 14 days. */
export const EXCHANGE_FEEDBACK_DELAY_DAYS = 1;
export const EXCHANGE_FEEDBACK_WINDOW_DAYS = 14;
/** An active exchange quiet for 7 days (no session, no change) gets a nudge; after 60 days it is left alone. */
export const EXCHANGE_IDLE_DAYS = 7;
export const EXCHANGE_IDLE_WINDOW_DAYS = 60;

export type NudgeKind =
  | InactivityKind
  | 'session-attended'
  | 'session-missed'
  | 'exchange-pending'
  | 'exchange-feedback'
  | 'exchange-schedule';

export const NUDGE_KINDS: readonly NudgeKind[] = [
  'inactive-1d',
  'inactive-3d',
  'inactive-7d',
  'session-attended',
  'session-missed',
  'exchange-pending',
  'exchange-feedback',
  'exchange-schedule',
];

/** Deterministic send-log keys (document ids: no '/'). */
export const nudgeKey = {
  inactivity: (kind: InactivityKind, streakStartDay: string) => {
    dayNumber(streakStartDay); // throws on anything but a calendar day
    return `${kind}:${streakStartDay}`;
  },
  sessionFollowUp: (sessionId: string) => `session-followup:${idPart(sessionId)}`,
  exchangePending: (exchangeId: string) => `exchange-pending:${idPart(exchangeId)}`,
  exchangeFeedback: (exchangeId: string) => `exchange-feedback:${idPart(exchangeId)}`,
  exchangeSchedule: (exchangeId: string, quietSinceDay: string) => {
    dayNumber(quietSinceDay);
    return `exchange-schedule:${idPart(exchangeId)}:${quietSinceDay}`;
  },
} as const;

function idPart(id: string): string {
  if (!id || id.includes('/')) throw new Error(`Not a document id: "${id}"`);
  return id;
}

/** The notification id of a nudge: `nudge_` and the key with ':' as '_'. */
export function nudgeNotificationId(key: string): string {
  return `nudge_${key.replace(/:/g, '_')}`;
}

/** One entry of the per-user send log, `nudgeLog/{uid}/sends/{key}` (server only; admins read). */
export interface NudgeLogEntry {
  kind: NudgeKind;
  /** `sending` while notify() runs; `sent` once it has (a re-run retries `sending` ones, idempotently). */
  status: 'sending' | 'sent';
  notificationId: string;
  link: string | null;
  inApp?: string;
  email?: string;
  createdAt: Date;
  sentAt?: Date;
}

// ---------------------------------------------------------------------------------------------
// Who may be nudged

/** Hour of the day (0–23) of `now` in `timeZone` (UTC when the zone is unknown). */
export function localHour(now: Date, timeZone: string): number {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const hour = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', hour: '2-digit' })
    .formatToParts(now)
    .find((p) => p.type === 'hour')?.value;
  return Number(hour ?? 0) % 24;
}

export function inLocalSendWindow(now: Date, timeZone: string): boolean {
  const hour = localHour(now, timeZone);
  return hour >= LOCAL_SEND_WINDOW.fromHour && hour < LOCAL_SEND_WINDOW.toHour;
}

export type RecipientBlock = 'no-profile' | 'not-active' | 'preferences-off';

/**
 * Whether anything may be sent to this person: an active account (suspended and banned people get
 * nothing) with at least one channel of the `nudge` type on (both off is how one unsubscribes).
 */
export function recipientBlock(
  status: AccountStatus | string | null | undefined,
  channels: ChannelPreference,
): RecipientBlock | null {
  if (status == null) return 'no-profile';
  if (status !== 'active') return 'not-active';
  if (!channels.inApp && !channels.email) return 'preferences-off';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Inactivity

export interface InactivityInput {
  now: Date;
  lastActiveAt: Date | null;
  timezone: string;
  /** Keys already in the user's send log (only those of this streak matter). */
  sent: ReadonlySet<string> | readonly string[];
}

export type InactivityDecision =
  | {
      due: true;
      kind: InactivityKind;
      key: string;
      /** Local day of the last activity: names the streak. */
      streakStartDay: string;
      inactiveDays: number;
    }
  | {
      due: false;
      reason: 'never-active' | 'recently-active' | 'series-over' | 'outside-local-hours' | 'already-sent';
    };

/** The inactivity stage reached after `inactiveMs`, or null before a day has passed. */
export function inactivityStage(inactiveMs: number): (typeof INACTIVITY_STAGES)[number] | null {
  let reached: (typeof INACTIVITY_STAGES)[number] | null = null;
  for (const stage of INACTIVITY_STAGES) if (inactiveMs >= stage.days * DAY_MS) reached = stage;
  return reached;
}

/** Which inactivity nudge is due now, if any. */
export function inactivityNudgeDue(input: InactivityInput): InactivityDecision {
  if (!input.lastActiveAt) return { due: false, reason: 'never-active' };
  const inactiveMs = input.now.getTime() - input.lastActiveAt.getTime();
  if (inactiveMs >= INACTIVITY_GIVE_UP_DAYS * DAY_MS) return { due: false, reason: 'series-over' };
  const stage = inactivityStage(inactiveMs);
  if (!stage) return { due: false, reason: 'recently-active' };
  const streakStartDay = localDay(input.lastActiveAt, input.timezone);
  const sent = new Set(input.sent);
  // This stage or a later one of the same streak already went out: nothing (never twice, never backwards).
  const from = INACTIVITY_STAGES.findIndex((s) => s.kind === stage.kind);
  if (INACTIVITY_STAGES.slice(from).some((s) => sent.has(nudgeKey.inactivity(s.kind, streakStartDay))))
    return { due: false, reason: 'already-sent' };
  if (!inLocalSendWindow(input.now, input.timezone)) return { due: false, reason: 'outside-local-hours' };
  return {
    due: true,
    kind: stage.kind,
    key: nudgeKey.inactivity(stage.kind, streakStartDay),
    streakStartDay,
    inactiveDays: Math.floor(inactiveMs / DAY_MS),
  };
}

export interface NudgeMessage {
  title: string;
  body: string;
  /** An app path. */
  link: string;
}

export interface InactivityContext {
  /** The course they were on: the latest active, unfinished enrolment. */
  course: { id: string; title: string; lastLectureId: string | null; progress: number } | null;
  /** Their streak, if it is still alive today (last active yesterday, local). */
  streak: { currentStreak: number; lastActiveDay: string | null } | null;
  /** Their next registered live session. */
  upcomingSession: { id: string; title: string; scheduledAt: Date } | null;
  /** Their local day now. */
  today: string;
  /** Their time zone, for times in the message (UTC when unknown). */
  timeZone?: string | null;
}

const enc = encodeURIComponent;

export function resumeLink(course: { id: string; lastLectureId: string | null }): string {
  return course.lastLectureId
    ? `/learn/${enc(course.id)}/${enc(course.lastLectureId)}`
    : `/courses/${enc(course.id)}`;
}

/**
 * "Tue 1 Dec, 18:00 UTC", or in the recipient's zone when given ("Tue 1 Dec, 19:00
 * (Europe/Paris, UTC+1)") — emails and notifications are read later, so say the zone.
 */
export function formatSessionTime(at: Date, timeZone?: string | null): string {
  return formatEmailTime(at, timeZone);
}

/** A streak of 2+ days whose last day was yesterday ends tonight unless they learn today. */
export function streakAtRisk(ctx: Pick<InactivityContext, 'streak' | 'today'>): number | null {
  const s = ctx.streak;
  if (!s || s.currentStreak < 2 || !s.lastActiveDay) return null;
  return s.lastActiveDay === addDays(ctx.today, -1) ? s.currentStreak : null;
}

export function inactivityMessage(kind: InactivityKind, ctx: InactivityContext): NudgeMessage {
  const parts: string[] = [];
  const streak = kind === 'inactive-1d' ? streakAtRisk(ctx) : null;
  if (streak) parts.push(`Your ${streak}-day streak ends tonight — one lecture keeps it going.`);
  if (ctx.course) {
    const progress = Math.max(0, Math.min(100, Math.round(ctx.course.progress)));
    parts.push(
      progress > 0
        ? `You're ${progress}% through ${ctx.course.title}. Pick up where you left off.`
        : `${ctx.course.title} is waiting for you. Start the first lecture.`,
    );
  }
  if (ctx.upcomingSession) {
    parts.push(
      `Coming up: ${ctx.upcomingSession.title}, ${formatSessionTime(ctx.upcomingSession.scheduledAt, ctx.timeZone)}.`,
    );
  }
  const link = ctx.course
    ? resumeLink(ctx.course)
    : ctx.upcomingSession
      ? `/live-sessions/${enc(ctx.upcomingSession.id)}`
      : '/courses';
  const title = {
    'inactive-1d': streak
      ? `Keep your ${streak}-day streak alive`
      : ctx.course
        ? `Continue ${ctx.course.title}`
        : 'Ready for today’s lesson?',
    'inactive-3d': ctx.course ? `${ctx.course.title} is waiting for you` : 'A few minutes of learning today?',
    'inactive-7d': ctx.course
      ? `It’s been a week — resume ${ctx.course.title}`
      : 'It’s been a week — learn something new',
  }[kind];
  if (parts.length === 0) parts.push('Find a course you’ll enjoy — a lecture takes only a few minutes.');
  return { title, body: parts.join(' '), link };
}

// ---------------------------------------------------------------------------------------------
// Live-session follow-ups

/** Ended long enough ago for attendance to be final, and not so long ago that a nudge is stale. */
export function sessionFollowUpDue(endedAt: Date | null, now: Date): boolean {
  if (!endedAt) return false;
  const since = now.getTime() - endedAt.getTime();
  return since >= SESSION_FOLLOW_UP_DELAY_MS && since < SESSION_FOLLOW_UP_WINDOW_MS;
}

export interface SessionFollowUpContext {
  session: {
    id: string;
    title: string;
    hostName: string;
    recordingUrl: string | null;
    answeredQuestions: number;
  };
  /** For no-shows: the host's next scheduled session, else the linked course. */
  nextSession: { id: string; title: string; scheduledAt: Date } | null;
  course: { id: string; title: string } | null;
  /** The recipient's time zone, for times in the message (UTC when unknown). */
  timeZone?: string | null;
}

export function sessionFollowUpMessage(attended: boolean, ctx: SessionFollowUpContext): NudgeMessage {
  const s = ctx.session;
  const host = s.hostName || 'the host';
  if (attended) {
    const extras: string[] = [];
    if (s.recordingUrl) extras.push('the recording is ready');
    if (s.answeredQuestions > 0)
      extras.push(`${s.answeredQuestions} answered ${s.answeredQuestions === 1 ? 'question' : 'questions'}`);
    return {
      title: `How was ${s.title}?`,
      body: `Thanks for joining. Rate the session to help ${host} and other learners.${
        extras.length ? ` On the session page: ${extras.join(' and ')}.` : ''
      }`,
      link: `/live-sessions/${enc(s.id)}#feedback`,
    };
  }
  if (ctx.nextSession) {
    return {
      title: `Sorry we missed you at ${s.title}`,
      body: `${host} is live again on ${formatSessionTime(ctx.nextSession.scheduledAt, ctx.timeZone)}: ${ctx.nextSession.title}. Save your seat.`,
      link: `/live-sessions/${enc(ctx.nextSession.id)}`,
    };
  }
  if (ctx.course) {
    return {
      title: `Sorry we missed you at ${s.title}`,
      body: `Catch up in ${ctx.course.title}, the course this session belongs to.`,
      link: `/courses/${enc(ctx.course.id)}`,
    };
  }
  if (s.recordingUrl) {
    return {
      title: `Sorry we missed you at ${s.title}`,
      body: 'The recording is ready on the session page.',
      link: `/live-sessions/${enc(s.id)}`,
    };
  }
  return {
    title: `Sorry we missed you at ${s.title}`,
    body: 'Find another live session to join.',
    link: '/live-sessions',
  };
}

// ---------------------------------------------------------------------------------------------
// Exchange follow-ups

export function exchangePendingDue(createdAt: Date | null, now: Date): boolean {
  if (!createdAt) return false;
  const age = now.getTime() - createdAt.getTime();
  return age >= EXCHANGE_PENDING_DAYS * DAY_MS && age < EXCHANGE_PENDING_WINDOW_DAYS * DAY_MS;
}

export function exchangeFeedbackDue(completedAt: Date | null, now: Date): boolean {
  if (!completedAt) return false;
  const age = now.getTime() - completedAt.getTime();
  return age >= EXCHANGE_FEEDBACK_DELAY_DAYS * DAY_MS && age < EXCHANGE_FEEDBACK_WINDOW_DAYS * DAY_MS;
}

/** The participants who have not left feedback yet. */
export function feedbackRecipients(
  participants: readonly string[],
  gaveFeedback: readonly string[],
): string[] {
  const done = new Set(gaveFeedback);
  return [...new Set(participants)].filter((uid) => uid && !done.has(uid));
}

export type ScheduleDecision =
  | { due: true; quietSince: Date; key: string }
  | { due: false; reason: 'upcoming-session' | 'recent' | 'abandoned' };

/**
 * An active exchange is quiet since the later of its last change and its latest session (any
 * status); a session still to come means it is not quiet. Due after EXCHANGE_IDLE_DAYS.
 */
export function exchangeScheduleDue(input: {
  exchangeId: string;
  updatedAt: Date | null;
  sessions: readonly { scheduledAt: Date; status: string }[];
  now: Date;
}): ScheduleDecision {
  const { now } = input;
  if (input.sessions.some((s) => s.status === 'scheduled' && s.scheduledAt.getTime() > now.getTime()))
    return { due: false, reason: 'upcoming-session' };
  const times = [input.updatedAt?.getTime() ?? 0, ...input.sessions.map((s) => s.scheduledAt.getTime())];
  const quietSince = new Date(Math.max(...times));
  const quietMs = now.getTime() - quietSince.getTime();
  if (quietMs < EXCHANGE_IDLE_DAYS * DAY_MS) return { due: false, reason: 'recent' };
  if (quietMs >= EXCHANGE_IDLE_WINDOW_DAYS * DAY_MS) return { due: false, reason: 'abandoned' };
  return {
    due: true,
    quietSince,
    key: nudgeKey.exchangeSchedule(input.exchangeId, quietSince.toISOString().slice(0, 10)),
  };
}

export interface ExchangeNudgeContext {
  exchangeId: string;
  /** The other participant's display name. */
  otherName: string;
  /** What the recipient learns in this exchange. */
  skill: string;
}

export function exchangeMessage(
  kind: 'exchange-pending' | 'exchange-feedback' | 'exchange-schedule',
  ctx: ExchangeNudgeContext,
): NudgeMessage {
  const link = `/skill-exchange/${enc(ctx.exchangeId)}`;
  const other = ctx.otherName || 'Your partner';
  switch (kind) {
    case 'exchange-pending':
      return {
        title: `${other} is waiting for your answer`,
        body: `${other} asked to swap skills with you ${EXCHANGE_PENDING_DAYS} days ago. Accept or decline the request.`,
        link,
      };
    case 'exchange-feedback':
      return {
        title: `Rate your exchange with ${other}`,
        body: `Your ${ctx.skill} exchange is complete. Rate ${other} and endorse the skills they taught you.`,
        link,
      };
    case 'exchange-schedule':
      return {
        title: `Schedule your next session with ${other}`,
        body: `Nothing has been scheduled in your ${ctx.skill} exchange for a week. Pick a time that suits you both.`,
        link,
      };
  }
}

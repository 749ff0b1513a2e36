import { describe, expect, it } from 'vitest';
import { channelsFor, DEFAULT_NOTIFICATION_PREFERENCES, NOTIFICATION_LABELS } from './notifications';
import {
  DAY_MS,
  exchangeFeedbackDue,
  exchangeMessage,
  exchangePendingDue,
  exchangeScheduleDue,
  feedbackRecipients,
  HOUR_MS,
  inactivityMessage,
  inactivityNudgeDue,
  inLocalSendWindow,
  localHour,
  nudgeKey,
  nudgeNotificationId,
  recipientBlock,
  sessionFollowUpDue,
  sessionFollowUpMessage,
  streakAtRisk,
} from './nudges';

// 2026-11-25 is a Wednesday. 12:00 UTC is 12:00 in London, 13:00 in Paris, 07:00 in New York.
const NOON = new Date('2026-11-25T12:00:00Z');
const ago = (ms: number, from = NOON) => new Date(from.getTime() - ms);

describe('the nudge preference', () => {
  it('is a notification type with a label, on in-app and by email by default', () => {
    expect(NOTIFICATION_LABELS.nudge.label).toBe('Reminders and follow-ups');
    expect(NOTIFICATION_LABELS.nudge.description).toMatch(/1, 3 and 7 days/);
    expect(DEFAULT_NOTIFICATION_PREFERENCES.nudge).toEqual({ inApp: true, email: true });
    expect(channelsFor({ nudge: { email: false } }, 'nudge')).toEqual({ inApp: true, email: false });
  });
});

describe('recipientBlock', () => {
  it('lets an active account with a channel on through', () => {
    expect(recipientBlock('active', { inApp: true, email: false })).toBeNull();
    expect(recipientBlock('active', { inApp: false, email: true })).toBeNull();
  });
  it('sends nothing to suspended, banned or missing accounts, or with both channels off', () => {
    expect(recipientBlock('suspended', { inApp: true, email: true })).toBe('not-active');
    expect(recipientBlock('banned', { inApp: true, email: true })).toBe('not-active');
    expect(recipientBlock(null, { inApp: true, email: true })).toBe('no-profile');
    expect(recipientBlock('active', { inApp: false, email: false })).toBe('preferences-off');
  });
});

describe('local sending window', () => {
  it('reads the hour in the user’s time zone, UTC for an unknown one', () => {
    expect(localHour(NOON, 'Europe/Paris')).toBe(13);
    expect(localHour(NOON, 'America/New_York')).toBe(7);
    expect(localHour(NOON, 'Not/AZone')).toBe(12);
  });
  it('is open from 09:00 to 19:59 local', () => {
    expect(inLocalSendWindow(NOON, 'Europe/London')).toBe(true);
    expect(inLocalSendWindow(NOON, 'America/New_York')).toBe(false);
    expect(inLocalSendWindow(new Date('2026-11-25T09:00:00Z'), 'UTC')).toBe(true);
    expect(inLocalSendWindow(new Date('2026-11-25T19:59:00Z'), 'UTC')).toBe(true);
    expect(inLocalSendWindow(new Date('2026-11-25T20:00:00Z'), 'UTC')).toBe(false);
    expect(inLocalSendWindow(new Date('2026-11-25T08:59:00Z'), 'UTC')).toBe(false);
  });
});

describe('inactivityNudgeDue', () => {
  const base = { now: NOON, timezone: 'UTC', sent: [] as string[] };

  it('sends nothing within a day of the last learning activity, or to someone who never learned', () => {
    expect(inactivityNudgeDue({ ...base, lastActiveAt: ago(23 * HOUR_MS) })).toEqual({
      due: false,
      reason: 'recently-active',
    });
    expect(inactivityNudgeDue({ ...base, lastActiveAt: null })).toEqual({
      due: false,
      reason: 'never-active',
    });
  });

  it('sends the 1-, 3- and 7-day nudges keyed on the local day the streak of inactivity began', () => {
    const last = new Date('2026-11-18T10:00:00Z');
    const at = (days: number) => new Date(last.getTime() + days * DAY_MS + 2 * HOUR_MS);
    expect(inactivityNudgeDue({ ...base, now: at(1), lastActiveAt: last })).toMatchObject({
      due: true,
      kind: 'inactive-1d',
      key: 'inactive-1d:2026-11-18',
      inactiveDays: 1,
    });
    expect(inactivityNudgeDue({ ...base, now: at(2), lastActiveAt: last })).toMatchObject({
      kind: 'inactive-1d',
    });
    expect(inactivityNudgeDue({ ...base, now: at(3), lastActiveAt: last })).toMatchObject({
      key: 'inactive-3d:2026-11-18',
    });
    expect(inactivityNudgeDue({ ...base, now: at(7), lastActiveAt: last })).toMatchObject({
      key: 'inactive-7d:2026-11-18',
    });
  });

  it('sends each stage once: a logged key (or a later stage) means nothing is due', () => {
    const lastActiveAt = ago(26 * HOUR_MS);
    expect(inactivityNudgeDue({ ...base, lastActiveAt, sent: ['inactive-1d:2026-11-24'] })).toEqual({
      due: false,
      reason: 'already-sent',
    });
    expect(inactivityNudgeDue({ ...base, lastActiveAt, sent: new Set(['inactive-3d:2026-11-24']) })).toEqual({
      due: false,
      reason: 'already-sent',
    });
    // The previous streak's nudge does not count for this one.
    expect(inactivityNudgeDue({ ...base, lastActiveAt, sent: ['inactive-1d:2026-11-20'] })).toMatchObject({
      due: true,
      key: 'inactive-1d:2026-11-24',
    });
  });

  it('sends only the latest stage reached: a missed 1-day nudge is not sent late', () => {
    const lastActiveAt = ago(4 * DAY_MS);
    expect(inactivityNudgeDue({ ...base, lastActiveAt })).toMatchObject({ kind: 'inactive-3d' });
  });

  it('gives up after 9 days', () => {
    expect(inactivityNudgeDue({ ...base, lastActiveAt: ago(9 * DAY_MS) })).toEqual({
      due: false,
      reason: 'series-over',
    });
    expect(inactivityNudgeDue({ ...base, lastActiveAt: ago(9 * DAY_MS - 1) })).toMatchObject({
      kind: 'inactive-7d',
    });
  });

  it('waits for 09:00–20:00 in the user’s time zone, and names the streak by their local day', () => {
    const lastActiveAt = new Date('2026-11-24T03:00:00Z'); // 22:00 on the 23rd in New York
    expect(inactivityNudgeDue({ ...base, timezone: 'America/New_York', lastActiveAt })).toEqual({
      due: false,
      reason: 'outside-local-hours',
    });
    const later = new Date('2026-11-25T15:00:00Z'); // 10:00 in New York
    expect(
      inactivityNudgeDue({ ...base, now: later, timezone: 'America/New_York', lastActiveAt }),
    ).toMatchObject({ due: true, key: 'inactive-1d:2026-11-23' });
  });
});

describe('inactivity messages', () => {
  const course = { id: 'c1', title: 'Python for Beginners', lastLectureId: 'l3', progress: 42.4 };
  const session = { id: 's1', title: 'Ask me anything', scheduledAt: new Date('2026-12-01T18:00:00Z') };

  it('resumes the course they were on, with the streak at risk and their next session', () => {
    const message = inactivityMessage('inactive-1d', {
      course,
      streak: { currentStreak: 5, lastActiveDay: '2026-11-24' },
      upcomingSession: session,
      today: '2026-11-25',
    });
    expect(message).toEqual({
      title: 'Keep your 5-day streak alive',
      body:
        'Your 5-day streak ends tonight — one lecture keeps it going. ' +
        "You're 42% through Python for Beginners. Pick up where you left off. " +
        'Coming up: Ask me anything, Tue 1 Dec, 18:00 UTC.',
      link: '/learn/c1/l3',
    });
  });

  it('does not mention a streak that is already lost, or on later stages', () => {
    expect(
      streakAtRisk({ streak: { currentStreak: 5, lastActiveDay: '2026-11-22' }, today: '2026-11-25' }),
    ).toBeNull();
    expect(
      streakAtRisk({ streak: { currentStreak: 1, lastActiveDay: '2026-11-24' }, today: '2026-11-25' }),
    ).toBeNull();
    const m = inactivityMessage('inactive-3d', {
      course,
      streak: { currentStreak: 5, lastActiveDay: '2026-11-24' },
      upcomingSession: null,
      today: '2026-11-25',
    });
    expect(m.title).toBe('Python for Beginners is waiting for you');
    expect(m.body).not.toMatch(/streak/);
  });

  it('links the course page when no lecture was opened, a session without a course, else the catalogue', () => {
    const none = { streak: null, upcomingSession: null, today: '2026-11-25' };
    expect(
      inactivityMessage('inactive-7d', { ...none, course: { ...course, lastLectureId: null, progress: 0 } }),
    ).toMatchObject({
      link: '/courses/c1',
      body: 'Python for Beginners is waiting for you. Start the first lecture.',
    });
    expect(inactivityMessage('inactive-3d', { ...none, course: null, upcomingSession: session }).link).toBe(
      '/live-sessions/s1',
    );
    expect(inactivityMessage('inactive-7d', { ...none, course: null })).toEqual({
      title: 'It’s been a week — learn something new',
      body: 'Find a course you’ll enjoy — a lecture takes only a few minutes.',
      link: '/courses',
    });
  });
});

describe('session follow-ups', () => {
  it('are due from 10 minutes to 48 hours after the end', () => {
    expect(sessionFollowUpDue(ago(9 * 60_000), NOON)).toBe(false);
    expect(sessionFollowUpDue(ago(10 * 60_000), NOON)).toBe(true);
    expect(sessionFollowUpDue(ago(47 * HOUR_MS), NOON)).toBe(true);
    expect(sessionFollowUpDue(ago(48 * HOUR_MS), NOON)).toBe(false);
    expect(sessionFollowUpDue(null, NOON)).toBe(false);
  });

  const session = {
    id: 's1',
    title: 'Hooks live',
    hostName: 'Hana',
    recordingUrl: null,
    answeredQuestions: 0,
  };

  it('ask attendees to rate the session, pointing to the recording and answered questions', () => {
    expect(sessionFollowUpMessage(true, { session, nextSession: null, course: null })).toEqual({
      title: 'How was Hooks live?',
      body: 'Thanks for joining. Rate the session to help Hana and other learners.',
      link: '/live-sessions/s1#feedback',
    });
    const rich = { ...session, recordingUrl: 'https://example.com/r', answeredQuestions: 2 };
    expect(sessionFollowUpMessage(true, { session: rich, nextSession: null, course: null }).body).toMatch(
      /On the session page: the recording is ready and 2 answered questions\.$/,
    );
  });

  it('offer no-shows the host’s next session, else the course, else the recording, else the list', () => {
    const next = { id: 's2', title: 'Hooks II', scheduledAt: new Date('2026-12-02T17:30:00Z') };
    const course = { id: 'c1', title: 'React' };
    expect(sessionFollowUpMessage(false, { session, nextSession: next, course })).toEqual({
      title: 'Sorry we missed you at Hooks live',
      body: 'Hana is live again on Wed 2 Dec, 17:30 UTC: Hooks II. Save your seat.',
      link: '/live-sessions/s2',
    });
    expect(sessionFollowUpMessage(false, { session, nextSession: null, course }).link).toBe('/courses/c1');
    expect(
      sessionFollowUpMessage(false, {
        session: { ...session, recordingUrl: 'https://example.com/r' },
        nextSession: null,
        course: null,
      }).link,
    ).toBe('/live-sessions/s1');
    expect(sessionFollowUpMessage(false, { session, nextSession: null, course: null }).link).toBe(
      '/live-sessions',
    );
  });
});

describe('exchange follow-ups', () => {
  it('remind the provider of a request pending for 3 days (up to 14)', () => {
    expect(exchangePendingDue(ago(3 * DAY_MS - 1), NOON)).toBe(false);
    expect(exchangePendingDue(ago(3 * DAY_MS), NOON)).toBe(true);
    expect(exchangePendingDue(ago(14 * DAY_MS), NOON)).toBe(false);
  });

  it('ask for feedback a day after completion, only from those who have not given it', () => {
    expect(exchangeFeedbackDue(ago(23 * HOUR_MS), NOON)).toBe(false);
    expect(exchangeFeedbackDue(ago(25 * HOUR_MS), NOON)).toBe(true);
    expect(exchangeFeedbackDue(ago(15 * DAY_MS), NOON)).toBe(false);
    expect(feedbackRecipients(['a', 'b'], ['b'])).toEqual(['a']);
    expect(feedbackRecipients(['a', 'b'], ['a', 'b'])).toEqual([]);
  });

  it('suggest scheduling after a quiet week, keyed on the day the quiet spell began', () => {
    const updatedAt = ago(10 * DAY_MS);
    expect(exchangeScheduleDue({ exchangeId: 'x1', updatedAt, sessions: [], now: NOON })).toEqual({
      due: true,
      quietSince: updatedAt,
      key: 'exchange-schedule:x1:2026-11-15',
    });
    // A session 3 days ago: not quiet for a week yet.
    const recent = [{ scheduledAt: ago(3 * DAY_MS), status: 'completed' }];
    expect(exchangeScheduleDue({ exchangeId: 'x1', updatedAt, sessions: recent, now: NOON })).toEqual({
      due: false,
      reason: 'recent',
    });
    // A session still to come.
    const upcoming = [{ scheduledAt: new Date(NOON.getTime() + DAY_MS), status: 'scheduled' }];
    expect(exchangeScheduleDue({ exchangeId: 'x1', updatedAt, sessions: upcoming, now: NOON })).toEqual({
      due: false,
      reason: 'upcoming-session',
    });
    expect(
      exchangeScheduleDue({ exchangeId: 'x1', updatedAt: ago(61 * DAY_MS), sessions: [], now: NOON }),
    ).toEqual({ due: false, reason: 'abandoned' });
  });

  it('say who and what, and link the exchange', () => {
    const ctx = { exchangeId: 'x1', otherName: 'Ana', skill: 'Spanish' };
    expect(exchangeMessage('exchange-pending', ctx)).toEqual({
      title: 'Ana is waiting for your answer',
      body: 'Ana asked to swap skills with you 3 days ago. Accept or decline the request.',
      link: '/skill-exchange/x1',
    });
    expect(exchangeMessage('exchange-feedback', ctx).title).toBe('Rate your exchange with Ana');
    expect(exchangeMessage('exchange-schedule', ctx).body).toMatch(/Spanish exchange for a week/);
  });
});

describe('keys and ids', () => {
  it('are deterministic and reject what cannot be a document id', () => {
    expect(nudgeKey.sessionFollowUp('s1')).toBe('session-followup:s1');
    expect(nudgeKey.exchangePending('x1')).toBe('exchange-pending:x1');
    expect(nudgeKey.exchangeFeedback('x1')).toBe('exchange-feedback:x1');
    expect(nudgeNotificationId('inactive-3d:2026-11-18')).toBe('nudge_inactive-3d_2026-11-18');
    expect(() => nudgeKey.sessionFollowUp('a/b')).toThrow(/document id/);
    expect(() => nudgeKey.inactivity('inactive-1d', '2026-13-01')).toThrow();
  });
});

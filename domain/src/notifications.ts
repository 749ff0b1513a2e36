// Notification types, their default channels and labels (SPEC §5.7). Pure: the functions decide
// what to deliver with `channelsFor`, the settings page renders the labels.
import {
  type ChannelPreference,
  NOTIFICATION_TYPES,
  type NotificationPreferences,
  type NotificationType,
} from './models';

/** Every type on in-app and by email, except chat messages, which are in-app only by default. */
export const DEFAULT_NOTIFICATION_PREFERENCES: Readonly<NotificationPreferences> = Object.freeze(
  Object.fromEntries(
    NOTIFICATION_TYPES.map((type) => [
      type,
      Object.freeze({ inApp: true, email: type !== 'exchange_message' }),
    ]),
  ) as NotificationPreferences,
);

export interface NotificationTypeLabel {
  label: string;
  description: string;
}

/** Labels for the preferences UI, in NOTIFICATION_TYPES order. */
export const NOTIFICATION_LABELS: Readonly<Record<NotificationType, NotificationTypeLabel>> = {
  enrollment: { label: 'Enrolments', description: 'When you enrol in a course.' },
  payment_receipt: { label: 'Payment receipts', description: 'A receipt for every course you buy.' },
  exchange_request: { label: 'Exchange requests', description: 'When someone asks to swap skills with you.' },
  exchange_accepted: {
    label: 'Exchange accepted',
    description: 'When someone accepts your exchange request.',
  },
  exchange_message: { label: 'Exchange messages', description: 'New chat messages in your skill exchanges.' },
  session_scheduled: { label: 'Live sessions scheduled', description: 'New live sessions you can join.' },
  session_reminder: {
    label: 'Live session reminders',
    description: '24 hours and 15 minutes before a session.',
  },
  badge_earned: { label: 'Badges earned', description: 'When you earn a new badge.' },
  certificate_issued: { label: 'Certificates', description: 'When a course certificate is issued to you.' },
  course_approved: { label: 'Course approved', description: 'When an admin publishes your course.' },
  course_rejected: {
    label: 'Course rejected',
    description: 'When an admin sends your course back, with the reason.',
  },
  educator_application: {
    label: 'Educator application',
    description: 'When an admin approves or declines your application to teach.',
  },
  account: { label: 'Account', description: 'Welcome messages and changes to your account status.' },
  referral: { label: 'Referrals', description: 'When someone you invited joins SkillVerse.' },
  // sendNudges (functions/src/nudges). Email stays on by default like the other types: at most three
  // inactivity emails per lapse, each follow-up once, and every email links to these settings.
  nudge: {
    label: 'Reminders and follow-ups',
    description:
      'A nudge after 1, 3 and 7 days without learning, and follow-ups after live sessions and skill exchanges.',
  },
  followed_educator: {
    label: 'Educators you follow',
    description: 'When an educator you follow publishes a new course or schedules a live session.',
  },
};

/** Stored preferences may be missing, partial or from an older version with fewer types. */
export type StoredNotificationPreferences =
  | Partial<Record<NotificationType, Partial<ChannelPreference> | null | undefined>>
  | null
  | undefined;

/** The channels to use for `type`, falling back to the defaults for anything not stored. */
export function channelsFor(prefs: StoredNotificationPreferences, type: NotificationType): ChannelPreference {
  const defaults = DEFAULT_NOTIFICATION_PREFERENCES[type];
  const stored = prefs && typeof prefs === 'object' ? prefs[type] : undefined;
  return {
    inApp: typeof stored?.inApp === 'boolean' ? stored.inApp : defaults.inApp,
    email: typeof stored?.email === 'boolean' ? stored.email : defaults.email,
  };
}

/** Complete preferences: the stored values over the defaults, for every type. */
export function resolvePreferences(prefs: StoredNotificationPreferences): NotificationPreferences {
  return Object.fromEntries(
    NOTIFICATION_TYPES.map((type) => [type, channelsFor(prefs, type)]),
  ) as NotificationPreferences;
}

export function defaultNotificationPreferences(): NotificationPreferences {
  return resolvePreferences(undefined);
}

export function isNotificationType(value: unknown): value is NotificationType {
  return typeof value === 'string' && (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------- other people's text (issue 15 §11)
// Text another member wrote (a name, a request message, a chat line) reaches someone else's inbox
// from the platform's address only trimmed and marked as theirs: quoted in the body, never the
// whole subject line.

/** Characters of another member's free text an email or notification carries. */
export const USER_TEXT_MAX = 280;
/** Characters of another member's name in a subject or sentence. */
export const USER_NAME_MAX = 60;

/** One line: whitespace collapsed, trimmed, cut at `max` characters with "…". */
export function trimUserText(text: unknown, max = USER_TEXT_MAX): string {
  if (typeof text !== 'string') return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max
    ? flat
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** A member's name inside a platform sentence: trimmed and in quotation marks. */
export function quoteName(name: unknown, max = USER_NAME_MAX): string {
  const trimmed = trimUserText(name, max);
  return `“${trimmed || 'A member'}”`;
}

/** A quoted block for an email body: who wrote it, then their trimmed text as "> " lines. */
export function quoteUserText(author: unknown, text: unknown, max = USER_TEXT_MAX): string {
  const trimmed = trimUserText(text, max);
  if (!trimmed) return '';
  return `${quoteName(author)} wrote (their words, not SkillVerse’s):\n> ${trimmed}`;
}

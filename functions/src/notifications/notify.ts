// The one way functions notify a user: in-app item and/or email, per the user's preferences.
import type { NotificationType } from '@skillverse/domain/models';
import {
  channelsFor,
  quoteUserText,
  type StoredNotificationPreferences,
} from '@skillverse/domain/notifications';
import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import { emailTimeZone, listUnsubscribeHeaders, renderEmailHtml } from '@skillverse/domain/email';
import { isValidTimeZone } from '@skillverse/domain/gamification';
import type { DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { APP_URL, DEFAULT_APP_URL, FUNCTIONS_URL } from '../config/params';
import { createIfAbsent, isRecord } from '../lib/firestore';
import { defaultMailer, type MailAttachment, type Mailer, type MailMessage } from './mailer';
import { mailLogRef, notificationItemsCol } from '../lib/data/notifications';
import { accountRef, userRef } from '../lib/data/users';
import { ONE_CLICK_UNSUBSCRIBE_TYPES, signUnsubscribeToken, unsubscribeSecret } from './unsubscribe-token';

/** Who notify() is about to write to, for text that depends on them (times in their zone). */
export interface NotifyRecipient {
  uid: string;
  /** The account address, or null when there is none (then no email is sent). */
  email: string | null;
  /** Their profile's IANA time zone when valid, else 'UTC'. */
  timeZone: string;
  /** false when the profile names no valid zone and times fall back to UTC. */
  timeZoneKnown: boolean;
}

/** The parts of a notification that may depend on the recipient. */
export type NotifyContent = Pick<NotifyInput, 'title' | 'body' | 'email'>;

export interface NotifyInput {
  uid: string;
  type: NotificationType;
  title: string;
  body: string;
  /** An app path such as `/courses/abc`, or null. */
  link: string | null;
  /**
   * A deterministic id makes the call idempotent: a repeat creates no second item and sends no
   * second email. Without one, every call is a new notification.
   */
  id?: string;
  /**
   * Text another member wrote, for the email only: rendered after the body as a quoted block
   * naming its author, trimmed to USER_TEXT_MAX characters (issue 15 §11). Never the subject.
   */
  quote?: {
    author: string;
    text: string;
    /** The email's opening sentence in place of `body` (when the in-app body is the text itself). */
    intro?: string;
  };
  /** Email content; defaults to the title as subject and the body (+ quote) plus the link as text. */
  email?: { subject: string; text: string; html?: string; attachments?: MailAttachment[] };
  /**
   * Recipient-dependent content: called once notify() has read the person, its fields replace
   * title, body and email. Use it for times (formatEmailTime(at, r.timeZone)) and for calendar
   * invites that name the attendee (METHOD:REQUEST).
   */
  localize?: (recipient: NotifyRecipient) => Partial<NotifyContent>;
}

export interface NotifyDeps {
  mailer?: Mailer;
  now?: Date;
  /** Base URL for links in emails; defaults to the APP_URL parameter. */
  appUrl?: string;
  /** Base URL of the HTTP functions (unsubscribe links); defaults to FUNCTIONS_URL, else appUrl. */
  functionsUrl?: string;
  /** HMAC key of unsubscribe tokens; defaults to unsubscribeSecret() ('' sends no one-click link). */
  unsubscribeSecret?: string;
}

export interface NotifyResult {
  id: string;
  inApp: 'created' | 'duplicate' | 'off';
  email: 'sent' | 'logged' | 'duplicate' | 'off' | 'no-address' | 'failed';
}

function defaultEmailText(input: NotifyInput, appUrl: string): string {
  const quoted = input.quote ? quoteUserText(input.quote.author, input.quote.text) : '';
  const parts = [input.quote?.intro ?? input.body, quoted, input.link ? `${appUrl}${input.link}` : ''];
  return parts.filter((p) => p.length > 0).join('\n\n');
}

/** The one-click unsubscribe URL of `uid`'s `type` emails (HTTP function `unsubscribe`). */
export function unsubscribeUrl(functionsUrl: string, token: string): string {
  return `${functionsUrl.replace(/\/$/, '')}/${HTTP_FUNCTIONS.unsubscribe}?token=${encodeURIComponent(token)}`;
}

/**
 * Every email goes out multipart: the text/plain part (the words, then the small print: why it was
 * sent, where to change that, the one-click unsubscribe where there is one) and a simple HTML
 * part with the same words (renderEmailHtml) unless the caller wrote its own.
 */
export function composeEmail(input: {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  link: string | null;
  appUrl: string;
  unsubscribe: string | null;
}): MailMessage {
  const settings = `${input.appUrl}/settings`;
  const reason = 'You get this email because it is on in your SkillVerse notification settings.';
  const smallPrint = [
    `${reason} Change them: ${settings}`,
    ...(input.unsubscribe ? [`Unsubscribe from these emails in one click: ${input.unsubscribe}`] : []),
  ];
  const text = `${input.text.trimEnd()}\n\n--\n${smallPrint.join('\n')}`;
  const action = input.link ? { label: 'Open in SkillVerse', url: `${input.appUrl}${input.link}` } : null;
  const html =
    input.html ??
    renderEmailHtml({
      subject: input.subject,
      // The link's own paragraph becomes the button.
      text: input.text
        .split(/\n\s*\n/)
        .filter((p) => !action || p.trim() !== action.url)
        .join('\n\n'),
      action,
      reason,
      footer: [
        { label: 'Notification settings', url: settings },
        ...(input.unsubscribe ? [{ label: 'Unsubscribe from these emails', url: input.unsubscribe }] : []),
      ],
    });
  return {
    to: input.to,
    subject: input.subject,
    text,
    html,
    ...(input.attachments?.length ? { attachments: input.attachments } : {}),
    ...(input.unsubscribe ? { headers: listUnsubscribeHeaders(input.unsubscribe) } : {}),
  };
}

export const notificationPath = (uid: string, id: string) => `notifications/${uid}/items/${id}`;
export const mailLogId = (uid: string, notificationId: string) => `${uid}_${notificationId}`;

export async function notify(
  db: Firestore,
  given: NotifyInput,
  deps: NotifyDeps = {},
): Promise<NotifyResult> {
  const now = deps.now ?? new Date();
  const mailer = deps.mailer ?? defaultMailer;
  const items = notificationItemsCol(db, given.uid);
  const id = given.id ?? items.doc().id;

  const [account, profile] = (await db.getAll(accountRef(db, given.uid), userRef(db, given.uid))) as [
    DocumentSnapshot,
    DocumentSnapshot,
  ];
  const prefs = account.get('notificationPreferences') as StoredNotificationPreferences;
  const channels = channelsFor(isRecord(prefs) ? prefs : undefined, given.type);
  const emailAddress = account.get('email');
  const zone = profile.get('timezone');
  const recipient: NotifyRecipient = {
    uid: given.uid,
    email: typeof emailAddress === 'string' && emailAddress.length > 0 ? emailAddress : null,
    timeZone: emailTimeZone(zone),
    timeZoneKnown: isValidTimeZone(zone) && zone !== 'UTC',
  };
  const input: NotifyInput = given.localize ? { ...given, ...given.localize(recipient) } : given;

  let inApp: NotifyResult['inApp'] = 'off';
  if (channels.inApp) {
    const created = await createIfAbsent(() =>
      items.doc(id).create({
        type: input.type,
        title: input.title,
        body: input.body,
        link: input.link,
        read: false,
        createdAt: now,
      }),
    );
    inApp = created ? 'created' : 'duplicate';
  }

  if (!channels.email) return { id, inApp, email: 'off' };
  if (typeof emailAddress !== 'string' || emailAddress.length === 0)
    return { id, inApp, email: 'no-address' };

  const appUrl = (deps.appUrl ?? (APP_URL.value() || DEFAULT_APP_URL)).replace(/\/$/, '');
  const secret = ONE_CLICK_UNSUBSCRIBE_TYPES.includes(input.type)
    ? (deps.unsubscribeSecret ?? unsubscribeSecret())
    : '';
  const functionsUrl = deps.functionsUrl ?? (FUNCTIONS_URL.value() || appUrl);
  const message = composeEmail({
    to: emailAddress,
    subject: input.email?.subject ?? input.title,
    text: input.email?.text ?? defaultEmailText(input, appUrl),
    ...(input.email?.html ? { html: input.email.html } : {}),
    ...(input.email?.attachments?.length ? { attachments: input.email.attachments } : {}),
    link: input.link,
    appUrl,
    unsubscribe: secret
      ? unsubscribeUrl(functionsUrl, signUnsubscribeToken({ uid: input.uid, type: input.type }, secret))
      : null,
  });

  // mailLog doubles as the email's idempotency record: claim it before sending. A repeat finds it
  // and sends nothing, unless the earlier attempt failed.
  const logRef = mailLogRef(db, mailLogId(input.uid, id));
  const claimed = await createIfAbsent(() =>
    logRef.create({
      to: message.to,
      subject: message.subject,
      text: message.text,
      attachments: message.attachments?.map((a) => a.filename) ?? [],
      oneClickUnsubscribe: Boolean(message.headers),
      type: input.type,
      uid: input.uid,
      notificationId: id,
      createdAt: now,
      status: 'sending',
      transport: null,
    }),
  );
  if (!claimed) {
    const existing = await logRef.get();
    if (existing.get('status') !== 'failed') return { id, inApp, email: 'duplicate' };
  }

  try {
    const { transport } = await mailer.send(message);
    await logRef.update({ status: 'sent', transport, sentAt: new Date() });
    return { id, inApp, email: transport === 'log' ? 'logged' : 'sent' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.error('sending mail failed', { uid: input.uid, type: input.type, notificationId: id, reason });
    await logRef.update({ status: 'failed', error: reason });
    return { id, inApp, email: 'failed' };
  }
}

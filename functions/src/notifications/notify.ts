// The one way functions notify a user: in-app item and/or email, per the user's preferences.
import type { NotificationType } from '@skillverse/domain/models';
import {
  channelsFor,
  quoteUserText,
  type StoredNotificationPreferences,
} from '@skillverse/domain/notifications';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { APP_URL, DEFAULT_APP_URL } from '../config/params';
import { createIfAbsent, isRecord } from '../lib/firestore';
import { defaultMailer, type MailAttachment, type Mailer } from './mailer';
import { mailLogRef, notificationItemsCol } from '../lib/data/notifications';
import { accountRef } from '../lib/data/users';

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
}

export interface NotifyDeps {
  mailer?: Mailer;
  now?: Date;
  /** Base URL for links in emails; defaults to the APP_URL parameter. */
  appUrl?: string;
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

export const notificationPath = (uid: string, id: string) => `notifications/${uid}/items/${id}`;
export const mailLogId = (uid: string, notificationId: string) => `${uid}_${notificationId}`;

export async function notify(
  db: Firestore,
  input: NotifyInput,
  deps: NotifyDeps = {},
): Promise<NotifyResult> {
  const now = deps.now ?? new Date();
  const mailer = deps.mailer ?? defaultMailer;
  const items = notificationItemsCol(db, input.uid);
  const id = input.id ?? items.doc().id;

  const account = await accountRef(db, input.uid).get();
  const prefs = account.get('notificationPreferences') as StoredNotificationPreferences;
  const channels = channelsFor(isRecord(prefs) ? prefs : undefined, input.type);
  const emailAddress = account.get('email');

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
  const message = {
    to: emailAddress,
    subject: input.email?.subject ?? input.title,
    text: input.email?.text ?? defaultEmailText(input, appUrl),
    ...(input.email?.html ? { html: input.email.html } : {}),
    ...(input.email?.attachments?.length ? { attachments: input.email.attachments } : {}),
  };

  // mailLog doubles as the email's idempotency record: claim it before sending. A repeat finds it
  // and sends nothing, unless the earlier attempt failed.
  const logRef = mailLogRef(db, mailLogId(input.uid, id));
  const claimed = await createIfAbsent(() =>
    logRef.create({
      to: message.to,
      subject: message.subject,
      text: message.text,
      attachments: message.attachments?.map((a) => a.filename) ?? [],
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

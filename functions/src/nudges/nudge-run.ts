// What the nudge streams share within one run (see send-nudges.ts): the result being counted, the
// people read once per run (profile and nudge channels), the send log that makes every nudge go out
// once, and the cursor-keeping sweep each stream pages through its window with.
import type { ChannelPreference } from '@skillverse/domain/models';
import { isRecord, nonEmptyStr } from '@skillverse/domain/fields';
import { channelsFor, type StoredNotificationPreferences } from '@skillverse/domain/notifications';
import {
  type NudgeKind,
  type NudgeMessage,
  nudgeNotificationId,
  type RecipientBlock,
  recipientBlock,
} from '@skillverse/domain/nudges';
import {
  type DocumentData,
  FieldPath,
  type Firestore,
  type Query,
  type QueryDocumentSnapshot,
  Timestamp,
} from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { APP_URL, DEFAULT_APP_URL } from '../config/params';
import { nudgeSendRef } from '../lib/data/nudges';
import { accountRef, userRef } from '../lib/data/users';
import { runTransactionRetrying, toDate } from '../lib/firestore';
import { mapLimit } from '../lib/map-limit';
import { type NotifyDeps, notify } from '../notifications/notify';

export const STREAMS = [
  'inactivity',
  'sessions',
  'exchangesPending',
  'exchangesCompleted',
  'exchangesActive',
] as const;
export type Stream = (typeof STREAMS)[number];

export interface NudgeOptions extends NotifyDeps {
  /** Documents per query page (default 100). */
  pageSize?: number;
  /** Documents examined per stream per run (default 1000); the rest wait for the next run. */
  maxPerStream?: number;
  /** Users handled at once (default 10). */
  concurrency?: number;
}

export interface NudgeRunResult {
  sent: Record<NudgeKind, number>;
  examined: Record<Stream, number>;
  /** Streams read to the end of their window in this run (false: stopped at the cap). */
  complete: Record<Stream, boolean>;
  skipped: Record<string, number>;
  failed: number;
}

export interface Cursor {
  at: Date;
  id: string;
}

export interface Recipient {
  uid: string;
  block: RecipientBlock | null;
  timezone: string;
  channels: ChannelPreference;
  displayName: string;
  profile: DocumentData;
}

/** One run's shared state and helpers, handed to each stream. */
export interface NudgeRun {
  db: Firestore;
  now: Date;
  /** Users handled at once. */
  concurrency: number;
  result: NudgeRunResult;
  /** Where each stream stopped: read at the start of the run, kept by `sweep`. */
  cursors: Partial<Record<Stream, Cursor | null>>;
  /** Counts a nudge not sent, by reason. */
  skip(reason: string): void;
  /** A person's profile and nudge channels, read once per run (`profile` when already read). */
  recipient(uid: string, profile?: DocumentData): Promise<Recipient>;
  /** Claims the log entry, notifies, marks it sent. Answers what happened to this nudge. */
  deliver(
    r: Recipient,
    kind: NudgeKind,
    key: string,
    message: NudgeMessage,
  ): Promise<'sent' | 'skipped' | 'failed'>;
  /**
   * Pages through `base` where `field` is in (from, to], ordered by `field` then id, from the stored
   * cursor, at most `maxPerStream` documents. Keeps the cursor where it stopped, or clears it at the end.
   */
  sweep(
    stream: Stream,
    base: Query,
    field: string,
    from: Date,
    to: Date,
    each: (doc: QueryDocumentSnapshot) => Promise<void>,
  ): Promise<void>;
}

export function emptyResult(): NudgeRunResult {
  return {
    sent: {
      'inactive-1d': 0,
      'inactive-3d': 0,
      'inactive-7d': 0,
      'session-attended': 0,
      'session-missed': 0,
      'exchange-pending': 0,
      'exchange-feedback': 0,
      'exchange-schedule': 0,
    },
    examined: { inactivity: 0, sessions: 0, exchangesPending: 0, exchangesCompleted: 0, exchangesActive: 0 },
    complete: {
      inactivity: false,
      sessions: false,
      exchangesPending: false,
      exchangesCompleted: false,
      exchangesActive: false,
    },
    skipped: {},
    failed: 0,
  };
}

export function createNudgeRun(
  db: Firestore,
  now: Date,
  options: NudgeOptions,
  cursors: Partial<Record<Stream, Cursor | null>>,
): NudgeRun {
  const pageSize = Math.max(1, options.pageSize ?? 100);
  const maxPerStream = Math.max(1, options.maxPerStream ?? 1000);
  const concurrency = Math.max(1, options.concurrency ?? 10);
  const deps: NotifyDeps = { ...options, now };
  const appUrl = (options.appUrl ?? (APP_URL.value() || DEFAULT_APP_URL)).replace(/\/$/, '');

  const result = emptyResult();
  const skip = (reason: string) => {
    result.skipped[reason] = (result.skipped[reason] ?? 0) + 1;
  };

  // People, read once per run: profile, nudge channels.
  const recipients = new Map<string, Promise<Recipient>>();
  const recipient = (uid: string, profile?: DocumentData): Promise<Recipient> => {
    let found = recipients.get(uid);
    if (!found) {
      found = (async () => {
        const [account, user] = await Promise.all([
          accountRef(db, uid).get(),
          profile ? null : userRef(db, uid).get(),
        ]);
        const data = profile ?? (user?.exists ? (user.data() ?? {}) : null);
        const prefs = account?.get('notificationPreferences') as StoredNotificationPreferences;
        const channels = channelsFor(isRecord(prefs) ? prefs : undefined, 'nudge');
        return {
          uid,
          block: recipientBlock(data ? (nonEmptyStr(data.status) ?? 'unknown') : null, channels),
          timezone: nonEmptyStr(data?.timezone) ?? 'UTC',
          channels,
          displayName: nonEmptyStr(data?.displayName) ?? 'SkillVerse member',
          profile: data ?? {},
        };
      })();
      recipients.set(uid, found);
    }
    return found;
  };

  /** Claims the log entry, notifies, marks it sent. Answers what happened to this nudge. */
  async function deliver(
    r: Recipient,
    kind: NudgeKind,
    key: string,
    message: NudgeMessage,
  ): Promise<'sent' | 'skipped' | 'failed'> {
    if (r.block) {
      skip(r.block);
      return 'skipped';
    }
    const ref = nudgeSendRef(db, r.uid, key);
    const notificationId = nudgeNotificationId(key);
    const claimed = await runTransactionRetrying(db, async (tx) => {
      const snap = await tx.get(ref);
      if (snap.exists && snap.get('status') === 'sent') return false;
      if (!snap.exists)
        tx.create(ref, { kind, status: 'sending', notificationId, link: message.link, createdAt: now });
      return true;
    });
    if (!claimed) {
      skip('already-sent');
      return 'skipped';
    }
    const url = `${appUrl}${message.link}`;
    const sent = await notify(
      db,
      {
        uid: r.uid,
        type: 'nudge',
        id: notificationId,
        title: message.title,
        body: message.body,
        link: message.link,
        email: {
          subject: message.title,
          // notify() adds the small print: the settings link and the one-click unsubscribe.
          text: `${message.body}\n\n${url}`,
        },
      },
      deps,
    );
    if (sent.email === 'failed') {
      // Left `sending`: the next run tries again (notify() does not repeat the in-app item).
      result.failed += 1;
      return 'failed';
    }
    await ref.update({ status: 'sent', sentAt: now, inApp: sent.inApp, email: sent.email });
    result.sent[kind] += 1;
    logger.info('nudge sent', { uid: r.uid, kind, key, inApp: sent.inApp, email: sent.email });
    return 'sent';
  }

  /**
   * Pages through `base` where `field` is in (from, to], ordered by `field` then id, from the stored
   * cursor, at most `maxPerStream` documents. Keeps the cursor where it stopped, or clears it at the end.
   */
  async function sweep(
    stream: Stream,
    base: Query,
    field: string,
    from: Date,
    to: Date,
    each: (doc: QueryDocumentSnapshot) => Promise<void>,
  ): Promise<void> {
    let cursor = cursors[stream] ?? null;
    if (cursor && (cursor.at <= from || cursor.at > to)) cursor = null;
    let examined = 0;
    for (;;) {
      const limit = Math.min(pageSize, maxPerStream - examined);
      if (limit <= 0) break;
      let page = base
        .where(field, '>', from)
        .where(field, '<=', to)
        .orderBy(field)
        .orderBy(FieldPath.documentId())
        .limit(limit);
      if (cursor) page = page.startAfter(Timestamp.fromDate(cursor.at), cursor.id);
      const snap = await page.get();
      await mapLimit(snap.docs, concurrency, async (doc) => {
        try {
          await each(doc);
        } catch (error) {
          // One bad document must not stop the run; its nudge is retried on the next sweep.
          result.failed += 1;
          logger.error('nudge failed', { stream, path: doc.ref.path, error: String(error) });
        }
      });
      examined += snap.size;
      if (snap.size < limit) {
        cursor = null;
        result.complete[stream] = true;
        break;
      }
      const last = snap.docs[snap.docs.length - 1] as QueryDocumentSnapshot;
      cursor = { at: toDate(last.get(field)) ?? to, id: last.id };
    }
    result.examined[stream] = examined;
    cursors[stream] = cursor;
  }

  return { db, now, concurrency, result, cursors, skip, recipient, deliver, sweep };
}

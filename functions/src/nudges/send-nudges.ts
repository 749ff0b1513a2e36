// The nudge job (hourly; issue 8 item 6): inactivity nudges at 1, 3 and 7 days, live-session
// follow-ups and exchange follow-ups — what is due is decided by @skillverse/domain/nudges.
//
// Bounded work: five streams, each one indexed range query over a time window
// (users by gamification.lastActiveAt, ended sessions by endedAt, exchanges by status and
// createdAt/updatedAt), read `pageSize` at a time, at most `maxPerStream` documents per stream per
// run. Where a stream stops at the cap its position is kept in `jobState/sendNudges`, and the next
// run resumes there; a stream read to the end of its window starts again from the beginning.
//
// Exactly once: every nudge has a deterministic key. Before notifying, a transaction creates
// `nudgeLog/{uid}/sends/{key}` unless it exists as `sent`; notify() then uses the deterministic id
// `nudge_<key>` for the in-app item and the mail log, so a concurrent run, a repeated run or a retry
// after a crash (the entry still `sending`) sends nothing twice. The entry becomes `sent` after notify().
import { localDay } from '@skillverse/domain/gamification';
import type { ChannelPreference } from '@skillverse/domain/models';
import { channelsFor, type StoredNotificationPreferences } from '@skillverse/domain/notifications';
import {
  DAY_MS,
  EXCHANGE_FEEDBACK_DELAY_DAYS,
  EXCHANGE_FEEDBACK_WINDOW_DAYS,
  EXCHANGE_IDLE_DAYS,
  EXCHANGE_IDLE_WINDOW_DAYS,
  EXCHANGE_PENDING_DAYS,
  EXCHANGE_PENDING_WINDOW_DAYS,
  exchangeFeedbackDue,
  exchangeMessage,
  exchangePendingDue,
  exchangeScheduleDue,
  feedbackRecipients,
  INACTIVITY_GIVE_UP_DAYS,
  INACTIVITY_STAGES,
  type InactivityContext,
  inactivityMessage,
  inactivityNudgeDue,
  type NudgeKind,
  type NudgeMessage,
  nudgeKey,
  nudgeNotificationId,
  type RecipientBlock,
  recipientBlock,
  SESSION_FOLLOW_UP_DELAY_MS,
  SESSION_FOLLOW_UP_WINDOW_MS,
  sessionFollowUpDue,
  sessionFollowUpMessage,
} from '@skillverse/domain/nudges';
import { skillName } from '@skillverse/domain/skills';
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
import { isRecord, toDate } from '../lib/firestore';
import { mapLimit } from '../live/session';
import { type NotifyDeps, notify } from '../notifications/notify';

export const NUDGE_STATE_PATH = 'jobState/sendNudges';

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

interface Cursor {
  at: Date;
  id: string;
}

export function nudgeLogRef(db: Firestore, uid: string, key: string) {
  return db.collection('nudgeLog').doc(uid).collection('sends').doc(key);
}

interface Recipient {
  uid: string;
  block: RecipientBlock | null;
  timezone: string;
  channels: ChannelPreference;
  displayName: string;
  profile: DocumentData;
}

const str = (v: unknown, fallback = '') => (typeof v === 'string' && v ? v : fallback);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export async function runNudges(
  db: Firestore,
  now: Date,
  options: NudgeOptions = {},
): Promise<NudgeRunResult> {
  const pageSize = Math.max(1, options.pageSize ?? 100);
  const maxPerStream = Math.max(1, options.maxPerStream ?? 1000);
  const concurrency = Math.max(1, options.concurrency ?? 10);
  const deps: NotifyDeps = { ...options, now };
  const appUrl = (options.appUrl ?? (APP_URL.value() || DEFAULT_APP_URL)).replace(/\/$/, '');

  const result: NudgeRunResult = {
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
  const skip = (reason: string) => {
    result.skipped[reason] = (result.skipped[reason] ?? 0) + 1;
  };

  const stateRef = db.doc(NUDGE_STATE_PATH);
  const stateSnap = await stateRef.get();
  const stored = isRecord(stateSnap.get('cursors'))
    ? (stateSnap.get('cursors') as Record<string, unknown>)
    : {};
  const cursors: Partial<Record<Stream, Cursor | null>> = {};
  for (const stream of STREAMS) {
    const c = stored[stream];
    const at = isRecord(c) ? toDate(c.at) : null;
    cursors[stream] = at && isRecord(c) && typeof c.id === 'string' ? { at, id: c.id } : null;
  }

  // People, read once per run: profile, nudge channels.
  const recipients = new Map<string, Promise<Recipient>>();
  const recipient = (uid: string, profile?: DocumentData): Promise<Recipient> => {
    let found = recipients.get(uid);
    if (!found) {
      found = (async () => {
        const [account, user] = await Promise.all([
          db.doc(`users/${uid}/private/account`).get(),
          profile ? null : db.doc(`users/${uid}`).get(),
        ]);
        const data = profile ?? (user?.exists ? (user.data() ?? {}) : null);
        const prefs = account?.get('notificationPreferences') as StoredNotificationPreferences;
        const channels = channelsFor(isRecord(prefs) ? prefs : undefined, 'nudge');
        return {
          uid,
          block: recipientBlock(data ? str(data.status, 'unknown') : null, channels),
          timezone: str(data?.timezone, 'UTC'),
          channels,
          displayName: str(data?.displayName, 'SkillVerse member'),
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
    const ref = nudgeLogRef(db, r.uid, key);
    const notificationId = nudgeNotificationId(key);
    const claimed = await db.runTransaction(async (tx) => {
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
          text: `${message.body}\n\n${url}\n\nYou get these reminders because they are on in your settings. Turn them off: ${appUrl}/settings`,
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

  // ------------------------------------------------------------------ inactivity
  await sweep(
    'inactivity',
    db.collection('users'),
    'gamification.lastActiveAt',
    new Date(now.getTime() - INACTIVITY_GIVE_UP_DAYS * DAY_MS),
    new Date(now.getTime() - INACTIVITY_STAGES[0].days * DAY_MS),
    async (doc) => {
      const profile = doc.data();
      const g = isRecord(profile.gamification) ? profile.gamification : {};
      const lastActiveAt = toDate(g.lastActiveAt);
      const timezone = str(profile.timezone, 'UTC');
      // Timing first (no reads), then the log of this streak, then the person.
      const first = inactivityNudgeDue({ now, lastActiveAt, timezone, sent: [] });
      if (!first.due) return skip(first.reason);
      const keys = INACTIVITY_STAGES.map((s) => nudgeKey.inactivity(s.kind, first.streakStartDay));
      const logs = await db.getAll(...keys.map((k) => nudgeLogRef(db, doc.id, k)));
      const sent = logs.filter((s) => s.exists && s.get('status') === 'sent').map((s) => s.id);
      const decision = inactivityNudgeDue({ now, lastActiveAt, timezone, sent });
      if (!decision.due) return skip(decision.reason);
      const r = await recipient(doc.id, profile);
      if (r.block) return skip(r.block);
      const context = await inactivityContext(db, doc.id, profile, now, timezone);
      await deliver(r, decision.kind, decision.key, inactivityMessage(decision.kind, context));
    },
  );

  // ------------------------------------------------------------------ live-session follow-ups
  await sweep(
    'sessions',
    db.collection('liveSessions').where('status', '==', 'ended'),
    'endedAt',
    new Date(now.getTime() - SESSION_FOLLOW_UP_WINDOW_MS),
    new Date(now.getTime() - SESSION_FOLLOW_UP_DELAY_MS),
    async (doc) => {
      // Marked once everyone was handled, so later sweeps read nothing more for it.
      if (doc.get('followUpsSentAt')) return skip('session-done');
      if (!sessionFollowUpDue(toDate(doc.get('endedAt')), now)) return skip('session-not-due');
      const hostId = str(doc.get('hostId'));
      const [attendance, registrations, answered] = await Promise.all([
        doc.ref.collection('attendance').select().get(),
        doc.ref.collection('registrations').select().get(),
        doc.ref.collection('questions').where('answered', '==', true).count().get(),
      ]);
      const attended = new Set(attendance.docs.map((d) => d.id));
      const people = [...new Set([...attended, ...registrations.docs.map((d) => d.id)])].filter(
        (uid) => uid !== hostId,
      );
      const courseId = str(doc.get('courseId'));
      let hostName = str(doc.get('hostName'));
      if (!hostName && hostId) hostName = (await recipient(hostId)).displayName;
      const ctx = {
        session: {
          id: doc.id,
          title: str(doc.get('title'), 'your live session'),
          hostName,
          recordingUrl: str(doc.get('recordingUrl')) || null,
          answeredQuestions: answered.data().count,
        },
        nextSession: null as { id: string; title: string; scheduledAt: Date } | null,
        course: null as { id: string; title: string } | null,
      };
      if (people.some((uid) => !attended.has(uid))) {
        if (hostId) {
          const next = await db
            .collection('liveSessions')
            .where('hostId', '==', hostId)
            .where('status', '==', 'scheduled')
            .where('scheduledAt', '>', now)
            .orderBy('scheduledAt')
            .limit(1)
            .get();
          const n = next.docs[0];
          const at = n ? toDate(n.get('scheduledAt')) : null;
          if (n && at)
            ctx.nextSession = { id: n.id, title: str(n.get('title'), 'a live session'), scheduledAt: at };
        }
        if (courseId) {
          const course = await db.doc(`courses/${courseId}`).get();
          if (course.exists && course.get('status') === 'published')
            ctx.course = { id: courseId, title: str(course.get('title'), 'the course') };
        }
      }
      const key = nudgeKey.sessionFollowUp(doc.id);
      let failed = 0;
      await mapLimit(people, concurrency, async (uid) => {
        const went = attended.has(uid);
        const outcome = await deliver(
          await recipient(uid),
          went ? 'session-attended' : 'session-missed',
          key,
          sessionFollowUpMessage(went, ctx),
        );
        if (outcome === 'failed') failed += 1;
      });
      // Not marked while an email failed: the next sweep retries it (the log keeps the rest once).
      if (failed === 0) await doc.ref.update({ followUpsSentAt: now });
    },
  );

  // ------------------------------------------------------------------ exchange follow-ups
  const exchanges = db.collection('exchanges');
  const other = (x: DocumentData, uid: string) => {
    const participants: string[] = Array.isArray(x.participants) ? x.participants : [];
    return participants.find((p) => p !== uid) ?? '';
  };
  const nameOf = async (x: DocumentData, uid: string) => {
    const people = isRecord(x.people) ? x.people : {};
    const person = people[uid];
    const stored = isRecord(person) ? str(person.displayName) : '';
    return stored || (await recipient(uid)).displayName;
  };
  /** What `uid` learns in the exchange: the requester asked for requestedSkill; the provider gets offeredSkill. */
  const learns = (x: DocumentData, uid: string) =>
    skillName(uid === x.requesterId ? x.requestedSkill : x.offeredSkill) || 'skill';

  await sweep(
    'exchangesPending',
    exchanges.where('status', '==', 'pending'),
    'createdAt',
    new Date(now.getTime() - EXCHANGE_PENDING_WINDOW_DAYS * DAY_MS),
    new Date(now.getTime() - EXCHANGE_PENDING_DAYS * DAY_MS),
    async (doc) => {
      const x = doc.data();
      if (!exchangePendingDue(toDate(x.createdAt), now)) return skip('exchange-not-due');
      const providerId = str(x.providerId);
      const requesterId = str(x.requesterId);
      if (!providerId || !requesterId) return skip('exchange-invalid');
      const message = exchangeMessage('exchange-pending', {
        exchangeId: doc.id,
        otherName: await nameOf(x, requesterId),
        skill: learns(x, providerId),
      });
      await deliver(
        await recipient(providerId),
        'exchange-pending',
        nudgeKey.exchangePending(doc.id),
        message,
      );
    },
  );

  await sweep(
    'exchangesCompleted',
    exchanges.where('status', '==', 'completed'),
    'updatedAt',
    new Date(now.getTime() - EXCHANGE_FEEDBACK_WINDOW_DAYS * DAY_MS),
    new Date(now.getTime() - EXCHANGE_FEEDBACK_DELAY_DAYS * DAY_MS),
    async (doc) => {
      const x = doc.data();
      if (!exchangeFeedbackDue(toDate(x.updatedAt), now)) return skip('exchange-not-due');
      const feedback = await doc.ref.collection('feedback').select().get();
      const participants: string[] = Array.isArray(x.participants) ? x.participants.map(String) : [];
      const key = nudgeKey.exchangeFeedback(doc.id);
      for (const uid of feedbackRecipients(
        participants,
        feedback.docs.map((d) => d.id),
      )) {
        const message = exchangeMessage('exchange-feedback', {
          exchangeId: doc.id,
          otherName: await nameOf(x, other(x, uid)),
          skill: learns(x, uid),
        });
        await deliver(await recipient(uid), 'exchange-feedback', key, message);
      }
    },
  );

  await sweep(
    'exchangesActive',
    exchanges.where('status', '==', 'active'),
    'updatedAt',
    new Date(now.getTime() - EXCHANGE_IDLE_WINDOW_DAYS * DAY_MS),
    new Date(now.getTime() - EXCHANGE_IDLE_DAYS * DAY_MS),
    async (doc) => {
      const x = doc.data();
      const sessions = await doc.ref.collection('sessions').orderBy('scheduledAt', 'desc').limit(20).get();
      const decision = exchangeScheduleDue({
        exchangeId: doc.id,
        updatedAt: toDate(x.updatedAt),
        sessions: sessions.docs.flatMap((s) => {
          const at = toDate(s.get('scheduledAt'));
          return at ? [{ scheduledAt: at, status: str(s.get('status')) }] : [];
        }),
        now,
      });
      if (!decision.due) return skip(`exchange-${decision.reason}`);
      const participants: string[] = Array.isArray(x.participants) ? x.participants.map(String) : [];
      for (const uid of participants) {
        const message = exchangeMessage('exchange-schedule', {
          exchangeId: doc.id,
          otherName: await nameOf(x, other(x, uid)),
          skill: learns(x, uid),
        });
        await deliver(await recipient(uid), 'exchange-schedule', decision.key, message);
      }
    },
  );

  const cursorData = Object.fromEntries(
    STREAMS.map((s) => {
      const c = cursors[s];
      return [s, c ? { at: Timestamp.fromDate(c.at), id: c.id } : null];
    }),
  );
  await stateRef.set({ cursors: cursorData, lastRunAt: now, lastResult: result }, { merge: false });
  logger.info('nudges run', { sent: result.sent, examined: result.examined, failed: result.failed });
  return result;
}

/** What an inactivity nudge can point to: the course they were on, their streak, their next session. */
async function inactivityContext(
  db: Firestore,
  uid: string,
  profile: DocumentData,
  now: Date,
  timezone: string,
): Promise<InactivityContext> {
  const g = isRecord(profile.gamification) ? profile.gamification : {};
  const enrollments = db.collection('enrollments').where('uid', '==', uid);
  const [byUpdate, registrations] = await Promise.all([
    enrollments.orderBy('updatedAt', 'desc').limit(10).get(),
    db
      .collectionGroup('registrations')
      .where('uid', '==', uid)
      .orderBy('registeredAt', 'desc')
      .limit(20)
      .get(),
  ]);
  const docs = byUpdate.empty
    ? (await enrollments.orderBy('createdAt', 'desc').limit(10).get()).docs
    : byUpdate.docs;
  const current = docs.find(
    (d) => d.get('status') === 'active' && !d.get('completedAt') && num(d.get('progress')) < 100,
  );
  let course: InactivityContext['course'] = null;
  if (current) {
    const courseId = str(current.get('courseId'));
    let title = str(current.get('courseTitle'));
    if (!title && courseId)
      title = str((await db.doc(`courses/${courseId}`).get()).get('title'), 'your course');
    if (courseId)
      course = {
        id: courseId,
        title,
        lastLectureId: str(current.get('lastLectureId')) || null,
        progress: num(current.get('progress')),
      };
  }
  let upcomingSession: InactivityContext['upcomingSession'] = null;
  const sessionRefs = registrations.docs.flatMap((r) => (r.ref.parent.parent ? [r.ref.parent.parent] : []));
  if (sessionRefs.length > 0) {
    for (const s of await db.getAll(...sessionRefs)) {
      const at = toDate(s.get('scheduledAt'));
      if (!s.exists || s.get('status') !== 'scheduled' || !at || at <= now) continue;
      if (!upcomingSession || at < upcomingSession.scheduledAt)
        upcomingSession = { id: s.id, title: str(s.get('title'), 'a live session'), scheduledAt: at };
    }
  }
  return {
    course,
    streak: {
      currentStreak: num(g.currentStreak),
      lastActiveDay: typeof g.lastActiveDay === 'string' ? g.lastActiveDay : null,
    },
    upcomingSession,
    today: localDay(now, timezone),
  };
}

// Telling an educator's followers about a new course or live session (issue 16 §3). The event
// creates one job, fanouts/{course_<id>|session_<id>}, once. Each run of the job's trigger notifies
// one batch of followers (FANOUT_BATCH_SIZE, in document-id order after the job's cursor) and then
// moves the cursor in a transaction, which fires the trigger again for the next batch, until a short
// batch marks the job done. A run that is cut off leaves the cursor where it was, and the trigger's
// retry (or any later run) repeats that batch: every notification has a deterministic id per event
// and follower, so a repeat creates no second item and sends no second email. Two runs of the same
// batch (a duplicate event delivery) may both notify, harmlessly, but only one moves the cursor.
import {
  FANOUT_BATCH_SIZE,
  type FanoutKind,
  fanoutId,
  fanoutMessage,
  fanoutNotificationId,
} from '@skillverse/domain/follows';
import { str } from '@skillverse/domain/fields';
import { FieldPath, FieldValue, type Firestore, type Transaction } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { formatEmailTime } from '@skillverse/domain/email';
import { icsAttachment } from '../notifications/ics-attachment';
import { type NotifyDeps, type NotifyInput, notify } from '../notifications/notify';
import { fanoutRef, followersCol } from '../lib/data/follows';
import { createIfAbsent, isRecord, runTransactionRetrying, toDate } from '../lib/firestore';
import { mapLimit } from '../lib/map-limit';

export type FanoutStatus = 'running' | 'done';

export interface FanoutEvent {
  kind: FanoutKind;
  /** The course or live session id. */
  refId: string;
  educatorId: string;
  educatorName: string;
  /** The course or session title. */
  title: string;
  /** A session's start, as the notification words it (server-formatted); null for a course. */
  when?: string | null;
  /**
   * A session's calendar invite for the followers' emails: the RFC 5546 .ics (METHOD:PUBLISH — a
   * follower is told, not registered), and its start and length, which the email words in each
   * recipient's time zone. Absent for a course.
   */
  calendar?: { startsAt: Date; durationMin: number; ics: string } | null;
}

function jobData(event: FanoutEvent, now: Date) {
  const message = fanoutMessage(event.kind, {
    refId: event.refId,
    title: event.title,
    educatorName: event.educatorName,
    ...(event.when ? { when: event.when } : {}),
  });
  return {
    kind: event.kind,
    refId: event.refId,
    educatorId: event.educatorId,
    notificationId: fanoutNotificationId(event.kind, event.refId),
    title: message.title,
    body: message.body,
    link: message.link,
    status: 'running' as FanoutStatus,
    cursor: null,
    batches: 0,
    visited: 0,
    created: 0,
    emailed: 0,
    createdAt: now,
    updatedAt: now,
    ...(event.calendar
      ? {
          calendar: { ...event.calendar, educatorName: event.educatorName, title: event.title },
        }
      : {}),
  };
}

/** Creates the event's fan-out job unless it exists (an event is announced once). */
export async function startFanout(db: Firestore, event: FanoutEvent, now: Date): Promise<boolean> {
  const ref = fanoutRef(db, fanoutId(event.kind, event.refId));
  return createIfAbsent(() => ref.create(jobData(event, now)));
}

/**
 * The same inside a transaction (its reads must come first): `existing` is whether the caller's
 * transaction read the job document already.
 */
export function startFanoutIn(
  db: Firestore,
  tx: Transaction,
  event: FanoutEvent,
  now: Date,
  existing: boolean,
): void {
  if (existing) return;
  tx.create(fanoutRef(db, fanoutId(event.kind, event.refId)), jobData(event, now));
}

export interface FanoutDeps extends NotifyDeps {
  db: Firestore;
  now: Date;
  batchSize?: number;
  /** Notifications in flight at once. */
  concurrency?: number;
}

export interface FanoutBatchResult {
  status: FanoutStatus | 'missing';
  /** Followers in this batch. */
  visited: number;
  /** Whether this run moved the cursor (false when another run already had). */
  advanced: boolean;
}

/** Notifies the next batch of the job's followers and moves its cursor; see the file comment. */
export async function processFanoutBatch(deps: FanoutDeps, id: string): Promise<FanoutBatchResult> {
  const { db } = deps;
  const batchSize = deps.batchSize ?? FANOUT_BATCH_SIZE;
  const ref = fanoutRef(db, id);
  const job = await ref.get();
  if (!job.exists) return { status: 'missing', visited: 0, advanced: false };
  if (job.get('status') !== 'running') return { status: 'done', visited: 0, advanced: false };

  const educatorId = str(job.get('educatorId'));
  const cursor = (job.get('cursor') as string | null | undefined) ?? null;
  let page = followersCol(db, educatorId).orderBy(FieldPath.documentId()).limit(batchSize);
  if (cursor) page = page.startAfter(cursor);
  const followers = await page.get();

  const notificationId = str(job.get('notificationId'));
  const title = str(job.get('title'));
  const body = str(job.get('body'));
  const link = str(job.get('link')) || null;
  const localize = sessionEmail(job.get('kind'), job.get('refId'), job.get('calendar'));
  let created = 0;
  let emailed = 0;
  await mapLimit(followers.docs, deps.concurrency ?? 20, async (doc) => {
    if (doc.id === educatorId) return;
    const result = await notify(
      db,
      {
        uid: doc.id,
        type: 'followed_educator',
        id: notificationId,
        title,
        body,
        link,
        ...(localize ? { localize } : {}),
      },
      deps,
    );
    if (result.inApp === 'created') created += 1;
    if (result.email === 'sent' || result.email === 'logged') emailed += 1;
  });

  const done = followers.size < batchSize;
  const last = followers.docs.at(-1)?.id ?? cursor;
  const now = deps.now;
  const advanced = await runTransactionRetrying(db, async (tx) => {
    const current = await tx.get(ref);
    if (
      current.get('status') !== 'running' ||
      ((current.get('cursor') as string | null) ?? null) !== cursor
    ) {
      return false;
    }
    tx.update(ref, {
      cursor: last,
      status: done ? 'done' : 'running',
      batches: FieldValue.increment(1),
      visited: FieldValue.increment(followers.size),
      created: FieldValue.increment(created),
      emailed: FieldValue.increment(emailed),
      updatedAt: now,
      ...(done ? { doneAt: now } : {}),
    });
    return true;
  });
  logger.info('fan-out batch', { id, cursor, visited: followers.size, created, emailed, done, advanced });
  return { status: done ? 'done' : 'running', visited: followers.size, advanced };
}

/**
 * A scheduled session's email to a follower: the start in their time zone, and the calendar
 * invite attached, as registrants' and course learners' emails carry it (live/register.ts,
 * on-live-session-written.ts). null for a course, or a job written before jobs kept the invite.
 */
function sessionEmail(kind: unknown, refId: unknown, calendar: unknown): NotifyInput['localize'] | null {
  if (kind !== 'session_scheduled' || !isRecord(calendar) || typeof calendar.ics !== 'string') return null;
  const startsAt = toDate(calendar.startsAt);
  if (!startsAt) return null;
  const ics = calendar.ics;
  const durationMin = typeof calendar.durationMin === 'number' ? calendar.durationMin : 0;
  return (r) => {
    const when = formatEmailTime(startsAt, r.timeZone);
    const message = fanoutMessage('session_scheduled', {
      refId: str(refId),
      title: str(calendar.title),
      educatorName: str(calendar.educatorName),
      when,
    });
    return {
      body: message.body,
      email: {
        subject: message.title,
        text: `${message.body}${durationMin ? ` It lasts ${durationMin} minutes.` : ''}\n\nAdd it to your calendar with the attached invite.`,
        attachments: [icsAttachment(ics, 'PUBLISH')],
      },
    };
  };
}

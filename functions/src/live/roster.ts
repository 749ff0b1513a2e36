// Who's here, folded (issue 17 §2; docs/live.md "Presence and polls at scale"). Each person writes
// only their own presence document (a heartbeat a minute) and nobody listens to those; a trigger
// folds them into ONE roster document per session, liveSessions/{id}/roster/current, that the room
// listens to. The fold is coalesced (lib/coalesce.ts): written at most every ROSTER_MIN_INTERVAL_MS,
// only when what it shows changed, and a heartbeat alone asks for a fold at most once per
// ROSTER_SWEEP_MS (that sweep drops people whose page stopped without leaving). Presence documents
// get `expireAt` (Firestore TTL, firestore.indexes.json) when first seen: they are the attendance
// evidence for sessions without a video room, so they are kept until well after the session ends.
import {
  foldRoster,
  PRESENCE_STALE_MS,
  PRESENCE_TTL_MS,
  type PresenceFields,
  type PresenceSeen,
  presenceChange,
  ROSTER_CAP,
  ROSTER_MIN_INTERVAL_MS,
  ROSTER_SWEEP_MS,
  type Roster,
  type RosterEntry,
  sameRoster,
} from '@skillverse/domain/live-room';
import type { DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { type FoldOptions, type FoldOutcome, requestFold } from '../lib/coalesce';
import { runTransactionRetrying, toDate } from '../lib/firestore';
import {
  foldStateRef,
  presenceCol,
  presenceRef,
  rosterRef,
  sessionRef,
  speakersCol,
} from '../lib/data/live-sessions';

/** Presence documents one fold reads at most (present ones, by arrival); the rest are counted. */
export const ROSTER_SCAN = 500;
export const ROSTER_FOLD_ID = 'roster';

function seen(snap: DocumentSnapshot): PresenceSeen {
  const name = snap.get('displayName');
  const photo = snap.get('photoURL');
  return {
    uid: snap.id,
    displayName: typeof name === 'string' && name ? name : 'Participant',
    photoURL: typeof photo === 'string' && photo ? photo : null,
    present: snap.get('present') === true,
    joinedAt: toDate(snap.get('joinedAt')),
    lastSeenAt: toDate(snap.get('lastSeenAt')),
  };
}

function fields(snap: DocumentSnapshot | undefined): PresenceFields | null {
  if (!snap?.exists) return null;
  return {
    present: snap.get('present'),
    joinedAt: toDate(snap.get('joinedAt')),
    lastSeenAt: toDate(snap.get('lastSeenAt')),
    displayName: snap.get('displayName'),
    photoURL: snap.get('photoURL'),
  };
}

function storedRoster(snap: DocumentSnapshot): Roster | null {
  if (!snap.exists) return null;
  const people = snap.get('people');
  return {
    people: Array.isArray(people) ? (people as RosterEntry[]) : [],
    count: Number(snap.get('count') ?? 0) || 0,
  };
}

/** Reads the room's presence and writes the roster when it changed. `seq` orders concurrent folds. */
export async function writeRoster(
  db: Firestore,
  sessionId: string,
  now: Date,
  seq: number,
): Promise<'written' | 'unchanged' | 'stale' | 'missing'> {
  const session = await sessionRef(db, sessionId).get();
  if (!session.exists) return 'missing';
  const hostId = String(session.get('hostId') ?? '');
  const [scan, speakers] = await Promise.all([
    presenceCol(session.ref).where('present', '==', true).orderBy('joinedAt').limit(ROSTER_SCAN).get(),
    speakersCol(db, sessionId).limit(100).get(),
  ]);
  const speakerUids = new Set(speakers.docs.map((d) => d.id));
  const scanned = new Set(scan.docs.map((d) => d.id));
  // The host and speakers are listed first even when they arrived after the scanned page.
  const missing = [hostId, ...speakerUids].filter((uid) => uid && !scanned.has(uid));
  const extra =
    missing.length > 0 ? await db.getAll(...missing.map((uid) => presenceRef(db, sessionId, uid))) : [];
  const presences = [...scan.docs, ...extra.filter((s) => s.exists)].map(seen);
  const roster = foldRoster(presences, { hostId, speakerUids, now, cap: ROSTER_CAP });
  if (scan.size === ROSTER_SCAN) {
    // A very large room: count everyone here with an aggregation (one read per 1,000 entries).
    const cutoff = new Date(now.getTime() - PRESENCE_STALE_MS);
    const counted = await presenceCol(session.ref)
      .where('present', '==', true)
      .where('lastSeenAt', '>', cutoff)
      .count()
      .get();
    roster.count = Math.max(roster.count, counted.data().count);
  }
  const ref = rosterRef(db, sessionId);
  return runTransactionRetrying(db, async (tx) => {
    const current = await tx.get(ref);
    if (Number(current.get('seq') ?? 0) > seq) return 'stale';
    if (sameRoster(storedRoster(current), roster)) return 'unchanged';
    tx.set(ref, { people: roster.people, count: roster.count, seq, updatedAt: now });
    return 'written';
  });
}

/**
 * A presence document was written: stamp its expiry once, and ask for a roster fold when someone
 * came, left or changed (at once, coalesced), or for a sweep on a plain heartbeat.
 */
export async function onPresenceWritten(
  db: Firestore,
  sessionId: string,
  before: DocumentSnapshot | undefined,
  after: DocumentSnapshot | undefined,
  opts: Partial<FoldOptions> & { now?: () => Date } = {},
): Promise<FoldOutcome | 'none'> {
  const eventAt = opts.eventAt ?? after?.updateTime?.toDate() ?? undefined;
  const now = opts.now ?? (() => new Date());
  if (after?.exists && !after.get('expireAt')) {
    const from = toDate(after.get('joinedAt')) ?? now();
    await after.ref.update({ expireAt: new Date(from.getTime() + PRESENCE_TTL_MS) }).catch((error) => {
      logger.warn('presence expiry not set', { sessionId, uid: after.id, error: String(error) });
    });
  }
  const change = presenceChange(fields(before), fields(after));
  if (change === 'none') return 'none';
  return requestFold(
    db,
    foldStateRef(db, sessionId, ROSTER_FOLD_ID),
    {
      ...opts,
      eventAt,
      minIntervalMs: opts.minIntervalMs ?? ROSTER_MIN_INTERVAL_MS,
      sweepMs: change === 'heartbeat' ? (opts.sweepMs ?? ROSTER_SWEEP_MS) : undefined,
    },
    async (seq) => {
      const result = await writeRoster(db, sessionId, now(), seq);
      logger.info('roster fold', { sessionId, seq, result, change });
    },
  );
}

// A live room whose cost grows with N, not N² (issue 17 §2; docs/live.md "Presence and polls at
// scale"). Pure rules of the fold: who counts as here, how the one "who's here" document is built
// from everyone's own presence document, which presence writes call for a new fold, and when a
// coalesced fold may run. The functions apply them (functions/src/live/roster.ts, poll-tally.ts).

/** A presence older than this (no heartbeat) no longer counts as here: the rules' 3-minute stay. */
export const PRESENCE_STALE_MS = 180_000;
/** The folded roster lists at most this many people; past it, it says only how many are here. */
export const ROSTER_CAP = 200;
/** The roster document is written at most once per this interval, however many people come and go. */
export const ROSTER_MIN_INTERVAL_MS = 3_000;
/**
 * A heartbeat alone (nobody came or went) asks for a fold only when the last one is older than
 * this: it is what drops people whose page stopped without saying goodbye.
 */
export const ROSTER_SWEEP_MS = 60_000;
/** A poll's published tally changes at most once per this interval, however fast votes arrive. */
export const TALLY_MIN_INTERVAL_MS = 1_000;
/** Presence documents expire (Firestore TTL on `expireAt`) this long after the stay began. */
export const PRESENCE_TTL_MS = 7 * 24 * 3_600_000;
/** A claimed fold that has not run this long after its time is abandoned: anyone may take over. */
export const FOLD_LEASE_MS = 30_000;

export type RosterRole = 'host' | 'speaker' | 'attendee';

export interface RosterEntry {
  uid: string;
  displayName: string;
  photoURL: string | null;
  role: RosterRole;
}

/** liveSessions/{id}/roster/current: who's here, as the room's clients see it. */
export interface Roster {
  /** Host first, then speakers, then everyone else in the order they arrived; at most ROSTER_CAP. */
  people: RosterEntry[];
  /** Everyone here, listed or not. */
  count: number;
}

/** One person's own presence document, as the fold reads it. */
export interface PresenceSeen {
  uid: string;
  displayName: string;
  photoURL: string | null;
  present: boolean;
  joinedAt: Date | null;
  lastSeenAt: Date | null;
}

/** Here: present (not left) with a heartbeat within PRESENCE_STALE_MS of `now`. */
export function isHere(p: PresenceSeen, now: Date): boolean {
  if (!p.present || !p.lastSeenAt) return false;
  return now.getTime() - p.lastSeenAt.getTime() < PRESENCE_STALE_MS;
}

/**
 * The roster from presence documents. `extraCount` adds people known to be here but not among
 * `presences` (the fold reads a bounded page; an aggregation counts the rest).
 */
export function foldRoster(
  presences: readonly PresenceSeen[],
  opts: { hostId: string; speakerUids: ReadonlySet<string>; now: Date; cap?: number; extraCount?: number },
): Roster {
  const cap = opts.cap ?? ROSTER_CAP;
  const seen = new Map<string, PresenceSeen>();
  for (const p of presences) if (isHere(p, opts.now) && !seen.has(p.uid)) seen.set(p.uid, p);
  const role = (uid: string): RosterRole =>
    uid === opts.hostId ? 'host' : opts.speakerUids.has(uid) ? 'speaker' : 'attendee';
  const rank = { host: 0, speaker: 1, attendee: 2 } as const;
  const here = [...seen.values()].sort(
    (a, b) =>
      rank[role(a.uid)] - rank[role(b.uid)] ||
      (a.joinedAt?.getTime() ?? 0) - (b.joinedAt?.getTime() ?? 0) ||
      (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0),
  );
  return {
    people: here.slice(0, cap).map((p) => ({
      uid: p.uid,
      displayName: p.displayName,
      photoURL: p.photoURL,
      role: role(p.uid),
    })),
    count: here.length + Math.max(0, opts.extraCount ?? 0),
  };
}

/** Whether two rosters show the same thing (a fold that changes nothing writes nothing). */
export function sameRoster(a: Roster | null, b: Roster): boolean {
  if (!a || a.count !== b.count || a.people.length !== b.people.length) return false;
  return a.people.every((p, i) => {
    const q = b.people[i] as RosterEntry;
    return (
      p.uid === q.uid && p.displayName === q.displayName && p.photoURL === q.photoURL && p.role === q.role
    );
  });
}

/** The part of a presence document a write can change, before or after it (null: no document). */
export interface PresenceFields {
  present?: unknown;
  joinedAt?: Date | null;
  lastSeenAt?: Date | null;
  displayName?: unknown;
  photoURL?: unknown;
}

/**
 * What a presence write means for the roster: `refold` when someone came, left, began a new stay or
 * changed name or photo (the roster changes: fold within ROSTER_MIN_INTERVAL_MS); `heartbeat` when
 * only the stay was refreshed (fold only if the last one is older than ROSTER_SWEEP_MS); `none`
 * otherwise (the server's own `expireAt`).
 */
export function presenceChange(
  before: PresenceFields | null,
  after: PresenceFields | null,
): 'refold' | 'heartbeat' | 'none' {
  if (!before || !after) return before === after ? 'none' : 'refold';
  const time = (d: Date | null | undefined) => d?.getTime() ?? null;
  if (
    before.present !== after.present ||
    time(before.joinedAt) !== time(after.joinedAt) ||
    before.displayName !== after.displayName ||
    (before.photoURL ?? null) !== (after.photoURL ?? null)
  ) {
    return 'refold';
  }
  return time(before.lastSeenAt) !== time(after.lastSeenAt) ? 'heartbeat' : 'none';
}

/** The coalescing state of one fold (liveSessions/{id}/folds/{foldId}, server-only). */
export interface FoldState {
  /** When the last fold took its snapshot (null: never). */
  foldedAt: Date | null;
  /** A fold claimed to run at this time (null: none pending). */
  runAt: Date | null;
}

/**
 * What an event asking for a fold does: `covered` when a fold began reading after the event was
 * written (`eventAt`, the write's commit time; `foldedAt` is the fold's own commit time on the same
 * clock), so it saw it already; `pending` when a fold is already claimed and will see this
 * event (it runs later than now and has not been abandoned); `fresh` for a sweep when the last fold
 * is recent enough; else `claim` a fold at `runAt`: now, or minIntervalMs after the last one.
 */
export function foldPlan(
  state: FoldState,
  now: Date,
  opts: { minIntervalMs: number; sweepMs?: number; leaseMs?: number; eventAt?: Date },
): { action: 'covered' } | { action: 'pending' } | { action: 'fresh' } | { action: 'claim'; runAt: Date } {
  const lease = opts.leaseMs ?? FOLD_LEASE_MS;
  if (opts.eventAt && state.foldedAt && state.foldedAt.getTime() > opts.eventAt.getTime()) {
    return { action: 'covered' };
  }
  if (state.runAt && now.getTime() < state.runAt.getTime() + lease) return { action: 'pending' };
  const last = state.foldedAt?.getTime();
  if (opts.sweepMs !== undefined && last !== undefined && now.getTime() - last < opts.sweepMs) {
    return { action: 'fresh' };
  }
  const runAt = Math.max(now.getTime(), last === undefined ? 0 : last + opts.minIntervalMs);
  return { action: 'claim', runAt: new Date(runAt) };
}

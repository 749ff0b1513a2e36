// Exchange call rooms (issue 15, item 4): a session is *held* — `evidence: 'observed'` — when the
// platform saw both people in its call room together for at least OBSERVED_HELD_MIN minutes within
// the session's time window. What the platform sees is a list of presence intervals per person,
// stamped with server time only: heartbeats from the open call page (exchangeCallHeartbeat) or
// LiveKit's participant_joined/left webhooks. Nothing a client sends carries a time.
//
// Pure functions: the call window, merging a heartbeat or a join/leave into a person's intervals,
// and the overlap of two people's intervals inside the window.

/** The call opens this many minutes before the scheduled start (a heartbeat is accepted). */
export const CALL_OPENS_BEFORE_MIN = 5;
/** Minutes of both people together, inside the window, that make a session held (observed). */
export const OBSERVED_HELD_MIN = 10;
/** How often the call page reports presence. */
export const HEARTBEAT_INTERVAL_SEC = 30;
/** A heartbeat within this many seconds of the last one extends that interval; later, a new one. */
export const HEARTBEAT_GAP_SEC = 75;
/** At most this many intervals are kept per person and session (older ones are merged away). */
export const MAX_INTERVALS = 200;

const MINUTE = 60_000;

export interface Interval {
  from: Date;
  to: Date;
}

export interface CallWindow {
  /** When the call opens (CALL_OPENS_BEFORE_MIN before the start). */
  opensAt: Date;
  /** The scheduled start: presence counts from here. */
  startsAt: Date;
  /** The scheduled end (start + duration): the call closes. */
  endsAt: Date;
}

export function callWindow(scheduledAt: Date, durationMin: number): CallWindow {
  const start = scheduledAt.getTime();
  return {
    opensAt: new Date(start - CALL_OPENS_BEFORE_MIN * MINUTE),
    startsAt: new Date(start),
    endsAt: new Date(start + Math.max(0, durationMin) * MINUTE),
  };
}

/** Whether the call room is open at `now` (server time). */
export function callOpen(window: CallWindow, now: Date): boolean {
  const t = now.getTime();
  return t >= window.opensAt.getTime() && t < window.endsAt.getTime();
}

/** The room name of a session's call: ids never contain "/", so the name parses back exactly. */
export function exchangeRoomName(exchangeId: string, sessionId: string): string {
  return `exchange/${exchangeId}/${sessionId}`;
}

/** { exchangeId, sessionId } for an exchange call room name; null for any other room. */
export function parseExchangeRoomName(room: string): { exchangeId: string; sessionId: string } | null {
  const parts = room.split('/');
  if (parts.length !== 3 || parts[0] !== 'exchange' || !parts[1] || !parts[2]) return null;
  return { exchangeId: parts[1], sessionId: parts[2] };
}

/** The room name of a swap cycle session's group call (three people). */
export function cycleRoomName(cycleId: string, sessionId: string): string {
  return `cycle/${cycleId}/${sessionId}`;
}

/** { cycleId, sessionId } for a swap cycle call room name; null for any other room. */
export function parseCycleRoomName(room: string): { cycleId: string; sessionId: string } | null {
  const parts = room.split('/');
  if (parts.length !== 3 || parts[0] !== 'cycle' || !parts[1] || !parts[2]) return null;
  return { cycleId: parts[1], sessionId: parts[2] };
}

/** Sorted, non-overlapping union of intervals (empty or inverted ones dropped). */
export function unionOf(intervals: Interval[]): Interval[] {
  const sorted = intervals
    .filter((i) => i.to.getTime() >= i.from.getTime())
    .sort((a, b) => a.from.getTime() - b.from.getTime());
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.from.getTime() <= last.to.getTime()) {
      if (i.to.getTime() > last.to.getTime()) out[out.length - 1] = { from: last.from, to: i.to };
    } else {
      out.push({ from: i.from, to: i.to });
    }
  }
  return out;
}

/** Keeps at most MAX_INTERVALS: merges the oldest neighbours first (never loses covered time). */
function capped(intervals: Interval[]): Interval[] {
  const out = unionOf(intervals);
  while (out.length > MAX_INTERVALS) {
    const [a, b] = [out[0]!, out[1]!];
    out.splice(0, 2, { from: a.from, to: b.to });
  }
  return out;
}

/**
 * A heartbeat at server time `now`: extends the latest interval when it ended at most
 * HEARTBEAT_GAP_SEC ago, else starts a new (zero-length) interval at `now`. A repeat at the same
 * instant changes nothing.
 */
export function addHeartbeat(intervals: Interval[], now: Date): Interval[] {
  const list = unionOf(intervals);
  const last = list[list.length - 1];
  const t = now.getTime();
  if (last && t >= last.from.getTime() && t - last.to.getTime() <= HEARTBEAT_GAP_SEC * 1000) {
    list[list.length - 1] = { from: last.from, to: new Date(Math.max(t, last.to.getTime())) };
    return capped(list);
  }
  return capped([...list, { from: now, to: now }]);
}

/** A person's presence as the server keeps it: closed intervals and, from LiveKit, an open join. */
export interface Presence {
  intervals: Interval[];
  /** A LiveKit join not yet followed by a leave. */
  openSince: Date | null;
}

export const EMPTY_PRESENCE: Presence = { intervals: [], openSince: null };

/** A LiveKit participant_joined / participant_left at server-side event time `at`. */
export function applyRoomEvent(p: Presence, event: { type: 'joined' | 'left'; at: Date }): Presence {
  if (event.type === 'joined') {
    return p.openSince ? p : { intervals: p.intervals, openSince: event.at };
  }
  if (!p.openSince) return p;
  return { intervals: capped([...p.intervals, { from: p.openSince, to: event.at }]), openSince: null };
}

/** The intervals to count at `now`: an open join counts up to `now`. */
export function presenceIntervals(p: Presence, now: Date): Interval[] {
  return p.openSince && now.getTime() > p.openSince.getTime()
    ? [...p.intervals, { from: p.openSince, to: now }]
    : p.intervals;
}

function clip(intervals: Interval[], from: Date, to: Date): Interval[] {
  const lo = from.getTime();
  const hi = to.getTime();
  return unionOf(intervals)
    .map((i) => ({ from: Math.max(lo, i.from.getTime()), to: Math.min(hi, i.to.getTime()) }))
    .filter((i) => i.to > i.from)
    .map((i) => ({ from: new Date(i.from), to: new Date(i.to) }));
}

/** Milliseconds both people were present together between the session's start and end. */
export function overlapMs(a: Interval[], b: Interval[], window: CallWindow): number {
  const x = clip(a, window.startsAt, window.endsAt);
  const y = clip(b, window.startsAt, window.endsAt);
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const from = Math.max(x[i]!.from.getTime(), y[j]!.from.getTime());
    const to = Math.min(x[i]!.to.getTime(), y[j]!.to.getTime());
    if (to > from) total += to - from;
    if (x[i]!.to.getTime() < y[j]!.to.getTime()) i++;
    else j++;
  }
  return total;
}

/**
 * Milliseconds ALL the given people were present together between the session's start and end:
 * the two of an exchange, the three of a swap cycle. Nobody given → 0.
 */
export function overlapAllMs(people: Interval[][], window: CallWindow): number {
  if (people.length === 0) return 0;
  let common = clip(people[0]!, window.startsAt, window.endsAt);
  for (const other of people.slice(1)) {
    const y = clip(other, window.startsAt, window.endsAt);
    const next: Interval[] = [];
    let i = 0;
    let j = 0;
    while (i < common.length && j < y.length) {
      const from = Math.max(common[i]!.from.getTime(), y[j]!.from.getTime());
      const to = Math.min(common[i]!.to.getTime(), y[j]!.to.getTime());
      if (to > from) next.push({ from: new Date(from), to: new Date(to) });
      if (common[i]!.to.getTime() < y[j]!.to.getTime()) i++;
      else j++;
    }
    common = next;
  }
  return common.reduce((sum, iv) => sum + iv.to.getTime() - iv.from.getTime(), 0);
}

/** Whole minutes everyone given was seen together (all of a cycle's three; both of an exchange). */
export function observedMinutesTogether(people: Interval[][], window: CallWindow): number {
  return Math.floor(overlapAllMs(people, window) / MINUTE);
}

/** Whole minutes both were seen together. */
export function observedMinutes(a: Interval[], b: Interval[], window: CallWindow): number {
  return Math.floor(overlapMs(a, b, window) / MINUTE);
}

/** Whether observed minutes make the session held. */
export function heldByObservation(minutes: number): boolean {
  return minutes >= OBSERVED_HELD_MIN;
}

/** Whether someone whose last presence ended at `lastSeen` is in the room at `now`. */
export function presentNow(p: Presence, now: Date): boolean {
  if (p.openSince) return true;
  const last = unionOf(p.intervals).at(-1);
  return Boolean(last && now.getTime() - last.to.getTime() <= HEARTBEAT_GAP_SEC * 1000);
}

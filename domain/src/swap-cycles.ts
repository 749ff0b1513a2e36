// Swap cycles (issue 8, item 3): when two people cannot swap skills directly, three often can.
// A teaches B, B teaches C, C teaches A. This file is the pure search. It has no Firebase imports.
// functions/src/exchange/swap-cycles.ts loads the candidates and writes the proposals.
//
// Definitions (they are the contract the tests pin):
// - Edge u → v: u offers a skill key that v desires. The edge's skills are the sorted
//   intersection; the edge teaches the first one, and the rest are stored as alternatives.
// - "When no direct match exists": a trio is skipped when any two of its members already have a
//   direct mutual match (each offers something the other wants). The match list already offers
//   those two a direct exchange. A trio is also skipped when two members already have an open
//   direct exchange (`blockedPairs`). Users who are busy in an active exchange or an open cycle
//   are not given to the search at all; the loader filters them out.
// - Compatible availability: the three weekly availabilities (UTC minutes of the week, merged)
//   intersect in one contiguous window of at least `minWindowMinutes` (default 60). Each session
//   needs a whole hour together. Two slivers of 30 minutes do not add up to one.
// - Canonical form: the cycle is rotated so that the smallest uid comes first. The search only
//   starts cycles at their smallest uid (B > A and C > A), so each directed cycle is found once.
//   The proposal id is derived from the sorted trio, not the direction or skills, so a trio gets
//   at most one proposal document ever: a declined trio is never proposed again, in either
//   direction or with other skills.
//
// Bounded work (n users, d = skills per user ≤ 4 here, k = maxSuccessors):
// - Index: learners by skill key, O(n·d).
// - Successors of each user: the learners of each offered skill, capped at k per user. They are
//   ranked by pairwise overlap, longest first, then by uid. Cost O(n·d·L) for skill lists of
//   length L; `maxScanPerSkill` caps L so that a hugely popular skill cannot blow this up.
// - Cycles: for each A, each B in succ(A), each C in succ(B), test C → A with a set lookup. That is
//   at most n·k² steps. `maxSteps` caps it, and the search stops after `maxCycles` cycles. Whatever
//   limit stops it is reported in `stoppedBy`. Each step that survives the canonical and exclusion
//   checks costs O(slots) for the three-way availability intersection.
// - Pick: sort the cycles by score (O(c log c)) and take greedily any cycle whose three members
//   are still free. A user is then in at most one proposal per run.
import {
  type CompletionReward,
  completionReward,
  decideConfirmation,
  type HeldRecord,
  sessionEnd,
} from './exchange-rewards';
import type { Interval } from './skills';

export interface CycleUser {
  uid: string;
  /** Normalised skill keys (offeredSkillKeys). */
  offered: readonly string[];
  /** Normalised skill keys (desiredSkillKeys). */
  desired: readonly string[];
  /** Weekly availability as merged UTC intervals of the week (see weeklyUtcIntervals). */
  intervals: readonly Interval[];
}

export interface CycleEdge {
  from: string;
  to: string;
  /** The skill key `from` teaches `to`. */
  skill: string;
  /** Every key `from` offers and `to` desires (sorted); `skill` is the first. */
  skills: string[];
}

export interface SwapCycle {
  /** Deterministic id of the trio (see cycleIdFor). */
  id: string;
  /** Canonical rotation: participants[0] is the smallest uid; each teaches the next. */
  participants: [string, string, string];
  edges: [CycleEdge, CycleEdge, CycleEdge];
  /** The longest weekly window all three share, in UTC minutes of the week. */
  window: { startMin: number; endMin: number };
  /** Weekly minutes all three share in total. */
  sharedMinutes: number;
  /** 0–100: skill fit 60 and shared time 40. */
  score: number;
}

export interface CycleSearchOptions {
  /** Shortest contiguous window the three must share (minutes, default 60). */
  minWindowMinutes?: number;
  /** Successors kept per user (default 12). */
  maxSuccessors?: number;
  /** Learners examined per skill while building one user's successors (default 400). */
  maxScanPerSkill?: number;
  /** Inner-loop steps (B, C pairs tried) per run (default 2,000,000). */
  maxSteps?: number;
  /** Cycles collected before the search stops (default 20,000). */
  maxCycles?: number;
  /** Unordered pairs that already have an open direct exchange (see pairKey). */
  blockedPairs?: ReadonlySet<string>;
}

export interface CycleSearchResult {
  cycles: SwapCycle[];
  /** Users given to the search that could take part (some offered, desired and availability). */
  usersConsidered: number;
  /** Successor edges kept after the per-user cap. */
  edgesConsidered: number;
  /** Inner-loop steps used. */
  steps: number;
  stoppedBy: 'done' | 'maxSteps' | 'maxCycles';
}

export const CYCLE_DEFAULTS = {
  minWindowMinutes: 60,
  maxSuccessors: 12,
  maxScanPerSkill: 400,
  maxSteps: 2_000_000,
  maxCycles: 20_000,
} as const;

/** Weekly shared time that earns the full availability part of the score. */
export const CYCLE_FULL_SHARED_MINUTES = 180;

export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** FNV-1a 64-bit over the string, as 16 hex digits. Deterministic in every runtime, no crypto. */
function fnv64(input: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < input.length; i++) {
    h ^= BigInt(input.charCodeAt(i));
    h = (h * prime) & mask;
  }
  return h.toString(16).padStart(16, '0');
}

/**
 * The proposal id of a trio: the same three people give the same id whatever the order, the
 * direction or the skills. It is a valid Firestore document id.
 */
export function cycleIdFor(uids: readonly string[]): string {
  const sorted = [...uids].sort();
  return `cyc_${fnv64(sorted.join('\u0000'))}`;
}

/** Rotates a cycle so that its smallest uid is first; the direction is kept. */
export function canonicalRotation<T>(uids: readonly [string, string, string], items?: readonly [T, T, T]) {
  let k = 0;
  for (let i = 1; i < 3; i++) if (uids[i]! < uids[k]!) k = i;
  const rot = <U>(xs: readonly [U, U, U]): [U, U, U] => [xs[k]!, xs[(k + 1) % 3]!, xs[(k + 2) % 3]!];
  return { uids: rot(uids), items: items ? rot(items) : undefined };
}

/** Intersection of two sorted, merged interval lists. */
export function intersectIntervals(x: readonly Interval[], y: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const [as, ae] = x[i]!;
    const [bs, be] = y[j]!;
    const s = Math.max(as, bs);
    const e = Math.min(ae, be);
    if (e > s) out.push([s, e]);
    if (ae < be) i++;
    else j++;
  }
  return out;
}

function longest(intervals: readonly Interval[]): { window: Interval | null; total: number } {
  let window: Interval | null = null;
  let total = 0;
  for (const iv of intervals) {
    const len = iv[1] - iv[0];
    total += len;
    if (!window || len > window[1] - window[0]) window = iv;
  }
  return { window, total };
}

/** Longest single overlap and total overlap of two interval lists, without allocating. */
function overlapStats(x: readonly Interval[], y: readonly Interval[]): { longest: number; total: number } {
  let longestLen = 0;
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const [as, ae] = x[i]!;
    const [bs, be] = y[j]!;
    const len = Math.min(ae, be) - Math.max(as, bs);
    if (len > 0) {
      total += len;
      if (len > longestLen) longestLen = len;
    }
    if (ae < be) i++;
    else j++;
  }
  return { longest: longestLen, total };
}

function sortedIntersection(a: readonly string[], b: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const s of a) if (b.has(s) && !out.includes(s)) out.push(s);
  return out.sort();
}

/** 0–100: skill fit (alternatives per edge, up to 3) weighs 60, shared weekly time weighs 40. */
export function cycleScore(edges: readonly CycleEdge[], sharedMinutes: number): number {
  const fit = edges.reduce((sum, e) => sum + Math.min(e.skills.length, 3) / 3, 0) / edges.length;
  const time = Math.min(sharedMinutes, CYCLE_FULL_SHARED_MINUTES) / CYCLE_FULL_SHARED_MINUTES;
  return Math.round(60 * fit + 40 * time);
}

interface Prepared {
  user: CycleUser;
  offered: Set<string>;
  desired: Set<string>;
}

/** Finds 3-cycles among `users`, within the bounds of `options`. Deterministic for its input. */
export function findSwapCycles(
  users: readonly CycleUser[],
  options: CycleSearchOptions = {},
): CycleSearchResult {
  const minWindow = options.minWindowMinutes ?? CYCLE_DEFAULTS.minWindowMinutes;
  const maxSucc = Math.max(0, options.maxSuccessors ?? CYCLE_DEFAULTS.maxSuccessors);
  const maxScan = Math.max(0, options.maxScanPerSkill ?? CYCLE_DEFAULTS.maxScanPerSkill);
  const maxSteps = Math.max(0, options.maxSteps ?? CYCLE_DEFAULTS.maxSteps);
  const maxCycles = Math.max(0, options.maxCycles ?? CYCLE_DEFAULTS.maxCycles);
  const blocked = options.blockedPairs ?? new Set<string>();

  // Only people who can both teach and learn, and who said when they are free. The first
  // occurrence of a uid wins, and the order is by uid, so the input order does not matter.
  const byUid = new Map<string, Prepared>();
  for (const user of [...users].sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0))) {
    if (byUid.has(user.uid) || !user.uid) continue;
    if (user.offered.length === 0 || user.desired.length === 0 || user.intervals.length === 0) continue;
    byUid.set(user.uid, { user, offered: new Set(user.offered), desired: new Set(user.desired) });
  }
  const people = [...byUid.values()];

  // Learners by skill key, in uid order.
  const learners = new Map<string, Prepared[]>();
  for (const p of people) {
    for (const key of p.desired) {
      const list = learners.get(key);
      if (list) list.push(p);
      else learners.set(key, [p]);
    }
  }

  const teaches = (u: Prepared, v: Prepared) => {
    for (const s of u.offered) if (v.desired.has(s)) return true;
    return false;
  };
  const mutual = (u: Prepared, v: Prepared) => teaches(u, v) && teaches(v, u);

  // Successors: people u can teach, with a pairwise window long enough, capped at maxSucc and
  // ranked by pairwise overlap, then by uid.
  const successors = new Map<string, Prepared[]>();
  let edgesConsidered = 0;
  for (const u of people) {
    const seen = new Set<string>();
    const ranked: { v: Prepared; overlap: number }[] = [];
    for (const key of u.offered) {
      const list = learners.get(key) ?? [];
      const limit = Math.min(list.length, maxScan);
      for (let i = 0; i < limit; i++) {
        const v = list[i]!;
        if (v === u || seen.has(v.user.uid)) continue;
        seen.add(v.user.uid);
        const { longest: window, total } = overlapStats(u.user.intervals, v.user.intervals);
        if (window < minWindow) continue;
        ranked.push({ v, overlap: total });
      }
    }
    ranked.sort((a, b) => b.overlap - a.overlap || (a.v.user.uid < b.v.user.uid ? -1 : 1));
    const kept = ranked.slice(0, maxSucc).map((r) => r.v);
    edgesConsidered += kept.length;
    successors.set(u.user.uid, kept);
  }

  const cycles: SwapCycle[] = [];
  let steps = 0;
  let stoppedBy: CycleSearchResult['stoppedBy'] = 'done';
  search: for (const a of people) {
    const aUid = a.user.uid;
    for (const b of successors.get(aUid) ?? []) {
      if (b.user.uid <= aUid) continue; // the cycle starts at its smallest uid
      if (mutual(a, b) || blocked.has(pairKey(aUid, b.user.uid))) continue;
      const ab = intersectIntervals(a.user.intervals, b.user.intervals);
      for (const c of successors.get(b.user.uid) ?? []) {
        if (steps >= maxSteps) {
          stoppedBy = 'maxSteps';
          break search;
        }
        steps++;
        const cUid = c.user.uid;
        if (cUid <= aUid || cUid === b.user.uid) continue;
        if (!teaches(c, a)) continue;
        if (mutual(b, c) || mutual(c, a)) continue;
        if (blocked.has(pairKey(b.user.uid, cUid)) || blocked.has(pairKey(cUid, aUid))) continue;
        const { window, total } = longest(intersectIntervals(ab, c.user.intervals));
        if (!window || window[1] - window[0] < minWindow) continue;
        const edge = (from: Prepared, to: Prepared): CycleEdge => {
          const skills = sortedIntersection(from.user.offered, to.desired);
          return { from: from.user.uid, to: to.user.uid, skill: skills[0]!, skills };
        };
        const edges: [CycleEdge, CycleEdge, CycleEdge] = [edge(a, b), edge(b, c), edge(c, a)];
        cycles.push({
          id: cycleIdFor([aUid, b.user.uid, cUid]),
          participants: [aUid, b.user.uid, cUid],
          edges,
          window: { startMin: window[0], endMin: window[1] },
          sharedMinutes: total,
          score: cycleScore(edges, total),
        });
        if (cycles.length >= maxCycles) {
          stoppedBy = 'maxCycles';
          break search;
        }
      }
    }
  }
  return { cycles, usersConsidered: people.length, edgesConsidered, steps, stoppedBy };
}

/** Best first: score, then shared time, then id (so that ties are decided the same way every run). */
export function compareCycles(x: SwapCycle, y: SwapCycle): number {
  return y.score - x.score || y.sharedMinutes - x.sharedMinutes || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/**
 * A non-overlapping set, chosen greedily from the best: each user is in at most one picked cycle.
 * Cycles whose id is in `skipIds` (a proposal for that trio already exists) and users in `busy`
 * are passed over. At most `max` cycles are picked.
 */
export function pickCycles(
  cycles: readonly SwapCycle[],
  options: { skipIds?: ReadonlySet<string>; busy?: ReadonlySet<string>; max?: number } = {},
): SwapCycle[] {
  const taken = new Set<string>(options.busy ?? []);
  const seenIds = new Set<string>(options.skipIds ?? []);
  const max = options.max ?? Number.POSITIVE_INFINITY;
  const out: SwapCycle[] = [];
  for (const cycle of [...cycles].sort(compareCycles)) {
    if (out.length >= max) break;
    if (seenIds.has(cycle.id)) continue;
    if (cycle.participants.some((uid) => taken.has(uid))) continue;
    seenIds.add(cycle.id);
    for (const uid of cycle.participants) taken.add(uid);
    out.push(cycle);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Proposal status machine (exchangeCycles/{id}). Only functions change it.

export const CYCLE_STATUSES = ['proposed', 'declined', 'active', 'completed', 'expired'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];
/** Statuses that hold their members: nobody in one is proposed another cycle. */
export const OPEN_CYCLE_STATUSES = ['proposed', 'active'] as const;
/** How long a proposal waits for all three answers. */
export const CYCLE_PROPOSAL_TTL_DAYS = 7;

export type CycleDecision = 'accept' | 'decline';

/**
 * The next state after `uid` answers. An accept by a participant is added once; the third accept
 * makes the cycle active. A decline declines it for all three. Answers to a closed proposal are
 * refused (null), except a repeat of an answer that is already recorded (idempotent: unchanged).
 */
export function applyCycleDecision(
  current: { status: CycleStatus; acceptedBy: readonly string[]; participants: readonly string[] },
  uid: string,
  decision: CycleDecision,
): { status: CycleStatus; acceptedBy: string[]; changed: boolean } | null {
  const acceptedBy = [...current.acceptedBy];
  if (decision === 'accept') {
    if (acceptedBy.includes(uid) && (current.status === 'proposed' || current.status === 'active')) {
      return { status: current.status, acceptedBy, changed: false };
    }
    if (current.status !== 'proposed') return null;
    acceptedBy.push(uid);
    const all = current.participants.every((p) => acceptedBy.includes(p));
    return { status: all ? 'active' : 'proposed', acceptedBy, changed: true };
  }
  if (current.status === 'declined') return { status: 'declined', acceptedBy, changed: false };
  if (current.status !== 'proposed') return null;
  return { status: 'declined', acceptedBy: acceptedBy.filter((p) => p !== uid), changed: true };
}

// ---------------------------------------------------------------------------------------------
// The proposal document as the app reads it.

/** One edge as stored: `from` teaches `to` the skill (as `from` named it). */
export interface StoredCycleEdge {
  from: string;
  to: string;
  skill: string;
  skillKey: string;
  alternatives: string[];
}

/** exchangeCycles/{cycleId}: a 3-way swap proposal, written only by functions. */
export interface ExchangeCycle {
  id: string;
  participants: string[];
  edges: StoredCycleEdge[];
  /** Display names and photos of the three, copied when proposed. */
  people: Record<string, { displayName: string; photoURL: string | null }>;
  /** The longest window all three share, UTC minutes of the week (0 = Monday 00:00 UTC). */
  window: { startMin: number; endMin: number };
  sharedMinutes: number;
  score: number;
  status: CycleStatus;
  acceptedBy: string[];
  declinedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  /** When all three confirmed a held session (server time); absent until then. */
  completedAt?: Date | null;
  /** The held session that completed it. */
  completedSessionId?: string | null;
  /** rater uid → the rating they gave the person who taught them (1–5), given when confirming. */
  ratings?: Record<string, number>;
  /** What each person earned on completion (server-written; see cycleRewardPlan). */
  rewards?: Record<string, CycleRewardRecord>;
}

/** users' earnings from a completed cycle, as recorded on it. */
export interface CycleRewardRecord {
  points: number;
  /** Why nothing (or less) was earned: 'pair-window', 'daily-cap'. */
  skipped: string | null;
  credential: boolean;
}

/** exchangeCycles/{id}/messages/{messageId}: the group room. */
export interface CycleMessage {
  id: string;
  senderId: string;
  text: string;
  createdAt: Date;
}

/** respondToSwapCycle's request and response (its contract: contracts/exchange.ts). */
export interface RespondToSwapCycleRequest {
  cycleId: string;
  decision: CycleDecision;
}
export interface RespondToSwapCycleResponse {
  cycleId: string;
  status: CycleStatus;
  acceptedBy: string[];
  changed: boolean;
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function clock(minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60);
  const m = minuteOfDay % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * A weekly UTC window shown in a time zone: 'Monday 10:00–13:00' (offset of the zone at `at`).
 * A window that runs past local midnight ends with the next day's time: 'Sunday 23:00–00:30'.
 */
export function formatWeeklyWindow(
  window: { startMin: number; endMin: number },
  offsetMinutes: number,
): string {
  const week = 7 * 1440;
  const start = (((window.startMin + offsetMinutes) % week) + week) % week;
  const length = Math.max(0, window.endMin - window.startMin);
  const end = (start + length) % 1440;
  return `${DAY_NAMES[Math.floor(start / 1440)]} ${clock(start % 1440)}–${clock(end)}`;
}

// ---------------------------------------------------------------------------------------------
// Why the score (issue 16, item 7): the proposal card explains it.

export interface CycleScoreExplanation {
  score: number;
  /** Out of 60: how many of the things each wants the next one offers (up to 3 per edge). */
  fitPoints: number;
  /** Out of 40: the weekly time all three share (up to CYCLE_FULL_SHARED_MINUTES). */
  timePoints: number;
  /** Per edge: how many skills fit (the one taught and the alternatives). */
  edges: { from: string; to: string; skill: string; fits: number }[];
  sharedMinutes: number;
}

/** The parts of `cycleScore` for stored edges (skill + alternatives): the same arithmetic. */
export function explainCycleScore(
  edges: readonly Pick<StoredCycleEdge, 'from' | 'to' | 'skill' | 'alternatives'>[],
  sharedMinutes: number,
): CycleScoreExplanation {
  const fits = edges.map((e) => 1 + (e.alternatives?.length ?? 0));
  const fit = edges.length ? fits.reduce((sum, n) => sum + Math.min(n, 3) / 3, 0) / edges.length : 0;
  const time = Math.min(Math.max(0, sharedMinutes), CYCLE_FULL_SHARED_MINUTES) / CYCLE_FULL_SHARED_MINUTES;
  const score = Math.round(60 * fit + 40 * time);
  const fitPoints = Math.round(60 * fit);
  return {
    score,
    fitPoints,
    timePoints: score - fitPoints,
    edges: edges.map((e, i) => ({ from: e.from, to: e.to, skill: e.skill, fits: fits[i]! })),
    sharedMinutes,
  };
}

// ---------------------------------------------------------------------------------------------
// Group sessions and completion (issue 16, item 7). THE SAME evidence rules as a one-to-one
// exchange (domain/src/exchange-rewards.ts, exchange-call.ts), for three people:
// - a session (exchangeCycles/{id}/sessions/{sid}) is held when the platform saw ALL THREE in its
//   call room together for OBSERVED_HELD_MIN minutes inside its time ('observed'), or when all
//   three confirmed it after its end and it was scheduled before it started ('self-reported');
// - the cycle completes when all three confirmed a held session (each after its end) — then each
//   person earns what a completed exchange earns, for the edge they taught, with the same pair
//   window and daily cap; a credential needs a rating of 4+ from the person they taught.

// exchangeCycles/{id}/sessions/{sid} has the shape of an exchange session (models.ts ExchangeSession).

export interface CycleConfirmInput {
  uid: string;
  participants: string[];
  cycleStatus: string;
  session: {
    status: string;
    scheduledAt: Date | null;
    createdAt: Date | null;
    durationMin: number;
    confirmations: string[];
    held: boolean;
  };
  now: Date;
}

export type CycleConfirmDecision =
  | { ok: false; code: 'failed-precondition'; message: string }
  | {
      ok: true;
      alreadyConfirmed: boolean;
      confirmations: string[];
      /** Set when these confirmations made the session held (self-reported by all three). */
      held: HeldRecord | null;
      /** All three have confirmed a held session: the cycle completes. */
      completes: boolean;
    };

/** What confirmSwapCycleSession does for `uid` (the participant check is the caller's). */
export function decideCycleConfirmation(input: CycleConfirmInput): CycleConfirmDecision {
  const { session, uid, now, participants } = input;
  const all = (list: string[]) => participants.length === 3 && participants.every((p) => list.includes(p));
  if (input.cycleStatus === 'completed')
    return {
      ok: true,
      alreadyConfirmed: true,
      confirmations: session.confirmations,
      held: null,
      completes: false,
    };
  if (input.cycleStatus !== 'active')
    return { ok: false, code: 'failed-precondition', message: 'This group swap is not under way.' };
  if (session.held) {
    // Held by observation: each still confirms, after its end, that it took place.
    if (!session.scheduledAt)
      return {
        ok: false,
        code: 'failed-precondition',
        message: 'Only a scheduled session can be confirmed.',
      };
    const end = sessionEnd(session.scheduledAt, session.durationMin);
    if (now.getTime() < end.getTime())
      return {
        ok: false,
        code: 'failed-precondition',
        message: `This session ends at ${end.toISOString()}: confirm it took place after it ends.`,
      };
    const already = session.confirmations.includes(uid);
    const confirmations = already ? session.confirmations : [...session.confirmations, uid];
    return { ok: true, alreadyConfirmed: already, confirmations, held: null, completes: all(confirmations) };
  }
  // Not held yet: exactly the one-to-one self-report rule, with three people.
  const d = decideConfirmation({
    uid,
    participants,
    exchangeStatus: 'active',
    session,
    now,
  });
  if (!d.ok) return d;
  return {
    ok: true,
    alreadyConfirmed: d.alreadyConfirmed,
    confirmations: d.confirmations,
    held: d.held,
    completes: d.held !== null && all(d.confirmations),
  };
}

export interface CycleRewardLine {
  /** The teacher: they earn for the edge they taught. */
  uid: string;
  taughtTo: string;
  skill: string;
  decision: CompletionReward;
}

/**
 * Who earns a completed cycle's exchange reward: each person for the edge they taught, with the
 * one-to-one rules (a held session; once per pair per PAIR_WINDOW_DAYS). Points are then capped
 * per day (cappedExchangePoints), as for an exchange.
 */
export function cycleRewardPlan(
  edges: readonly Pick<StoredCycleEdge, 'from' | 'to' | 'skill'>[],
  heldSessions: number,
  pairLastRewardedAt: (a: string, b: string) => Date | null,
  now: Date,
): CycleRewardLine[] {
  return edges.map((e) => ({
    uid: e.from,
    taughtTo: e.to,
    skill: e.skill,
    decision: completionReward({ heldSessions, pairLastRewardedAt: pairLastRewardedAt(e.from, e.to), now }),
  }));
}

// Skill exchange logic shared by web and functions (SPEC §5.3): skill normalisation, weekly
// availability overlap across time zones, the 0–100 match score, and the exchange status machine
// (mirroring firestore.rules). Pure: no Firebase imports.
import { isValidTimeZone, timeZoneOffsetMs } from './gamification';
import type { AvailabilitySlot, ExchangeStatus, Skill, Weekday } from './models';
import { WEEKDAYS } from './models';

// ---------------------------------------------------------------------------------------------
// Normalisation

/**
 * Common spellings and abbreviations → one canonical key. Keys and values are already in
 * normalised form (lower case, single spaces, only a–z, 0–9, '+' and '#').
 */
export const SKILL_ALIASES: Readonly<Record<string, string>> = {
  js: 'javascript',
  'java script': 'javascript',
  ecmascript: 'javascript',
  es6: 'javascript',
  ts: 'typescript',
  'type script': 'typescript',
  py: 'python',
  python3: 'python',
  'python 3': 'python',
  ml: 'machine learning',
  ai: 'artificial intelligence',
  ux: 'ux design',
  'user experience': 'ux design',
  'user experience design': 'ux design',
  ui: 'ui design',
  'user interface design': 'ui design',
  'ui ux': 'ux design',
  'ux ui': 'ux design',
  'ui ux design': 'ux design',
  reactjs: 'react',
  'react js': 'react',
  'node js': 'nodejs',
  node: 'nodejs',
  'vue js': 'vue',
  vuejs: 'vue',
  golang: 'go',
  postgres: 'postgresql',
  k8s: 'kubernetes',
  cpp: 'c++',
  csharp: 'c#',
  'c sharp': 'c#',
  ds: 'data science',
  nlp: 'natural language processing',
  seo: 'search engine optimisation',
  'search engine optimization': 'search engine optimisation',
  'ms excel': 'excel',
  'microsoft excel': 'excel',
  'english conversation': 'english',
  'spoken english': 'english',
  'public speaking skills': 'public speaking',
  'photo editing': 'photo editing',
  'digital photography': 'photography',
  'guitar playing': 'guitar',
  'acoustic guitar': 'guitar',
};

/**
 * The comparison key of a skill name: case, accents, spacing and punctuation folded, then common
 * aliases resolved. 'JS', ' Java-Script ' and 'javascript' all give 'javascript'. Empty input
 * gives ''.
 */
export function normaliseSkill(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9+#]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return SKILL_ALIASES[folded] ?? folded;
}

/** A skill as stored: `{ name, level }` on profiles, a plain string or `{ name }` on exchanges. */
export type SkillLike = string | Pick<Skill, 'name'> | { name?: unknown } | null | undefined;

export function skillName(skill: SkillLike): string {
  if (typeof skill === 'string') return skill;
  if (skill && typeof skill === 'object' && typeof skill.name === 'string') return skill.name;
  return '';
}

/**
 * Longest skill name a profile may store (firestore.rules caps profile skills at this too). Keys
 * become skills/{key} document ids, and Firestore refuses ids over 1500 bytes.
 */
export const MAX_SKILL_NAME_LENGTH = 100;

/** Whether a skill key can be a skills/{key} document id (short, one path segment). */
export function isStorableSkillKey(key: string): boolean {
  return (
    key.length > 0 &&
    key.length <= MAX_SKILL_NAME_LENGTH &&
    !key.includes('/') &&
    key !== '.' &&
    key !== '..' &&
    !/^__.*__$/.test(key)
  );
}

/**
 * Distinct, non-empty normalised keys of a skill list, in first-seen order. A name longer than
 * MAX_SKILL_NAME_LENGTH (written before the cap) gives no key.
 */
export function skillKeys(skills: readonly SkillLike[] | null | undefined): string[] {
  const keys: string[] = [];
  for (const s of skills ?? []) {
    const name = skillName(s);
    if (name.length > MAX_SKILL_NAME_LENGTH) continue;
    const key = normaliseSkill(name);
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

export interface SkillProfile {
  offeredSkills?: readonly SkillLike[] | null;
  desiredSkills?: readonly SkillLike[] | null;
}

/** The keys stored as `offeredSkillKeys` / `desiredSkillKeys` for indexed candidate queries. */
export function normalisedSkillKeys(profile: SkillProfile): { offered: string[]; desired: string[] } {
  return { offered: skillKeys(profile.offeredSkills), desired: skillKeys(profile.desiredSkills) };
}

/** Firestore's `array-contains-any` accepts at most 30 values. */
export const MAX_ARRAY_CONTAINS_ANY = 30;

// ---------------------------------------------------------------------------------------------
// Availability

export const MINUTES_PER_WEEK = 7 * 1440;

/** Minutes to add to UTC to get local time in `timeZone` at `at` (e.g. +60 for Paris in winter); an unknown time zone counts as UTC. */
export function timeZoneOffsetMinutes(timeZone: string, at: Date): number {
  return isValidTimeZone(timeZone) ? Math.round(timeZoneOffsetMs(at, timeZone) / 60_000) : 0;
}

export type Interval = [start: number, end: number];

function dayIndex(day: Weekday): number {
  return WEEKDAYS.indexOf(day);
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

function merge(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * Weekly slots in `timeZone` as merged UTC intervals of the week (minute 0 = Monday 00:00 UTC),
 * split where they wrap past Sunday midnight. The offset is the zone's at `at` (DST-aware).
 */
export function weeklyUtcIntervals(
  slots: readonly AvailabilitySlot[] | null | undefined,
  timeZone: string,
  at: Date = new Date(),
): Interval[] {
  const offset = timeZoneOffsetMinutes(timeZone || 'UTC', at);
  const out: Interval[] = [];
  for (const slot of slots ?? []) {
    const d = dayIndex(slot.day);
    if (d < 0) continue;
    const startMin = Math.max(0, Math.min(1440, slot.startMin));
    const endMin = Math.max(0, Math.min(1440, slot.endMin));
    // An end before the start runs past midnight into the next day.
    const length = endMin > startMin ? endMin - startMin : endMin < startMin ? 1440 - startMin + endMin : 0;
    if (length <= 0) continue;
    const start = mod(d * 1440 + startMin - offset, MINUTES_PER_WEEK);
    const end = start + length;
    if (end <= MINUTES_PER_WEEK) out.push([start, end]);
    else out.push([start, MINUTES_PER_WEEK], [0, end - MINUTES_PER_WEEK]);
  }
  return merge(out);
}

export interface WeeklyAvailability {
  availability?: readonly AvailabilitySlot[] | null;
  timezone?: string | null;
}

/** Minutes per week both people are available, each slot read in its owner's time zone. */
export function overlapMinutes(a: WeeklyAvailability, b: WeeklyAvailability, at: Date = new Date()): number {
  const x = weeklyUtcIntervals(a.availability, a.timezone ?? 'UTC', at);
  const y = weeklyUtcIntervals(b.availability, b.timezone ?? 'UTC', at);
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const [as, ae] = x[i]!;
    const [bs, be] = y[j]!;
    total += Math.max(0, Math.min(ae, be) - Math.max(as, bs));
    if (ae < be) i++;
    else j++;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Match score (SPEC §5.3)

export const MATCH_WEIGHTS = {
  skills: 40,
  rating: 20,
  experience: 15,
  availability: 15,
  responsiveness: 10,
} as const;

/** Weekly overlap that earns the full availability score. */
export const FULL_OVERLAP_MINUTES = 180;
/** Availability score when either person gave no availability. */
export const AVAILABILITY_UNKNOWN_SCORE = 5;
/** Responsiveness score while nobody has sent them a request yet. */
export const RESPONSIVENESS_NEUTRAL_SCORE = 5;
/** Cosine similarity from which two different skills count as a (partial) semantic match. */
export const SEMANTIC_THRESHOLD = 0.8;

export interface Responsiveness {
  /** Requests they received. */
  received: number;
  /** Of those, how many they accepted or rejected. */
  answered: number;
}

export interface MatchSide extends SkillProfile, WeeklyAvailability {}

export interface MatchContext {
  /** Their rating average (0–5); absent or 0 ratings count as 0. */
  theirRating?: { average?: number; count?: number } | null;
  theirCompletedExchanges?: number | null;
  theirResponsiveness?: Responsiveness | null;
  /** Similarity 0–1 of two normalised skill keys (e.g. cosine of embeddings); optional. */
  similarity?: ((a: string, b: string) => number) | null;
  /** For time-zone offsets (DST); defaults to now. */
  at?: Date;
}

export interface MatchBreakdown {
  skills: number;
  rating: number;
  experience: number;
  availability: number;
  responsiveness: number;
  /** Weekly minutes both are available; null when either gave none. */
  overlapMinutes: number | null;
  /** False while they have received no request: responsiveness is the neutral 5, not measured. */
  responsivenessMeasured: boolean;
  /** True when part of the skill score came from semantic similarity rather than equal keys. */
  semantic: boolean;
}

/**
 * Why two people matched, one skill at a time: `wanted` is the name the seeker gave, `offered` the
 * teacher's. `same`: equal names; `alias`: spellings of one skill ("JS" and "JavaScript");
 * `similar`: a neighbouring skill (related, contained or a typo, or close embeddings).
 */
export interface MatchReason {
  /** 'theyOffer': I want it and they offer it; 'theyWant': they want it and I offer it. */
  side: 'theyOffer' | 'theyWant';
  wanted: string;
  offered: string;
  kind: 'same' | 'alias' | 'similar';
}

export interface MatchResult {
  score: number;
  breakdown: MatchBreakdown;
  /** Their offered skills that I want (display names). */
  theyOffer: string[];
  /** My offered skills that they want (display names). */
  theyWant: string[];
  /** Which wanted name met which offered name (the match card's explanation). */
  reasons: MatchReason[];
}

function finite(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

interface SideMatch {
  /** 1 for an equal key, the similarity for a semantic match, 0 for none. */
  strength: number;
  names: string[];
  semantic: boolean;
  pairs: { wanted: string; offered: string; kind: MatchReason['kind'] }[];
}

function foldedName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+#]+/g, '');
}

/** Which of `supply` (display skills) satisfy any of `demand`. */
function sideMatch(
  demand: readonly SkillLike[] | null | undefined,
  supply: readonly SkillLike[] | null | undefined,
  similarity: MatchContext['similarity'],
): SideMatch {
  // Each wanted key with the name the seeker gave it (first spelling wins).
  const wantedNames = new Map<string, string>();
  for (const d of demand ?? []) {
    const name = skillName(d).trim();
    if (name.length > MAX_SKILL_NAME_LENGTH) continue;
    const key = normaliseSkill(name);
    if (key && !wantedNames.has(key)) wantedNames.set(key, name);
  }
  const names: string[] = [];
  const pairs: SideMatch['pairs'] = [];
  const seen = new Set<string>();
  for (const s of supply ?? []) {
    const name = skillName(s).trim();
    const key = normaliseSkill(name);
    const wantedName = wantedNames.get(key);
    if (key && wantedName !== undefined && !seen.has(key)) {
      seen.add(key);
      names.push(name);
      pairs.push({
        wanted: wantedName,
        offered: name,
        kind: foldedName(wantedName) === foldedName(name) ? 'same' : 'alias',
      });
    }
  }
  if (names.length > 0 || !similarity) {
    return { strength: names.length > 0 ? 1 : 0, names, semantic: false, pairs };
  }

  let best = 0;
  const semanticNames: string[] = [];
  for (const s of supply ?? []) {
    const name = skillName(s).trim();
    const key = normaliseSkill(name);
    if (!key || seen.has(key)) continue;
    let bestForSkill = 0;
    let closest = '';
    for (const [w, wName] of wantedNames) {
      const sim = finite(similarity(w, key));
      if (sim > bestForSkill) {
        bestForSkill = sim;
        closest = wName;
      }
    }
    if (bestForSkill >= SEMANTIC_THRESHOLD) {
      seen.add(key);
      semanticNames.push(name);
      pairs.push({ wanted: closest, offered: name, kind: 'similar' });
      best = Math.max(best, bestForSkill);
    }
  }
  return { strength: Math.min(1, best), names: semanticNames, semantic: semanticNames.length > 0, pairs };
}

/**
 * How well `them` suits `me`, 0–100: skills 40 (they offer what I want and want what I offer; 20
 * for one side; a semantic near-match earns its similarity's share), rating 20, experience 15,
 * availability 15, responsiveness 10.
 */
export function matchScore(me: MatchSide, them: MatchSide, ctx: MatchContext = {}): MatchResult {
  const offerSide = sideMatch(me.desiredSkills, them.offeredSkills, ctx.similarity);
  const wantSide = sideMatch(me.offeredSkills, them.desiredSkills, ctx.similarity);
  const half = MATCH_WEIGHTS.skills / 2;
  const skills = Math.round(half * offerSide.strength + half * wantSide.strength);

  const average = Math.min(5, Math.max(0, finite(ctx.theirRating?.average)));
  const rating = finite(ctx.theirRating?.count) > 0 ? Math.round((average / 5) * MATCH_WEIGHTS.rating) : 0;

  const experience = Math.min(
    Math.max(0, Math.floor(finite(ctx.theirCompletedExchanges))) * 3,
    MATCH_WEIGHTS.experience,
  );

  const bothGave = (me.availability?.length ?? 0) > 0 && (them.availability?.length ?? 0) > 0;
  const overlap = bothGave ? overlapMinutes(me, them, ctx.at) : null;
  const availability =
    overlap === null
      ? AVAILABILITY_UNKNOWN_SCORE
      : Math.round(
          (Math.min(overlap, FULL_OVERLAP_MINUTES) / FULL_OVERLAP_MINUTES) * MATCH_WEIGHTS.availability,
        );

  const received = Math.max(0, finite(ctx.theirResponsiveness?.received));
  const answered = Math.min(received, Math.max(0, finite(ctx.theirResponsiveness?.answered)));
  const responsivenessMeasured = received > 0;
  const responsiveness = responsivenessMeasured
    ? Math.round((answered / received) * MATCH_WEIGHTS.responsiveness)
    : RESPONSIVENESS_NEUTRAL_SCORE;

  const score = Math.max(
    0,
    Math.min(100, Math.round(skills + rating + experience + availability + responsiveness)),
  );
  return {
    score,
    breakdown: {
      skills,
      rating,
      experience,
      availability,
      responsiveness,
      overlapMinutes: overlap,
      responsivenessMeasured,
      semantic: offerSide.semantic || wantSide.semantic,
    },
    theyOffer: offerSide.names,
    theyWant: wantSide.names,
    reasons: [
      ...offerSide.pairs.map((p) => ({ side: 'theyOffer' as const, ...p })),
      // This side's demand is my offer: the names they want are the "supply" it matched.
      ...wantSide.pairs.map((p) => ({
        side: 'theyWant' as const,
        wanted: p.offered,
        offered: p.wanted,
        kind: p.kind,
      })),
    ],
  };
}

/**
 * The match card's explanation, one sentence per skill: "You want JavaScript; they offer JS.",
 * "They want Python; you offer it.", "You want JavaScript; they offer Modern JavaScript, a close
 * skill."
 */
export function explainMatchReasons(reasons: readonly MatchReason[] | null | undefined, max = 4): string[] {
  const out: string[] = [];
  for (const r of reasons ?? []) {
    if (!r || typeof r.wanted !== 'string' || typeof r.offered !== 'string') continue;
    const mine = r.side === 'theyOffer';
    const want = mine ? `You want ${r.wanted}` : `They want ${r.wanted}`;
    const offer = mine ? 'they offer' : 'you offer';
    if (r.kind === 'same') out.push(`${want}; ${offer} it.`);
    else if (r.kind === 'alias') out.push(`${want}; ${offer} ${r.offered}.`);
    else out.push(`${want}; ${offer} ${r.offered}, a close skill.`);
    if (out.length >= max) break;
  }
  return out;
}

/** Cosine similarity of two vectors (0 when either is empty or zero). */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < n; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

// ---------------------------------------------------------------------------------------------
// Exchange status machine (mirrors exchangeStatusMoveIsValid in firestore.rules)

export interface TransitionContext {
  /** Who makes the change. */
  actor: string;
  requesterId: string;
  providerId: string;
  /** termsAcceptedBy as it will be after the write. */
  termsAcceptedBy?: readonly string[];
  /** completedBy as it will be after the write. */
  completedBy?: readonly string[];
}

export const FINAL_EXCHANGE_STATUSES: readonly ExchangeStatus[] = ['rejected', 'cancelled', 'completed'];

export function isAllowedTransition(
  from: ExchangeStatus,
  to: ExchangeStatus,
  ctx: TransitionContext,
): boolean {
  const participants = [ctx.requesterId, ctx.providerId];
  if (!participants.includes(ctx.actor)) return false;
  const all = (list: readonly string[] | undefined) => participants.every((p) => (list ?? []).includes(p));
  if (from === 'pending') {
    if (to === 'accepted' || to === 'rejected') return ctx.actor === ctx.providerId;
    if (to === 'cancelled') return ctx.actor === ctx.requesterId;
    return false;
  }
  if (from === 'accepted') {
    if (to === 'active') return all(ctx.termsAcceptedBy);
    return to === 'cancelled';
  }
  if (from === 'active') {
    if (to === 'completed') return all(ctx.completedBy);
    return to === 'cancelled';
  }
  return false;
}

export interface ExchangeLike {
  requesterId: string;
  providerId: string;
  status: ExchangeStatus;
  terms: unknown | null;
  termsAcceptedBy: readonly string[];
  completedBy: readonly string[];
}

export type ExchangeAction =
  | 'accept'
  | 'reject'
  | 'cancel'
  | 'propose-terms'
  | 'accept-terms'
  | 'confirm-completion'
  | 'rate';

/** What `uid` may do next in the exchange (for the room's action bar). */
export function exchangeActions(x: ExchangeLike, uid: string, hasRated = false): ExchangeAction[] {
  const isRequester = uid === x.requesterId;
  const isProvider = uid === x.providerId;
  if (!isRequester && !isProvider) return [];
  const actions: ExchangeAction[] = [];
  switch (x.status) {
    case 'pending':
      if (isProvider) actions.push('accept', 'reject');
      if (isRequester) actions.push('cancel');
      actions.push('propose-terms');
      break;
    case 'accepted':
      actions.push('propose-terms');
      if (x.terms && !x.termsAcceptedBy.includes(uid)) actions.push('accept-terms');
      actions.push('cancel');
      break;
    case 'active':
      if (!x.completedBy.includes(uid)) actions.push('confirm-completion');
      actions.push('cancel');
      break;
    case 'completed':
      if (!hasRated) actions.push('rate');
      break;
    default:
      break;
  }
  return actions;
}

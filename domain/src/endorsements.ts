// Skill endorsements (issue 16 item 2): what counts, and what the public profile shows.
//
// Where the line is: an endorsement is earned in an exchange, not asserted. It counts only when the
// feedback it came with counts (a held session; once per pair per 30 days — exchange-rewards.ts),
// only for the skill the rated person taught in that exchange (whatever else the feedback lists is
// ignored), and once per endorser per skill: `endorsements[key]` is the number of distinct people who
// endorsed it. The profile keeps the count and the last few endorsers' names so it stays one read.
import { normaliseSkill } from './skills';

/** Most recent endorsers kept per skill on the profile (newest first). */
export const RECENT_ENDORSERS = 3;

export interface Endorser {
  uid: string;
  name: string;
  at: Date;
}

/** The exchange fields that say who taught what. */
export interface TaughtIn {
  requesterId: unknown;
  providerId: unknown;
  /** What the requester teaches. */
  offeredSkill: unknown;
  /** What the requester wants to learn (the provider teaches it). */
  requestedSkill: unknown;
}

/** The normalised key of the skill `uid` taught in the exchange, or null. */
export function taughtSkillKey(exchange: TaughtIn, uid: string): string | null {
  const skill =
    uid === exchange.requesterId
      ? exchange.offeredSkill
      : uid === exchange.providerId
        ? exchange.requestedSkill
        : null;
  const key = typeof skill === 'string' ? normaliseSkill(skill) : '';
  return key && key.length <= 100 ? key : null;
}

/**
 * The skill keys a feedback endorses that count: those equal to the taught skill, not endorsed by
 * this rater before (`already`, the keys this rater endorsed for this person).
 */
export function countedEndorsements(
  endorsedSkills: unknown,
  taughtKey: string | null,
  already: unknown,
): string[] {
  if (!taughtKey || !Array.isArray(endorsedSkills)) return [];
  const before = new Set(Array.isArray(already) ? already.filter((k) => typeof k === 'string') : []);
  const asked = endorsedSkills
    .slice(0, 10)
    .some((s) => typeof s === 'string' && normaliseSkill(s) === taughtKey);
  return asked && !before.has(taughtKey) ? [taughtKey] : [];
}

/** The recent-endorser list with `endorser` first, once per person, at most RECENT_ENDORSERS long. */
export function withRecentEndorser(list: readonly Endorser[], endorser: Endorser): Endorser[] {
  return [endorser, ...list.filter((e) => e.uid !== endorser.uid)].slice(0, RECENT_ENDORSERS);
}

/** "Ana", "Ana and Bo", "Ana, Bo and Cy" (the most recent first). */
export function endorserNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "1 person endorsed their Figma", "3 people endorsed their Figma". */
export function endorsementSentence(skill: string, count: number): string {
  return `${count} ${count === 1 ? 'person' : 'people'} endorsed their ${skill}`;
}

/** The endorsement count of a skill by display name, from a profile's `endorsements` map. */
export function endorsementCount(endorsements: Readonly<Record<string, number>>, skill: string): number {
  return endorsements[normaliseSkill(skill)] ?? 0;
}

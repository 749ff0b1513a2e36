// Referrals (SPEC §5.5 "referral that signs up 25"): the invite link, the referrer id it carries,
// and when an invited person's profile earns their referrer the award. Pure: the web app builds
// links and remembers the referrer; the profile trigger decides with `referralAward`.

/** The query parameter of an invite link: `/sign-up?ref=<uid>`. */
export const REFERRAL_PARAM = 'ref';

/** Firebase Auth uids (and the seed's ids) are 1–128 letters, digits, `_` or `-`. */
const REFERRER_ID_RE = /^[A-Za-z0-9_-]{1,128}$/;

/** A referrer id as it may appear in a link or on a profile; null for anything else. */
export function parseReferrerId(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const id = value.trim();
  return REFERRER_ID_RE.test(id) ? id : null;
}

/** The personal invite link of `uid`, on the app at `origin` (e.g. `https://skillverse.dev`). */
export function inviteLink(origin: string, uid: string): string {
  const base = origin.replace(/\/+$/, '');
  return `${base}/sign-up?${REFERRAL_PARAM}=${encodeURIComponent(uid)}`;
}

export type ReferralDecision =
  | { award: true; referrerUid: string }
  | { award: false; reason: 'no-profile' | 'not-onboarded' | 'no-referrer' | 'invalid-referrer' | 'self' };

/** The profile fields the decision reads (users/{uid}). */
export interface ReferralProfile {
  onboarded?: unknown;
  referredBy?: unknown;
}

/**
 * Whether the invited user `uid`, with this profile, earns their referrer the award: they named
 * a referrer other than themselves and have completed onboarding. The award itself is once per
 * invitee (ledger id `pointEventId.referral(uid)`), so deciding "yes" again is harmless.
 */
export function referralAward(uid: string, profile: ReferralProfile | null | undefined): ReferralDecision {
  if (!profile) return { award: false, reason: 'no-profile' };
  if (profile.referredBy === undefined || profile.referredBy === null)
    return { award: false, reason: 'no-referrer' };
  const referrerUid = parseReferrerId(profile.referredBy);
  if (!referrerUid) return { award: false, reason: 'invalid-referrer' };
  if (referrerUid === uid) return { award: false, reason: 'self' };
  if (profile.onboarded !== true) return { award: false, reason: 'not-onboarded' };
  return { award: true, referrerUid };
}

/**
 * Whether a profile write can change the decision: the trigger skips writes that leave
 * `onboarded` and `referredBy` as they were (points, stats, skills…), which are most of them.
 */
export function referralFieldsChanged(
  before: ReferralProfile | null | undefined,
  after: ReferralProfile | null | undefined,
): boolean {
  return before?.onboarded !== after?.onboarded || before?.referredBy !== after?.referredBy;
}

// ---------------------------------------------------------------- evidence (issue 15 §9)
// A named referrer is only a claim. The award also needs what the platform observed: the invitee
// verified their email (the Auth service says so) and did a first real activity — a ledger entry
// the server wrote for something it saw — and the referrer stays under a weekly cap.

/** Ledger reasons that count as the invitee's first real activity (each written by the server). */
export const REFERRAL_ACTIVITY_REASONS = [
  'lecture_completed',
  'session_attended',
  'exchange_completed',
] as const;

/** At most this many referral awards per referrer in any 7 days (older ones do not count). */
export const MAX_REFERRALS_PER_WEEK = 10;
export const REFERRAL_CAP_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** How each counted first activity reads in the app's copy (the invite card). */
export const REFERRAL_ACTIVITY_LABELS: Record<(typeof REFERRAL_ACTIVITY_REASONS)[number], string> = {
  lecture_completed: 'completes a lecture',
  session_attended: 'attends a live session',
  exchange_completed: 'completes a skill swap',
};

/**
 * The rules of a referral award in one sentence, from the constants the server applies (the
 * points per award are passed in: `POINTS.referral`).
 */
export function referralRulesText(pointsPerReferral: number): string {
  const activities = REFERRAL_ACTIVITY_REASONS.map((r) => REFERRAL_ACTIVITY_LABELS[r]);
  const either = `${activities.slice(0, -1).join(', ')} or ${activities.at(-1)}`;
  return (
    `Earn ${pointsPerReferral} points for each friend who joins through your link, verifies their email ` +
    `and then ${either}. Up to ${MAX_REFERRALS_PER_WEEK} friends a week count.`
  );
}

export function isReferralActivity(reason: unknown): boolean {
  return (REFERRAL_ACTIVITY_REASONS as readonly unknown[]).includes(reason);
}

export interface ReferralEvidence {
  /** The invitee's Auth record says their email is verified. */
  emailVerified: boolean;
  /** The invitee has at least one ledger entry with a REFERRAL_ACTIVITY_REASONS reason. */
  hasActivity: boolean;
  /** When the referrer's earlier referral awards were made. */
  recentAwards: readonly Date[];
}

export type ReferralEvidenceDecision =
  | { award: true }
  | { award: false; reason: 'email-not-verified' | 'no-activity' | 'weekly-cap' };

/** Whether the evidence supports the award now (the profile-side checks are `referralAward`). */
export function referralEvidenceAllows(evidence: ReferralEvidence, now: Date): ReferralEvidenceDecision {
  if (!evidence.emailVerified) return { award: false, reason: 'email-not-verified' };
  if (!evidence.hasActivity) return { award: false, reason: 'no-activity' };
  const since = now.getTime() - REFERRAL_CAP_WINDOW_MS;
  const inWindow = evidence.recentAwards.filter((d) => d.getTime() > since).length;
  if (inWindow >= MAX_REFERRALS_PER_WEEK) return { award: false, reason: 'weekly-cap' };
  return { award: true };
}

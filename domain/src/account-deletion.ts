// Deleting an account (issue 16 item 6): what "recent sign-in" means, how the caller confirms, and
// what the public profile of a deleted account says. Pure; the callables live in
// functions/src/accounts/delete-account.ts and export-my-data.ts.

/** How a deleted account is named wherever other people's history shows it. */
export const DELETED_USER_NAME = 'Deleted user';

/** Deleting needs a sign-in (password typed, or Google chosen) at most this long ago. */
export const RECENT_SIGN_IN_SECONDS = 5 * 60;

/**
 * Whether the ID token's `auth_time` (seconds since the epoch: when the person last proved who they
 * are, not when the token was refreshed) is recent enough to delete the account.
 */
export function isRecentSignIn(authTimeSec: unknown, nowMs: number): boolean {
  if (typeof authTimeSec !== 'number' || !Number.isFinite(authTimeSec)) return false;
  const ageSec = nowMs / 1000 - authTimeSec;
  return ageSec >= -60 && ageSec <= RECENT_SIGN_IN_SECONDS;
}

/** Emails compare trimmed and case-insensitively (what the person types to confirm). */
export function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The public profile fields a deleted account keeps: its name becomes "Deleted user", everything the
 * person wrote about themselves is cleared, and it drops out of search and matching. Server-owned
 * history (rating, stats, status) stays, so other people's records still add up.
 */
export function anonymisedProfileFields(): Record<string, unknown> {
  return {
    displayName: DELETED_USER_NAME,
    photoURL: null,
    bio: '',
    headline: '',
    interests: [],
    skills: [],
    offeredSkills: [],
    desiredSkills: [],
    availability: [],
    firstGoal: null,
    referredBy: null,
    nameTokens: [],
    offeredSkillKeys: [],
    desiredSkillKeys: [],
    endorsements: {},
    endorsers: {},
  };
}

/** The steps of a deletion, in order; accountDeletions/{uid}.step records the last one done. */
export const DELETION_STEPS = ['started', 'data', 'auth', 'done'] as const;
export type DeletionStep = (typeof DELETION_STEPS)[number];

/** Whether a deletion recorded at `step` still has to run `next`. */
export function deletionNeeds(step: unknown, next: DeletionStep): boolean {
  const at = DELETION_STEPS.indexOf(step as DeletionStep);
  return at < DELETION_STEPS.indexOf(next);
}

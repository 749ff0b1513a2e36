// The referrer of an invite link (`/sign-up?ref=<uid>`), kept in sessionStorage from the sign-up
// page through email or Google sign-up to onboarding, where it is recorded on the new profile.
import { parseReferrerId, REFERRAL_PARAM } from '@skillverse/domain/referrals';

const KEY = 'skillverse.referrer';

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null; // storage disabled
  }
}

/** Remembers the `ref` of an invite link, if it is a well-formed uid; ignores anything else. */
export function rememberReferrer(params: { get: (key: string) => string | null }): void {
  const ref = parseReferrerId(params.get(REFERRAL_PARAM));
  if (ref) storage()?.setItem(KEY, ref);
}

/** The remembered referrer, or null. */
export function rememberedReferrer(): string | null {
  return parseReferrerId(storage()?.getItem(KEY) ?? null);
}

export function forgetReferrer(): void {
  storage()?.removeItem(KEY);
}

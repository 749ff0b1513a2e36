import type { Claims } from './auth-context';

/**
 * Waits between token refreshes while the claims have not caught up with the profile's roles:
 * the server writes users/{uid}.roles first and sets the claims a moment later (at once from the
 * callable, or from the trigger that repairs them), so the first refresh can come too early.
 * About 15 s in all, then it gives up (the next sign-in picks the claims up).
 */
export const CLAIMS_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000] as const;

export interface RefreshClaimsUntilOptions {
  delaysMs?: readonly number[];
  /** True once the caller no longer needs the result (the roles changed again, unmounted). */
  cancelled?: () => boolean;
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Refreshes the ID token until its role claims equal `want`, with back-off between attempts
 * (a failed refresh counts as an attempt). Answers whether they matched.
 */
export async function refreshClaimsUntil(
  refresh: () => Promise<Claims>,
  want: Claims,
  {
    delaysMs = CLAIMS_RETRY_DELAYS_MS,
    cancelled = () => false,
    sleep = sleepFor,
  }: RefreshClaimsUntilOptions = {},
): Promise<boolean> {
  for (let attempt = 0; ; attempt += 1) {
    if (cancelled()) return false;
    try {
      const claims = await refresh();
      if (claims.educator === want.educator && claims.admin === want.admin) return true;
    } catch (error) {
      console.warn('Could not refresh role claims', error);
    }
    const delay = delaysMs[attempt];
    if (delay === undefined || cancelled()) return false;
    await sleep(delay);
  }
}

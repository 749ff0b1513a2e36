import { useQueryClient } from '@tanstack/react-query';
import type { User } from 'firebase/auth';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ensureProfile } from '@/features/auth/api/ensure-profile';
import { useUserProfile } from '@/lib/data/users';
import { AuthContext, type AuthState, type Claims } from '@/lib/auth/auth-context';
import { refreshClaimsUntil } from '@/lib/auth/refresh-claims-until';
import { setAccountStatusForErrors } from '@/lib/errors';
import { getAuthLazy } from '@/lib/firebase';

const NO_CLAIMS: Claims = { admin: false, educator: false };
/** The longest Auth's start waits for the browser to be idle after the app mounts. */
const AUTH_START_MAX_WAIT_MS = 800;

/** Runs `run` when the main thread is idle (or after `maxWaitMs`); returns a cancel function. */
function whenIdle(run: () => void, maxWaitMs: number): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(run, { timeout: maxWaitMs });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(run, 1);
  return () => window.clearTimeout(timer);
}

/** How long to wait for the Auth trigger to create users/{uid} before asking `ensureProfile`. */
const ENSURE_PROFILE_AFTER_MS = 4000;

function claimsOf(token: Record<string, unknown>): Claims {
  return { admin: token.admin === true, educator: token.educator === true };
}

/**
 * Auth state for the whole app: the Firebase user, their role claims, and their live profile
 * (users/{uid}). If the profile has not appeared a few seconds after sign-in, it calls the
 * `ensureProfile` callable once; the listener then picks the document up.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<{ user: User | null; claims: Claims; ready: boolean }>({
    user: null,
    claims: NO_CLAIMS,
    ready: false,
  });

  useEffect(() => {
    let sequence = 0;
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    // Auth loads after the first paint (lib/firebase.ts); until it reports, `loading` stays true.
    // It starts once the browser is idle (at most AUTH_START_MAX_WAIT_MS later): by then the page
    // has rendered what it can without knowing the user, so the Auth SDK's download and start-up
    // don't compete with the page's own scripts for the network and main thread on a slow phone.
    const start = () =>
      Promise.all([getAuthLazy(), import('firebase/auth')])
        .then(([auth, { onIdTokenChanged }]) => {
          if (cancelled) return;
          unsubscribe = onIdTokenChanged(auth, async (user) => {
            const mine = ++sequence;
            if (!user) {
              setSession({ user: null, claims: NO_CLAIMS, ready: true });
              return;
            }
            let claims = NO_CLAIMS;
            try {
              claims = claimsOf((await user.getIdTokenResult()).claims);
            } catch (error) {
              console.warn('Could not read role claims', error);
            }
            if (mine === sequence) setSession({ user, claims, ready: true });
          });
        })
        .catch((error: unknown) => {
          // Without the Auth SDK (a failed download) the app still works signed out.
          console.error('Firebase Auth did not load', error);
          if (!cancelled) setSession({ user: null, claims: NO_CLAIMS, ready: true });
        });
    const cancelStart = whenIdle(() => void start(), AUTH_START_MAX_WAIT_MS);
    return () => {
      cancelled = true;
      cancelStart();
      unsubscribe?.();
    };
  }, []);

  const uid = session.user?.uid;
  const profileQuery = useUserProfile(uid);
  const profile = uid ? (profileQuery.data ?? null) : null;
  const profileLoading = Boolean(uid) && profileQuery.isPending;
  const profileMissing = Boolean(uid) && profileQuery.isSuccess && profileQuery.data === null;

  // The Auth trigger normally creates the profile within a second; if not, ask the server.
  const ensured = useRef(new Set<string>());
  useEffect(() => {
    if (!uid || !profileMissing || ensured.current.has(uid)) return;
    const timer = setTimeout(() => {
      ensured.current.add(uid);
      ensureProfile().catch((error) => console.error('ensureProfile failed', error));
    }, ENSURE_PROFILE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [uid, profileMissing]);

  const refreshClaims = useCallback(async (): Promise<Claims> => {
    const user = (await getAuthLazy()).currentUser;
    if (!user) return NO_CLAIMS;
    const claims = claimsOf((await user.getIdTokenResult(true)).claims);
    setSession((s) => (s.user?.uid === user.uid ? { ...s, claims } : s));
    return claims;
  }, []);

  // The server writes the profile's roles first and sets the claims a moment later (an admin
  // approved an application or granted a role). When the profile's roles and the token's claims
  // disagree, force a token refresh so the new claims apply without signing out — once per uid and
  // roles, retried with back-off (bounded) while the claims have not caught up yet.
  // (Status changes need no refresh: the rules read the profile's status, and a suspended
  // account's refresh would fail with auth/user-disabled and sign the person out before they can
  // read why.)
  const rolesKey = profile ? [...profile.roles].sort().join(',') : null;
  const rolesDiffer =
    profile !== null &&
    (profile.roles.includes('educator') !== session.claims.educator ||
      profile.roles.includes('admin') !== session.claims.admin);
  const refreshedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!uid || rolesKey === null || !rolesDiffer) return;
    const key = `${uid}:${rolesKey}`;
    if (refreshedFor.current === key) return;
    refreshedFor.current = key;
    const roles = rolesKey.split(',');
    const want = { educator: roles.includes('educator'), admin: roles.includes('admin') };
    let cancelled = false;
    void refreshClaimsUntil(refreshClaims, want, { cancelled: () => cancelled });
    return () => {
      cancelled = true;
      if (refreshedFor.current === key) refreshedFor.current = null;
    };
  }, [uid, rolesKey, rolesDiffer, refreshClaims]);

  const signOut = useCallback(async () => {
    const [auth, { signOut: firebaseSignOut }] = await Promise.all([getAuthLazy(), import('firebase/auth')]);
    await firebaseSignOut(auth);
    queryClient.clear();
  }, [queryClient]);

  // Known before children render, so their error messages can say the account is suspended.
  setAccountStatusForErrors(session.user ? (profile?.status ?? null) : null);

  const value = useMemo<AuthState>(() => {
    const status = profile?.status ?? null;
    return {
      user: session.user,
      profile,
      claims: session.claims,
      status,
      loading: !session.ready,
      profileLoading,
      profileMissing,
      profileError: profileQuery.error ?? null,
      canWrite: Boolean(session.user) && status === 'active',
      refreshClaims,
      signOut,
    };
  }, [session, profile, profileLoading, profileMissing, profileQuery.error, refreshClaims, signOut]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

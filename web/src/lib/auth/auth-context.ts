import type { AccountStatus, UserProfile } from '@skillverse/domain/models';
import type { User } from 'firebase/auth';
import { createContext, useContext } from 'react';

export interface Claims {
  admin: boolean;
  educator: boolean;
}

export interface AuthState {
  /** The Firebase Auth user, or null when signed out. */
  user: User | null;
  /** users/{uid}, live; null while loading, when signed out, or before the server has created it. */
  profile: UserProfile | null;
  /** Role claims from the ID token (roles are mirrored read-only on profile.roles). */
  claims: Claims;
  /** Account status from the profile: 'active', 'suspended' or 'banned'; null without a profile. */
  status: AccountStatus | null;
  /** True until the auth state and the role claims are known. */
  loading: boolean;
  /** Signed in and users/{uid} not read yet. */
  profileLoading: boolean;
  /** Signed in, but users/{uid} has not been created yet (the server is still setting it up). */
  profileMissing: boolean;
  /** Reading users/{uid} failed. */
  profileError: Error | null;
  /** Whether this account may write (status 'active'); suspended and banned accounts are read-only. */
  canWrite: boolean;
  /** Forces a token refresh and re-reads the role claims. */
  refreshClaims: () => Promise<Claims>;
  /** Signs out and forgets cached data of this user. */
  signOut: () => Promise<void>;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** For pages behind RequireAuth: the signed-in user (throws if there is none). */
export function useSignedInUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useSignedInUser needs a signed-in user (render it behind RequireAuth)');
  return user;
}

import type { FirebaseApp } from 'firebase/app';
import {
  type Auth,
  browserLocalPersistence,
  browserSessionPersistence,
  connectAuthEmulator,
  indexedDBLocalPersistence,
  initializeAuth,
} from 'firebase/auth';
import { env } from '@/config/env';

/**
 * Firebase Auth for `app`, connected to the emulator in emulator mode. Loaded with a dynamic import
 * by `getAuthLazy()` (lib/firebase.ts) so the Auth SDK (~30 kB gzip) stays off the first paint.
 *
 * `initializeAuth` rather than `getAuth`: the same persistence but no popup/redirect resolver, whose
 * code (about 7 kB gzip) and iframe load with the Google sign-in button instead (`signInWithGoogle`).
 */
export function createAuth(app: FirebaseApp): Auth {
  const auth = initializeAuth(app, {
    persistence: [indexedDBLocalPersistence, browserLocalPersistence, browserSessionPersistence],
  });
  if (env.useEmulators) {
    const { host, authPort } = env.emulators;
    connectAuthEmulator(auth, `http://${host}:${authPort}`, { disableWarnings: true });
  }
  return auth;
}

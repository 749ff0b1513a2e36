import type { AnyCallableContract, RequestOf, ResponseOf } from '@skillverse/domain/contracts/callable';
import { type FirebaseApp, initializeApp } from 'firebase/app';
import type { Auth } from 'firebase/auth';
import { connectFirestoreEmulator, type Firestore, getFirestore } from 'firebase/firestore';
import type { Functions } from 'firebase/functions';
import type { FirebaseStorage } from 'firebase/storage';
import { env } from '@/config/env';
import { withRetry } from './call-retry';

/**
 * The Firebase app and Firestore, connected to the emulators in emulator mode.
 * Auth, Functions and Storage load on first use (`getAuthLazy`, `getFunctionsLazy`,
 * `getStorageLazy`) so their SDKs stay out of the first page load.
 */
export const app: FirebaseApp = initializeApp({
  apiKey: env.firebase.apiKey,
  projectId: env.firebase.projectId,
  authDomain: env.firebase.authDomain,
  storageBucket: env.firebase.storageBucket,
  ...(env.firebase.appId ? { appId: env.firebase.appId } : {}),
});

export const db: Firestore = getFirestore(app);

const { host } = env.emulators;

if (env.useEmulators) connectFirestoreEmulator(db, host, env.emulators.firestorePort);

let authPromise: Promise<Auth> | undefined;

/**
 * Firebase Auth, loaded on first use — the AuthProvider asks for it as soon as the app mounts, so
 * it downloads while the first page renders instead of delaying it (lib/firebase-auth.ts).
 *
 * Firestore does not need Auth at start-up: it starts unauthenticated and picks Auth up when it
 * registers (the SDK's "Auth detected" path), switching its listeners to the signed-in user. A page
 * never reads user data before the AuthProvider knows the user, so those reads always carry the
 * token; public reads that started earlier resume under the new credentials.
 */
export function getAuthLazy(): Promise<Auth> {
  authPromise ??= import('./firebase-auth')
    .then(({ createAuth }) => createAuth(app))
    .catch((error: unknown) => {
      authPromise = undefined; // a failed chunk download may succeed next time
      throw error;
    });
  return authPromise;
}

const appCheckConfig = env.appCheck;
/**
 * App Check (reCAPTCHA Enterprise; the debug token in the emulator) when a site key is configured,
 * loaded with a dynamic import so it stays out of the first paint (lib/app-check.ts). Settles either
 * way: a failure to start is logged, and requests then go without a token.
 */
const appCheckReady: Promise<unknown> = appCheckConfig
  ? import('./app-check')
      .then(({ startAppCheck }) => startAppCheck(app, appCheckConfig))
      .catch((error: unknown) => console.error('App Check did not start', error))
  : Promise.resolve();

let functionsPromise: Promise<Functions> | undefined;

/** Cloud Functions (region from env, us-central1 by default), loaded on first use. */
export function getFunctionsLazy(): Promise<Functions> {
  // After App Check has registered, so callables carry its token (enforced with ENFORCE_APP_CHECK).
  functionsPromise ??= appCheckReady
    .then(() => import('firebase/functions'))
    .then(({ getFunctions, connectFunctionsEmulator }) => {
      const functions = getFunctions(app, env.functionsRegion);
      if (env.useEmulators) connectFunctionsEmulator(functions, host, env.emulators.functionsPort);
      return functions;
    });
  return functionsPromise;
}

/**
 * Calls a callable through its contract (@skillverse/domain/contracts/<area>): validates the input
 * with the contract's schema, the same one the server parses with, then calls the function of the
 * contract's name and answers its response, typed by the contract. Contract modules carry zod: a
 * mutation on a first-paint route imports its contract lazily (`await import(…)`) when it runs.
 * A call that lost on contention or could not be reached is tried again once or twice
 * (lib/call-retry.ts), so a busy moment reads "Still saving…", not an error.
 */
export async function callFunction<C extends AnyCallableContract>(
  contract: C,
  input: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const data: unknown = contract.input.parse(input);
  const [functions, { httpsCallable }] = await Promise.all([
    getFunctionsLazy(),
    import('firebase/functions'),
  ]);
  const call = httpsCallable<unknown, ResponseOf<C>>(functions, contract.name);
  // `aborted` / `unavailable` are tried again (lib/call-retry.ts); the app shows "Still saving…".
  const result = await withRetry(() => call(data));
  return result.data;
}

let storagePromise: Promise<FirebaseStorage> | undefined;

/** Whether uploads can work here (in emulator mode only when the Storage emulator runs). */
export function storageAvailable(): boolean {
  return !env.useEmulators || env.emulators.storage;
}

/** Cloud Storage, loaded on first use (keeps firebase/storage out of the first page load). */
export function getStorageLazy(): Promise<FirebaseStorage> {
  storagePromise ??= import('firebase/storage').then(({ getStorage, connectStorageEmulator }) => {
    const storage = getStorage(app);
    if (env.useEmulators) connectStorageEmulator(storage, host, env.emulators.storagePort);
    return storage;
  });
  return storagePromise;
}

/**
 * The URL of an HTTP function: the Functions emulator in emulator mode, otherwise the hosting
 * rewrite on this site (`/<name>`, see firebase.json).
 */
export function functionUrl(name: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  const base = env.useEmulators
    ? `http://${host}:${env.emulators.functionsPort}/${env.firebase.projectId}/${env.functionsRegion}/${name}`
    : `/${name}`;
  return query ? `${base}?${query}` : base;
}

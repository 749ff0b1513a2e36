// Helpers for integration tests against the Firebase emulators (scripts/with-emulators.mjs sets
// FIRESTORE_EMULATOR_HOST, FIREBASE_AUTH_EMULATOR_HOST, GCLOUD_PROJECT and SV_FUNCTIONS_PORT).
import { randomUUID } from 'node:crypto';
import type { AnyCallableContract, RequestOf, ResponseOf } from '@skillverse/domain/contracts/callable';
import type { HttpFunctionName } from '@skillverse/domain/contracts/http';
import { getApps, initializeApp } from 'firebase-admin/app';
import { type Auth, getAuth } from 'firebase-admin/auth';
import {
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  getFirestore,
  type Transaction,
} from 'firebase-admin/firestore';
import { newPrivateAccountData, newProfileData } from '../src/accounts/create-account';
import type { Mailer, MailMessage } from '../src/notifications/mailer';

export const emulatorsRunning = Boolean(
  process.env.FIRESTORE_EMULATOR_HOST &&
    process.env.FIREBASE_AUTH_EMULATOR_HOST &&
    process.env.SV_FUNCTIONS_PORT,
);
export const skipReason =
  'Firebase emulators are not running: run through `node scripts/with-emulators.mjs -- …` (sets FIRESTORE_EMULATOR_HOST, FIREBASE_AUTH_EMULATOR_HOST, SV_FUNCTIONS_PORT)';
if (!emulatorsRunning) console.warn(`[integration] skipped: ${skipReason}`);

export const projectId = process.env.GCLOUD_PROJECT || 'demo-skillverse';

function app() {
  if (!emulatorsRunning) throw new Error(skipReason);
  return getApps()[0] ?? initializeApp({ projectId });
}

export function testDb(): Firestore {
  return getFirestore(app());
}

/**
 * A second database on the same Firestore emulator. No deployed trigger watches it (they watch
 * `(default)`), so a test can call a handler directly on it without a trigger racing the call.
 */
export const ISOLATED_DATABASE = 'isolated-tests';
export function isolatedDb(): Firestore {
  return getFirestore(app(), ISOLATED_DATABASE);
}

export function testAuth(): Auth {
  return getAuth(app());
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 12)}`;
}

/**
 * How long a test waits for a trigger's effect. Generous on purpose: the Functions emulator runs
 * triggers one after another, and a test that seeds with triggers on (stats, seed) leaves a backlog
 * of hundreds of executions that later files' triggers queue behind on a 2-core machine (each
 * users/{uid} write alone now fans out to eight triggers). 45 s was measured too short on a
 * loaded machine (course triggers behind the seed's backlog), and 90 s too short behind a 50-enrolment
 * burst's ~250 triggers in a full CI run; a passing wait returns at once.
 */
export const TRIGGER_WAIT_MS = 180_000;

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  { timeoutMs = TRIGGER_WAIT_MS, intervalMs = 150, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError}` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Resolves with the first snapshot of `ref` that satisfies `predicate` (onSnapshot), or rejects on timeout. */
export function waitForDoc(
  ref: DocumentReference,
  predicate: (snap: DocumentSnapshot) => boolean = (snap) => snap.exists,
  timeoutMs = TRIGGER_WAIT_MS,
): Promise<DocumentSnapshot> {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${ref.path}`));
    }, timeoutMs);
    unsubscribe = ref.onSnapshot(
      (snap) => {
        if (!predicate(snap)) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(snap);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * `db` with every read made inside a transaction recorded in `reads` (document paths; a query as
 * `query`), to show which documents a handler's transaction locks. Reads and
 * writes outside transactions, and the transactions' writes, go through unrecorded.
 */
export function recordTransactionReads(db: Firestore): { db: Firestore; reads: string[] } {
  const reads: string[] = [];
  const label = (target: unknown): string => {
    const path = (target as { path?: unknown }).path;
    return typeof path === 'string' ? path : 'query';
  };
  const wrapTx = (tx: Transaction): Transaction =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        if (prop === 'get' || prop === 'getAll') {
          return (...args: unknown[]) => {
            for (const a of prop === 'get' ? args.slice(0, 1) : args)
              if (a && typeof a === 'object' && !('fieldMask' in a)) reads.push(label(a));
            return value.apply(target, args);
          };
        }
        return value.bind(target);
      },
    });
  const proxied = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === 'runTransaction') {
        return (fn: (tx: Transaction) => Promise<unknown>, options?: object) =>
          target.runTransaction((tx) => fn(wrapTx(tx)), options);
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: proxied, reads };
}

/** Lets asynchronous triggers run, for asserting that something did NOT happen. */
/**
 * A test's own direct write to a document that triggers are busy with (users/{uid} fans out to
 * eight): on a loaded machine the emulator sometimes answers such a write with a bare `2 UNKNOWN`
 * or `10 ABORTED` while the triggers' transactions hold the document. Production retries these in
 * the SDK; here the write is simply tried again, up to `attempts` times.
 */
export async function writeRetrying<T>(write: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= attempts || (code !== 2 && code !== 10)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

export function settle(ms = 1500): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Writes users/{uid} (and private/account) as a new account would have them, plus overrides. */
export async function seedProfile(
  db: Firestore,
  uid: string,
  overrides: Record<string, unknown> = {},
  account: { email?: string | null; notificationPreferences?: Record<string, unknown> } = {},
): Promise<void> {
  const base = { uid, email: account.email ?? null, displayName: `Test ${uid}`, photoURL: null };
  await db.doc(`users/${uid}`).set({ ...newProfileData(base), ...overrides });
  const priv = newPrivateAccountData(base);
  await db.doc(`users/${uid}/private/account`).set({
    ...priv,
    ...(account.notificationPreferences ? { notificationPreferences: account.notificationPreferences } : {}),
  });
}

/** Removes everything these tests may have written for `uid`, including the Auth account. */
export async function deleteUserData(db: Firestore, uid: string): Promise<void> {
  await db.recursiveDelete(db.doc(`users/${uid}`));
  await db.recursiveDelete(db.doc(`notifications/${uid}`));
  const batches = await Promise.all([
    db.collectionGroup('entries').where('uid', '==', uid).get(),
    db.collection('mailLog').where('uid', '==', uid).get(),
    db.collection('auditLog').where('targetUid', '==', uid).get(),
    db.collection('auditLog').where('actorId', '==', uid).get(),
  ]);
  await Promise.all(batches.flatMap((q) => q.docs.map((d) => d.ref.delete())));
  try {
    await testAuth().deleteUser(uid);
  } catch {
    // no Auth account for this uid
  }
}

export class FakeMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage) {
    this.sent.push(message);
    return { transport: 'log' as const };
  }
}

// ---------------------------------------------------------------------------------------------
// Auth emulator accounts and callable functions over HTTP

export interface TestAccount {
  uid: string;
  email: string;
  password: string;
}

export async function createAuthUser(
  options: { displayName?: string; claims?: Record<string, unknown>; emailVerified?: boolean } = {},
): Promise<TestAccount> {
  const email = `${uniqueId('user')}@example.test`;
  const password = 'test-password-123';
  // Test accounts are verified like the seed's, unless a test is about unverified accounts.
  const user = await testAuth().createUser({
    email,
    password,
    displayName: options.displayName,
    emailVerified: options.emailVerified ?? true,
  });
  if (options.claims) await testAuth().setCustomUserClaims(user.uid, options.claims);
  return { uid: user.uid, email, password };
}

/** Signs in through the Auth emulator's REST API and returns a fresh ID token (with current claims). */
export async function idTokenFor(account: Pick<TestAccount, 'email' | 'password'>): Promise<string> {
  const host = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  const res = await fetch(
    `http://${host}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=fake-api-key`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: account.email, password: account.password, returnSecureToken: true }),
    },
  );
  const body = (await res.json()) as { idToken?: string; error?: { message: string } };
  if (!body.idToken) throw new Error(`sign-in failed: ${body.error?.message ?? res.status}`);
  return body.idToken;
}

export interface CallableResponse<T = unknown> {
  status: number;
  result?: T;
  error?: { status: string; message: string; details?: unknown };
}

/**
 * Calls a callable on the Functions emulator the way the client SDK does:
 * `callFunction(coursesContracts.enrollInFreeCourse, { courseId }, idToken)`. It takes the
 * callable's contract (from `@skillverse/domain/contracts/<area>`), never a bare name, and answers
 * with the contract's response type. `data` is typed `RequestOf<C> | unknown` on purpose: tests also
 * send malformed input, which is sent as is (not parsed here; the server's parse is under test).
 */
export async function callFunction<C extends AnyCallableContract>(
  contract: C,
  data: RequestOf<C> | unknown,
  idToken?: string,
): Promise<CallableResponse<ResponseOf<C>>> {
  const { name } = contract;
  const url = `${functionsBaseUrl()}/${name}`;
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(idToken ? { authorization: `Bearer ${idToken}` } : {}),
    },
    body: JSON.stringify({ data }),
  });
  const text = await res.text();
  let body: { result?: ResponseOf<C>; error?: CallableResponse['error'] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${name} answered ${res.status} with non-JSON: ${text.slice(0, 300)}`);
  }
  return { status: res.status, result: body.result, error: body.error };
}

/** The Functions emulator's base URL for this project: append a function name (HTTP_FUNCTIONS.*). */
export function functionsBaseUrl(): string {
  return `http://127.0.0.1:${process.env.SV_FUNCTIONS_PORT}/${projectId}/us-central1`;
}

/** The Functions emulator URL of an HTTP function (not a callable). */
export function httpFunctionUrl(name: HttpFunctionName): string {
  return `${functionsBaseUrl()}/${name}`;
}

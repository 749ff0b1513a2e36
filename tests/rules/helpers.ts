// Shared set-up for the security-rules suites (one file per collection family).
//
// Run them with the emulators up, on your own ports:
//   SV_PORT_OFFSET=1000 node scripts/with-emulators.mjs -- npx vitest run --project rules
// Each suite loads firestore.rules into the emulator under PROJECT_ID — a project id distinct
// from the app's, so the app's function triggers never fire on these writes — clears Firestore
// before every test and seeds with rules disabled.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
  type TokenOptions,
} from '@firebase/rules-unit-testing';
import firebase from 'firebase/compat/app';
import 'firebase/compat/firestore';
import { afterAll, beforeAll, beforeEach, describe, expect } from 'vitest';

export const PROJECT_ID = 'demo-skillverse-rules';
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export type Db = firebase.firestore.Firestore;
export type DocData = firebase.firestore.DocumentData;

const FIRESTORE_HOST = process.env.FIRESTORE_EMULATOR_HOST;

// Denials are the point of half these tests; keep the SDK from logging each one as a warning
// (set SV_RULES_VERBOSE=1 to see them, with the emulator's evaluation trace).
if (!process.env.SV_RULES_VERBOSE) firebase.firestore.setLogLevel('error');

/**
 * A top-level `describe` for an emulator-backed rules suite. Without a Firestore emulator the
 * suite is reported as skipped, with the reason in its name.
 */
export function describeRules(name: string, body: () => void): void {
  const reason =
    '(skipped: FIRESTORE_EMULATOR_HOST is not set — run through scripts/with-emulators.mjs, which starts the Firestore emulator)';
  describe.skipIf(!FIRESTORE_HOST)(FIRESTORE_HOST ? name : `${name} ${reason}`, body);
}

let env: RulesTestEnvironment | undefined;

/** The environment of the running suite (set up by useRulesTestEnv). */
export function testEnv(): RulesTestEnvironment {
  if (!env) throw new Error('useRulesTestEnv() must be called in the suite first');
  return env;
}

/**
 * Registers the hooks of a rules suite: the environment in beforeAll, an empty database before
 * each test, and in afterAll a rule-coverage report written to coverage/rules/.
 */
export function useRulesTestEnv(options: { storage?: boolean } = {}): void {
  beforeAll(async () => {
    env = await initializeTestEnvironment({
      projectId: PROJECT_ID,
      firestore: { rules: readFileSync(join(ROOT, 'firestore.rules'), 'utf8') },
      ...(options.storage ? { storage: { rules: readFileSync(join(ROOT, 'storage.rules'), 'utf8') } } : {}),
    });
  });
  beforeEach(async () => {
    await testEnv().clearFirestore();
    if (options.storage) await testEnv().clearStorage();
  });
  afterAll(async () => {
    if (!env) return;
    await writeCoverageReport();
    await env.cleanup();
    env = undefined;
  });
}

/** Saves the emulator's cumulative rule-coverage report (HTML) and logs where it is. */
async function writeCoverageReport(): Promise<void> {
  const url = `http://${FIRESTORE_HOST}/emulator/v1/projects/${PROJECT_ID}:ruleCoverage.html`;
  try {
    const response = await fetch(url);
    if (!response.ok) return;
    const file = join(ROOT, 'coverage', 'rules', 'firestore-rules-coverage.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, await response.text());
    console.info(`[rules] coverage report: ${file} (live: ${url})`);
  } catch {
    console.info(`[rules] coverage report unavailable; see ${url}`);
  }
}

// ---------------------------------------------------------------- contexts

/** Firestore as a signed-in user, with optional custom claims ({ admin: true }, { educator: true }). */
export function dbAs(uid: string, claims?: TokenOptions): Db {
  return testEnv().authenticatedContext(uid, claims).firestore();
}

/** Firestore as a signed-out visitor. */
export function anonDb(): Db {
  return testEnv().unauthenticatedContext().firestore();
}

export const ADMIN: TokenOptions = { admin: true };
export const EDUCATOR: TokenOptions = { educator: true };

// ---------------------------------------------------------------- data

export const serverTime = (): firebase.firestore.FieldValue =>
  firebase.firestore.FieldValue.serverTimestamp();
export const arrayUnion = (...items: unknown[]): firebase.firestore.FieldValue =>
  firebase.firestore.FieldValue.arrayUnion(...items);
export const arrayRemove = (...items: unknown[]): firebase.firestore.FieldValue =>
  firebase.firestore.FieldValue.arrayRemove(...items);
export const timestamp = (date: Date): firebase.firestore.Timestamp =>
  firebase.firestore.Timestamp.fromDate(date);
/** A fixed past time: what a client would send instead of serverTimestamp(). */
export const clientTime = (): firebase.firestore.Timestamp => timestamp(new Date('2026-01-01T00:00:00Z'));

/** Writes documents with the rules disabled (as the server would). Keys are document paths. */
export async function seed(docs: Record<string, DocData>): Promise<void> {
  await testEnv().withSecurityRulesDisabled(async (context) => {
    const db = context.firestore();
    const batch = db.batch();
    for (const [path, data] of Object.entries(docs)) batch.set(db.doc(path), data);
    await batch.commit();
  });
}

/** A users/{uid} document as the sign-up function writes it. */
export function profile(uid: string, overrides: DocData = {}): DocData {
  return {
    uid,
    displayName: `User ${uid}`,
    photoURL: null,
    bio: '',
    headline: '',
    interests: [],
    skills: [],
    offeredSkills: [],
    desiredSkills: [],
    availability: [],
    timezone: 'UTC',
    onboarded: false,
    firstGoal: null,
    roles: ['learner'],
    status: 'active',
    gamification: {
      points: 0,
      level: 1,
      badges: [],
      currentStreak: 0,
      longestStreak: 0,
      lastActiveDay: null,
    },
    rating: { average: 0, count: 0 },
    stats: { coursesCompleted: 0 },
    createdAt: clientTime(),
    updatedAt: clientTime(),
    ...overrides,
  };
}

/** Profiles for several active users at once: `{ 'users/alice': …, 'users/bob': … }`. */
export function profiles(...uids: string[]): Record<string, DocData> {
  return Object.fromEntries(uids.map((uid) => [`users/${uid}`, profile(uid)]));
}

export function text(length: number): string {
  return 'x'.repeat(length);
}

// ---------------------------------------------------------------- assertions

/** The request is allowed by the rules. */
export async function expectAllowed<T>(request: Promise<T>): Promise<T> {
  return assertSucceeds(request);
}

/** The request is refused by the rules, with the `permission-denied` code. */
export async function expectDenied(request: Promise<unknown>): Promise<void> {
  const error = await assertFails(request);
  expect(error.code).toBe('permission-denied');
}

// The abuse suite's attacker: a fresh account made the way the app makes one (web SDK sign-up on the
// Auth emulator, then the ensureProfile callable), holding the web SDK's Firestore and callables:
// exactly what a person with the browser console has. Nothing here bypasses the security rules.
// What an attack earned is read afterwards with the Admin SDK (`rewardsOf`) and compared with what
// the account held before (`expectNothingMinted`).
//
// Each attack lives in tests/integration/abuse/<area>.test.ts (functions-integration project, so it
// runs inside `npm test`'s emulators) and pairs the attack with the honest path that still earns.
import { ensureProfile } from '@skillverse/domain/contracts/accounts';
import type { AnyCallableContract, RequestOf, ResponseOf } from '@skillverse/domain/contracts/callable';
import { deleteApp, type FirebaseApp, initializeApp } from 'firebase/app';
import {
  connectAuthEmulator,
  createUserWithEmailAndPassword,
  getAuth,
  sendEmailVerification,
} from 'firebase/auth';
import { connectFirestoreEmulator, type Firestore, getFirestore, terminate } from 'firebase/firestore';
import { connectFunctionsEmulator, type Functions, getFunctions, httpsCallable } from 'firebase/functions';
import { expect } from 'vitest';
import { projectId, testAuth, testDb, uniqueId, waitFor } from '../../../functions/test/emulator';

export { emulatorsRunning, skipReason, testDb, uniqueId, waitFor } from '../../../functions/test/emulator';

export type CallOutcome<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export interface Attacker {
  uid: string;
  email: string;
  password: string;
  app: FirebaseApp;
  /** The web SDK's Firestore, signed in as this account: writes go through the real rules. */
  db: Firestore;
  /** Calls a callable the way the web app does; answers the outcome instead of throwing. */
  call<C extends AnyCallableContract>(
    contract: C,
    data: RequestOf<C> | Record<string, unknown>,
  ): Promise<CallOutcome<ResponseOf<C>>>;
  close(): Promise<void>;
}

function emulatorHost(variable: string): { host: string; port: number } {
  const value = process.env[variable];
  if (!value) throw new Error(`${variable} is not set: run this suite inside the emulators (npm test)`);
  const [host = '127.0.0.1', port] = value.split(':');
  return { host, port: Number(port) };
}

const openApps = new Set<Attacker>();

/**
 * A new account: signs up through the Auth emulator with the web SDK and creates its profile with
 * ensureProfile, as the app's sign-up does. `label` only makes the email readable in logs.
 */
export async function newAttacker(
  label = 'attacker',
  options: { timezone?: string } = {},
): Promise<Attacker> {
  const app = initializeApp(
    { apiKey: 'fake-api-key', projectId, authDomain: `${projectId}.firebaseapp.com` },
    uniqueId(`abuse-${label}`),
  );
  const auth = getAuth(app);
  const authHost = emulatorHost('FIREBASE_AUTH_EMULATOR_HOST');
  connectAuthEmulator(auth, `http://${authHost.host}:${authHost.port}`, { disableWarnings: true });
  const fsHost = emulatorHost('FIRESTORE_EMULATOR_HOST');
  const db = getFirestore(app);
  connectFirestoreEmulator(db, fsHost.host, fsHost.port);
  const functions: Functions = getFunctions(app, 'us-central1');
  connectFunctionsEmulator(functions, '127.0.0.1', Number(process.env.SV_FUNCTIONS_PORT));

  const email = `${uniqueId(label)}@example.test`;
  const password = 'abuse-password-123';
  const credential = await createUserWithEmailAndPassword(auth, email, password);
  const uid = credential.user.uid;

  const call: Attacker['call'] = async (contract, data) => {
    try {
      const result = await httpsCallable(functions, contract.name)(data);
      return { ok: true, data: result.data as never };
    } catch (error) {
      const e = error as { code?: string; message?: string };
      return {
        ok: false,
        code: String(e.code ?? 'unknown').replace(/^functions\//, ''),
        message: String(e.message),
      };
    }
  };

  const attacker: Attacker = {
    uid,
    email,
    password,
    app,
    db,
    call,
    async close() {
      openApps.delete(attacker);
      await terminate(db).catch(() => undefined);
      await deleteApp(app).catch(() => undefined);
    },
  };
  openApps.add(attacker);
  const made = await call(ensureProfile, options.timezone ? { timezone: options.timezone } : {});
  if (!made.ok) throw new Error(`ensureProfile failed for ${label}: ${made.code} ${made.message}`);
  // The profile exists once ensureProfile answered; wait for the server-owned fields as well.
  await waitFor(async () => (await testDb().doc(`users/${uid}`).get()).exists, {
    what: `users/${uid} for ${label}`,
  });
  return attacker;
}

/**
 * Verifies the attacker's email the way a person does: the web SDK sends the verification email,
 * the Auth emulator's out-of-band code list (/emulator/v1/projects/{id}/oobCodes) stands in for the
 * inbox, opening the link verifies, and a reload plus a forced token refresh puts
 * `email_verified: true` into the ID token the rules and callables read.
 */
export async function verifyEmail(attacker: Attacker): Promise<void> {
  const user = getAuth(attacker.app).currentUser;
  if (!user) throw new Error(`${attacker.email} is not signed in`);
  await sendEmailVerification(user);
  const { host, port } = emulatorHost('FIREBASE_AUTH_EMULATOR_HOST');
  const listed = (await (
    await fetch(`http://${host}:${port}/emulator/v1/projects/${projectId}/oobCodes`)
  ).json()) as { oobCodes?: { email: string; requestType: string; oobLink: string }[] };
  const code = (listed.oobCodes ?? [])
    .filter((c) => c.email === attacker.email && c.requestType === 'VERIFY_EMAIL')
    .at(-1);
  if (!code) throw new Error(`no verification email for ${attacker.email}`);
  const opened = await fetch(code.oobLink);
  if (!opened.ok) throw new Error(`opening the verification link failed: ${opened.status}`);
  await user.reload();
  if (!user.emailVerified) throw new Error(`${attacker.email} is still unverified after the link`);
  await user.getIdToken(true);
}

/**
 * Gives the attacker roles the platform grants (an approved educator application, an admin's
 * promotion): the profile's mirrored `roles` first, then the claims, then a fresh ID token.
 */
export async function grantRoles(attacker: Attacker, claims: { educator?: boolean; admin?: boolean }) {
  const roles = ['learner', ...(claims.educator ? ['educator'] : []), ...(claims.admin ? ['admin'] : [])];
  await testDb().doc(`users/${attacker.uid}`).update({ roles });
  await testAuth().setCustomUserClaims(attacker.uid, claims);
  await getAuth(attacker.app).currentUser?.getIdToken(true);
}

/** Closes every attacker still open (call in afterAll). */
export async function closeAttackers(): Promise<void> {
  await Promise.all([...openApps].map((a) => a.close()));
}

/** Everything an account can be rewarded with, read on the server side. */
export interface Rewards {
  points: number;
  level: number;
  badges: string[];
  currentStreak: number;
  stats: Record<string, number>;
  rating: { average: number; count: number };
  /** Skill key → how many people endorsed it (users/{uid}.endorsements). */
  endorsements: Record<string, number>;
  ledgerEntries: number;
  certificates: number;
  leaderboardPoints: number;
}

export async function rewardsOf(uid: string): Promise<Rewards> {
  const db = testDb();
  const [user, ledger, certificates, leaderboard] = await Promise.all([
    db.doc(`users/${uid}`).get(),
    db.collection(`users/${uid}/pointEvents`).get(),
    db.collection('certificates').where('uid', '==', uid).get(),
    db.doc(`leaderboards/allTime/entries/${uid}`).get(),
  ]);
  const g = (user.get('gamification') ?? {}) as Record<string, unknown>;
  const rating = (user.get('rating') ?? {}) as Record<string, unknown>;
  return {
    points: Number(g.points ?? 0),
    level: Number(g.level ?? 0),
    badges: Array.isArray(g.badges) ? [...(g.badges as string[])].sort() : [],
    currentStreak: Number(g.currentStreak ?? 0),
    stats: (user.get('stats') ?? {}) as Record<string, number>,
    rating: { average: Number(rating.average ?? 0), count: Number(rating.count ?? 0) },
    endorsements: (user.get('endorsements') ?? {}) as Record<string, number>,
    ledgerEntries: ledger.size,
    certificates: certificates.size,
    leaderboardPoints: Number(leaderboard.get('points') ?? 0),
  };
}

/** Asserts the attack minted nothing: no point, badge, streak day, stat, rating, endorsement or certificate. */
export function expectNothingMinted(before: Rewards, after: Rewards, attack: string): void {
  expect(after, `${attack} must mint nothing`).toEqual(before);
}

/** Asserts a callable refused with the given code (and so wrote nothing the caller asked for). */
export function expectRefused<T>(outcome: CallOutcome<T>, code: string): void {
  expect(outcome.ok ? 'ok' : outcome.code, outcome.ok ? 'expected a refusal' : outcome.message).toBe(code);
}

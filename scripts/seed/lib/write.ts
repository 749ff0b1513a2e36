// Writes a seed plan to the Firebase emulators with the admin SDK. Emulator only: every entry
// point calls assertEmulators() first, so a stray credential can never seed a real project.
import { type App, deleteApp, getApps, initializeApp } from 'firebase-admin/app';
import { type Auth, getAuth } from 'firebase-admin/auth';
import {
  type BulkWriter,
  type DocumentReference,
  type Firestore,
  getFirestore,
  type Query,
} from 'firebase-admin/firestore';
import type { SeedPlan } from './build';
import type { SeedAuthUser } from './user-docs';
import { mapLimit } from './util';

const APP_NAME = 'skillverse-seed';
/** stats/platform's counter shards and the reconciliation mark (functions/src/lib/data/stats.ts). */
const PLATFORM_SHARDS_PATH = 'stats/platform/shards';
const RECONCILIATION_PATH = 'stats/reconciliation';

export function assertEmulators(): void {
  const missing = ['FIRESTORE_EMULATOR_HOST', 'FIREBASE_AUTH_EMULATOR_HOST'].filter(
    (name) => !process.env[name],
  );
  if (missing.length > 0) {
    throw new Error(
      `Refusing to seed: ${missing.join(' and ')} not set. The seed only runs against the Firebase emulators ` +
        '(e.g. `node scripts/with-emulators.mjs -- npx tsx scripts/seed/index.ts`).',
    );
  }
}

export interface SeedClients {
  app: App;
  db: Firestore;
  auth: Auth;
}

/** A dedicated admin app, so the seed never clashes with an app the caller initialised. */
export function seedClients(): SeedClients {
  assertEmulators();
  const existing = getApps().find((a) => a.name === APP_NAME);
  const app =
    existing ?? initializeApp({ projectId: process.env.GCLOUD_PROJECT ?? 'demo-skillverse' }, APP_NAME);
  return { app, db: getFirestore(app), auth: getAuth(app) };
}

export async function closeSeedClients(): Promise<void> {
  const app = getApps().find((a) => a.name === APP_NAME);
  if (app) await deleteApp(app);
}

// ------------------------------------------------------------------------------------ triggers

/**
 * Pauses Cloud Functions background triggers (through the emulator hub, as
 * @firebase/rules-unit-testing does), so no trigger reacts to the seed's writes and deletes.
 * Returns a function that resumes them (the emulator reloads the functions, which takes a few
 * seconds); both are no-ops when no Functions emulator runs.
 */
export async function pauseTriggers(log: (line: string) => void): Promise<() => Promise<void>> {
  const hub = process.env.FIREBASE_EMULATOR_HUB;
  if (!hub) return async () => {};
  const url = (path: string) => `http://${hub}${path}`;
  try {
    const res = await fetch(url('/functions/disableBackgroundTriggers'), { method: 'PUT' });
    if (!res.ok) return async () => {}; // 400: the Functions emulator is not running
  } catch {
    return async () => {};
  }
  return async () => {
    try {
      const res = await fetch(url('/functions/enableBackgroundTriggers'), { method: 'PUT' });
      if (!res.ok) log(`warning: could not re-enable function triggers (HTTP ${res.status})`);
    } catch (error) {
      log(`warning: could not re-enable function triggers: ${String(error)}`);
    }
  };
}

// ------------------------------------------------------------------------------------ reset

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function refsOf(queries: Query[]): Promise<DocumentReference[]> {
  const snaps = await Promise.all(queries.map((q) => q.select().get()));
  return snaps.flatMap((s) => s.docs.map((d) => d.ref));
}

/**
 * Deletes what a previous run (or someone using the demo) left behind for the seeded people and
 * content: their profiles with every subcollection, notifications, the seeded courses, exchanges
 * and live sessions (and any others they own or take part in), their enrolments, payments,
 * quiz attempts, certificates, applications, leaderboard entries, earnings and Plus invoices,
 * observed-time tallies and statements. Nothing else is touched.
 */
export async function resetSeededData(db: Firestore, plan: SeedPlan): Promise<number> {
  const { userIds, courseIds, exchangeIds, liveSessionIds } = plan;
  const uidChunks = chunks(userIds, 30);
  const courseChunks = chunks(courseIds, 30);

  const [ownedCourses, exchanges, hostedSessions, records, courseEnrollments] = await Promise.all([
    refsOf(uidChunks.map((c) => db.collection('courses').where('instructorId', 'in', c))),
    refsOf(uidChunks.map((c) => db.collection('exchanges').where('participants', 'array-contains-any', c))),
    refsOf(uidChunks.map((c) => db.collection('liveSessions').where('hostId', 'in', c))),
    refsOf([
      ...['enrollments', 'payments', 'quizAttempts', 'certificates', 'plusInvoices', 'plusWatch'].flatMap(
        (name) => uidChunks.map((c) => db.collection(name).where('uid', 'in', c)),
      ),
      // Plus statements of seeded instructors (their earnings are reset below).
      ...uidChunks.map((c) => db.collection('plusStatements').where('instructorId', 'in', c)),
    ]),
    refsOf(courseChunks.map((c) => db.collection('enrollments').where('courseId', 'in', c))),
  ]);

  const trees = new Map<string, DocumentReference>();
  const addTree = (ref: DocumentReference) => trees.set(ref.path, ref);
  for (const uid of userIds) {
    addTree(db.doc(`users/${uid}`));
    addTree(db.doc(`notifications/${uid}`));
    // The seed writes the earnings (course sales, Plus statements) of every seeded instructor.
    addTree(db.doc(`earnings/${uid}`));
  }
  for (const id of courseIds) addTree(db.doc(`courses/${id}`));
  for (const id of exchangeIds) addTree(db.doc(`exchanges/${id}`));
  for (const id of liveSessionIds) addTree(db.doc(`liveSessions/${id}`));
  for (const ref of [...ownedCourses, ...exchanges, ...hostedSessions]) addTree(ref);

  const leaves = new Map<string, DocumentReference>();
  for (const ref of [...records, ...courseEnrollments]) leaves.set(ref.path, ref);
  for (const uid of userIds) {
    leaves.set(`educatorApplications/${uid}`, db.doc(`educatorApplications/${uid}`));
    for (const period of ['allTime', plan.weekId]) {
      const path = `leaderboards/${period}/entries/${uid}`;
      leaves.set(path, db.doc(path));
    }
  }

  const writer: BulkWriter = db.bulkWriter({ throttling: false });
  try {
    await mapLimit([...trees.values()], 16, (ref) => db.recursiveDelete(ref, writer));
    const deletes = [...leaves.values()].map((ref) => writer.delete(ref));
    await writer.flush();
    await Promise.all(deletes);
  } finally {
    await writer.close();
  }
  return trees.size + leaves.size;
}

// ------------------------------------------------------------------------------------ writes

export async function writeDocs(db: Firestore, plan: SeedPlan): Promise<void> {
  await mapLimit(chunks(plan.docs, 450), 4, async (docs) => {
    const batch = db.batch();
    for (const d of docs) batch.set(db.doc(d.path), d.data);
    await batch.commit();
  });
}

/**
 * Writes the statistics last: stats/platform and the history (derived from the plan), then
 * stats/reconciliation with the current time. Counter triggers delivered for any earlier write of
 * this run (or of the reset) see that their event is older and skip it, so with triggers running
 * (`npm start`) the seed is counted exactly once, by this write.
 *
 * One transaction, which also empties stats/platform's shards: a trigger that ran between the
 * reset and this write (it saw the previous mark, so it applied its delta to a shard) is already
 * in the seed's counts, and the transaction serialises with any trigger still running (both touch
 * stats/reconciliation), the way the daily rollup folds the shards.
 */
export async function writeStats(db: Firestore, plan: SeedPlan): Promise<Date> {
  return db.runTransaction(async (tx) => {
    const shards = await tx.get(db.collection(PLATFORM_SHARDS_PATH));
    await tx.get(db.doc(RECONCILIATION_PATH));
    for (const shard of shards.docs) tx.delete(shard.ref);
    for (const d of plan.statsDocs) tx.set(db.doc(d.path), d.data);
    const countedUpTo = new Date();
    tx.set(db.doc(RECONCILIATION_PATH), { countedUpTo, by: 'seed' });
    return countedUpTo;
  });
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** Creates the Auth user when absent, else resets it to the seeded email, password and claims. */
async function upsertAuthUser(auth: Auth, u: SeedAuthUser, log: (line: string) => void): Promise<void> {
  const props = {
    email: u.email,
    password: u.password,
    displayName: u.displayName,
    emailVerified: true,
    disabled: false,
  };
  // Someone may have signed up with a seeded email under another uid; the seeded account wins.
  try {
    const byEmail = await auth.getUserByEmail(u.email);
    if (byEmail.uid !== u.uid) {
      log(`replacing Auth user ${byEmail.uid} that held ${u.email}`);
      await auth.deleteUser(byEmail.uid);
    }
  } catch (error) {
    if (!hasCode(error, 'auth/user-not-found')) throw error;
  }
  try {
    await auth.updateUser(u.uid, props);
  } catch (error) {
    if (!hasCode(error, 'auth/user-not-found')) throw error;
    await auth.createUser({ uid: u.uid, ...props });
  }
  await auth.setCustomUserClaims(u.uid, Object.keys(u.claims).length > 0 ? u.claims : null);
}

export async function writeAuthUsers(auth: Auth, plan: SeedPlan, log: (line: string) => void): Promise<void> {
  await mapLimit(plan.authUsers, 8, (u) => upsertAuthUser(auth, u, log));
}

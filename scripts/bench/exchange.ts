// Skill-exchange benchmark, on the Firebase emulators only:
//
//   npm run bench:exchange          (= node scripts/with-emulators.mjs -- npx tsx scripts/bench/exchange.ts)
//   … exchange.ts [--users 10000] [--small 1000] [--runs 5] [--messages 200]
//
// 1. Matching: seeds `--small` then `--users` synthetic profiles (skill keys written directly,
//    background triggers paused through the emulator hub) and times the real matching handler
//    (functions/src/exchange/recompute-matches.ts, the one the users/{uid} trigger calls) for one
//    person, with the documents it read and wrote, at both sizes.
// 2. Chat round trip: client A adds a message with the Firebase web SDK under the security rules
//    (two signed-in Auth emulator users, an active exchange), client B sees it through onSnapshot on
//    the query the chat page uses; interleaved message by message with the same text sent through a
//    minimal Socket.IO relay (the baseline). p50/p95/max over `--messages` messages each.
// Prints markdown tables for BENCHMARKS.md.
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type App, deleteApp, initializeApp } from 'firebase-admin/app';
import { getAuth as getAdminAuth } from 'firebase-admin/auth';
import { type Firestore, getFirestore as getAdminFirestore } from 'firebase-admin/firestore';
import { deleteApp as deleteClientApp, initializeApp as initializeClientApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from 'firebase/auth';
import {
  collection,
  connectFirestoreEmulator,
  doc,
  getFirestore,
  limit,
  onSnapshot,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  terminate,
} from 'firebase/firestore';
import {
  CANDIDATE_LIMIT,
  candidateQueries,
  handleProfileWrite,
  MAX_MATCHES,
  type RecomputeResult,
} from '../../functions/src/exchange/recompute-matches';
import { measuredProfile, profileDoc, syntheticProfile } from './lib/exchange-profiles';
import { type RelayMessage, relayClient, startRelay } from './lib/exchange-relay';

// ------------------------------------------------------------------------------------ setup

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i === -1 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number`);
  return value;
}

const USERS = option('users', 10_000);
const SMALL = option('small', 1_000);
const RUNS = option('runs', 5);
const MESSAGES = option('messages', 200);
const WARMUP_MESSAGES = 10;

function requireEmulators() {
  const names = ['FIRESTORE_EMULATOR_HOST', 'FIREBASE_AUTH_EMULATOR_HOST', 'FIREBASE_EMULATOR_HUB'];
  const missing = names.filter((n) => !process.env[n]);
  if (missing.length > 0) {
    console.error(
      `bench:exchange runs on the Firebase emulators only (${missing.join(', ')} not set).\n` +
        'Run: npm run bench:exchange   (SV_PORT_OFFSET=2000 npm run bench:exchange beside another stack)',
    );
    process.exit(2);
  }
  return {
    firestore: process.env.FIRESTORE_EMULATOR_HOST as string,
    auth: process.env.FIREBASE_AUTH_EMULATOR_HOST as string,
    hub: process.env.FIREBASE_EMULATOR_HUB as string,
    projectId: process.env.GCLOUD_PROJECT || 'demo-skillverse',
  };
}

const env = requireEmulators();
const log = (line: string) => console.error(`[bench:exchange] ${line}`);
const ms = (t: number) => `${t < 10 ? t.toFixed(1) : Math.round(t)} ms`;

/** Pauses or resumes every background (Firestore, Auth) trigger in the Functions emulator. */
async function setTriggers(enabled: boolean): Promise<void> {
  const path = enabled ? 'enableBackgroundTriggers' : 'disableBackgroundTriggers';
  const res = await fetch(`http://${env.hub}/functions/${path}`, { method: 'PUT' });
  if (!res.ok) throw new Error(`emulator hub ${path} answered HTTP ${res.status}: ${await res.text()}`);
}

/** Writes profiles from..to-1 in batches of 500, four at a time. */
async function seedProfiles(db: Firestore, from: number, to: number, now: Date): Promise<void> {
  const chunks: number[][] = [];
  for (let i = from; i < to; i += 500) {
    chunks.push(Array.from({ length: Math.min(500, to - i) }, (_, k) => i + k));
  }
  let next = 0;
  const worker = async () => {
    for (let c = next++; c < chunks.length; c = next++) {
      const batch = db.batch();
      for (const i of chunks[c] ?? []) {
        const uid = `bench-u${String(i).padStart(5, '0')}`;
        batch.set(db.doc(`users/${uid}`), syntheticProfile(i, uid, now));
      }
      await batch.commit();
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

// ------------------------------------------------------------------------------------ matching

const ME = 'bench-measured';

interface MatchingRow {
  users: number;
  offeringWhatIWant: number;
  wantingWhatIOffer: number;
  times: number[];
  /** The two candidate queries alone (no scoring, no writes). */
  queryTimes: number[];
  last: RecomputeResult;
}

async function measureMatching(db: Firestore, users: number, now: Date): Promise<MatchingRow> {
  const me = measuredProfile(ME, now);
  const usersRef = db.collection('users');
  const [offering, wanting] = await Promise.all([
    usersRef.where('offeredSkillKeys', 'array-contains-any', me.desiredSkillKeys).count().get(),
    usersRef.where('desiredSkillKeys', 'array-contains-any', me.offeredSkillKeys).count().get(),
  ]);
  // One warm-up call (connections, JIT), then the timed runs; the handler writes the same
  // matches each time, so every timed run reads its existing matches as in steady state.
  let last = await handleProfileWrite(db, ME, null, me, { now: new Date() });
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    last = await handleProfileWrite(db, ME, null, me, { now: new Date() });
    times.push(performance.now() - t0);
  }
  const queries = candidateQueries(db, {
    offered: me.offeredSkillKeys as string[],
    desired: me.desiredSkillKeys as string[],
  });
  const queryTimes: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    await Promise.all(queries.map((q) => q.get()));
    queryTimes.push(performance.now() - t0);
  }
  log(`${users} users: recompute ${times.map(ms).join(', ')}; read ${last.documentsRead} documents`);
  return {
    users,
    offeringWhatIWant: offering.data().count,
    wantingWhatIOffer: wanting.data().count,
    times,
    queryTimes,
    last,
  };
}

/** The triggers really were paused: the only matches are the ones the handler wrote. */
async function assertNoTriggerRan(db: Firestore, expected: number): Promise<void> {
  await new Promise((r) => setTimeout(r, 1500));
  const count = (await db.collectionGroup('matches').count().get()).data().count;
  if (count !== expected) {
    throw new Error(
      `expected ${expected} match documents, found ${count}: the matching trigger ran during the bulk write`,
    );
  }
}

// ------------------------------------------------------------------------------------ messages

const A = 'bench-chat-a';
const B = 'bench-chat-b';
const EXCHANGE = 'bench-exchange';
const PASSWORD = 'bench-password-123';

async function seedChat(adminApp: App, db: Firestore, now: Date): Promise<void> {
  for (const [uid, name] of [
    [A, 'Bench Ana'],
    [B, 'Bench Bo'],
  ] as const) {
    await db.doc(`users/${uid}`).set(profileDoc(uid, name, now, {}));
    await getAdminAuth(adminApp).createUser({
      uid,
      email: `${uid}@bench.skillverse.dev`,
      password: PASSWORD,
      displayName: name,
    });
  }
  await db.doc(`exchanges/${EXCHANGE}`).set({
    requesterId: A,
    providerId: B,
    participants: [A, B],
    offeredSkill: 'Spanish',
    requestedSkill: 'Python',
    message: 'Swap an hour a week?',
    status: 'active',
    terms: null,
    termsAcceptedBy: [A, B],
    completedBy: [],
    createdAt: now,
    updatedAt: now,
  });
}

/** A web-SDK client signed in as `uid`, on the emulators. */
async function webClient(uid: string) {
  const app = initializeClientApp({ apiKey: 'fake-api-key', projectId: env.projectId }, `bench-${uid}`);
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://${env.auth}`, { disableWarnings: true });
  await signInWithEmailAndPassword(auth, `${uid}@bench.skillverse.dev`, PASSWORD);
  const db = getFirestore(app);
  const [host, port] = env.firestore.split(':');
  connectFirestoreEmulator(db, host ?? '127.0.0.1', Number(port));
  return { app, db };
}

function messageText(i: number): string {
  const phrases = [
    'Does Tuesday at 7pm still work for you?',
    'Here is the exercise we talked about, try the first three before Thursday.',
    '¡Perfecto! Nos vemos el jueves.',
    'I pushed the notebook with the pandas examples, have a look when you can.',
    'Thanks, that explanation of the subjunctive finally clicked 🙂',
  ];
  return `${phrases[i % phrases.length]} (#${i})`;
}

/** Resolves `id` when a receiver reports it; the receivers call `arrived`. */
function arrivals() {
  const waiting = new Map<string, (at: number) => void>();
  return {
    expect(id: string, timeoutMs = 15_000): Promise<number> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`message ${id} not received after ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(id, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      });
    },
    arrived(id: string, at: number) {
      const done = waiting.get(id);
      waiting.delete(id);
      done?.(at);
    },
  };
}

async function measureMessages() {
  // Firestore: A writes as the chat page does, B listens with the chat page's query.
  const clientA = await webClient(A);
  const clientB = await webClient(B);
  const firestoreArrivals = arrivals();
  let unsubscribe = () => {};
  await new Promise<void>((resolve, reject) => {
    unsubscribe = onSnapshot(
      query(
        collection(clientB.db, `exchanges/${EXCHANGE}/messages`),
        orderBy('createdAt', 'desc'),
        limit(31),
      ),
      (snap) => {
        const at = performance.now();
        for (const change of snap.docChanges()) {
          if (change.type === 'added') firestoreArrivals.arrived(change.doc.id, at);
        }
        resolve();
      },
      reject,
    );
  });
  const messagesA = collection(clientA.db, `exchanges/${EXCHANGE}/messages`);

  // Socket.IO relay: same two people, same room per exchange.
  const relay = await startRelay();
  const socketA = await relayClient(relay.url, EXCHANGE);
  const socketB = await relayClient(relay.url, EXCHANGE);
  const relayArrivals = arrivals();
  socketB.on('message', (m: RelayMessage) => relayArrivals.arrived(m.id, performance.now()));

  const firestoreRtt: number[] = [];
  const firestoreAck: number[] = [];
  const relayRtt: number[] = [];
  for (let i = 0; i < WARMUP_MESSAGES + MESSAGES; i++) {
    const text = messageText(i);
    const counted = i >= WARMUP_MESSAGES;

    const ref = doc(messagesA);
    const seen = firestoreArrivals.expect(ref.id);
    const t0 = performance.now();
    const written = setDoc(ref, { senderId: A, text, attachments: [], createdAt: serverTimestamp() }).then(
      () => performance.now(),
    );
    const [at, ackAt] = await Promise.all([seen, written]);
    if (counted) {
      firestoreRtt.push(at - t0);
      firestoreAck.push(ackAt - t0);
    }

    const id = randomUUID();
    const relayed = relayArrivals.expect(id);
    const t1 = performance.now();
    socketA.emit('message', { id, exchangeId: EXCHANGE, senderId: A, text, sentAt: Date.now() });
    const relayedAt = await relayed;
    if (counted) relayRtt.push(relayedAt - t1);
  }

  unsubscribe();
  socketA.disconnect();
  socketB.disconnect();
  await relay.close();
  for (const client of [clientA, clientB]) {
    await terminate(client.db);
    await deleteClientApp(client.app);
  }
  return { firestoreRtt, firestoreAck, relayRtt };
}

// ------------------------------------------------------------------------------------ report

function matchingTable(rows: MatchingRow[]): string {
  const lines = [
    `| users | users matching query 1 / query 2 (count, no limit) | recompute p50 (min–max of ${RUNS}) | the 2 candidate queries alone, p50 | candidates read | documents read | documents written | matches kept |`,
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const s = summary(r.times);
    lines.push(
      `| ${r.users.toLocaleString('en-US')} | ${r.offeringWhatIWant.toLocaleString('en-US')} / ${r.wantingWhatIOffer.toLocaleString('en-US')} | ${ms(s.p50)} (${ms(s.min)}–${ms(s.max)}) | ${ms(summary(r.queryTimes).p50)} | ${r.last.candidatesRead} | ${r.last.documentsRead} | ${r.last.documentsWritten} | ${r.last.matches.length} |`,
    );
  }
  return lines.join('\n');
}

function messagesTable(m: Awaited<ReturnType<typeof measureMessages>>): string {
  const row = (what: string, samples: number[]) => {
    const s = summary(samples);
    return `| ${what} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} |`;
  };
  return [
    '| round trip, A sends → B sees | messages | p50 | p95 | max |',
    '| --- | ---: | ---: | ---: | ---: |',
    row(
      'Firestore emulator: web SDK `setDoc` (rules enforced, serverTimestamp) → `onSnapshot` on the chat query',
      m.firestoreRtt,
    ),
    row('Socket.IO relay 4.8.4 on 127.0.0.1: `emit` → room broadcast → `on("message")`', m.relayRtt),
    row('(Firestore: A’s own write acknowledged by the server)', m.firestoreAck),
  ].join('\n');
}

async function main() {
  const started = performance.now();
  const adminApp = initializeApp({ projectId: env.projectId }, 'bench-exchange');
  const db = getAdminFirestore(adminApp);
  const now = new Date();
  const rows: MatchingRow[] = [];

  log(`pausing background triggers through the emulator hub (${env.hub})`);
  await setTriggers(false);
  try {
    await db.doc(`users/${ME}`).set(measuredProfile(ME, now));
    await seedChat(adminApp, db, now);
    const sizes = SMALL > 0 && SMALL < USERS ? [SMALL, USERS] : [USERS];
    let seeded = 0;
    let expectedMatches = 0;
    for (const size of sizes) {
      const t0 = performance.now();
      await seedProfiles(db, seeded, size, now);
      log(`seeded users ${seeded}–${size - 1} in ${ms(performance.now() - t0)}`);
      seeded = size;
      await assertNoTriggerRan(db, expectedMatches);
      const row = await measureMatching(db, size, now);
      rows.push(row);
      expectedMatches = 2 * row.last.matches.length;
    }
  } finally {
    log('resuming background triggers');
    await setTriggers(true);
  }
  log(`chat: ${WARMUP_MESSAGES} warm-up + ${MESSAGES} messages each way, interleaved`);
  const messages = await measureMessages();
  await deleteApp(adminApp);

  const cpu = cpus();
  const gib = Math.round(totalmem() / 2 ** 30);
  console.log(`
Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${gib} GiB, Node ${process.version}; date ${new Date().toISOString()}
Command: SV_PORT_OFFSET=${process.env.SV_PORT_OFFSET ?? 0} npm run bench:exchange (total ${Math.round((performance.now() - started) / 1000)} s)

Matching one person (handler \`handleProfileWrite\` → \`recomputeMatches\`, admin SDK on the Firestore emulator; 2 \`array-contains-any\` queries of at most ${CANDIDATE_LIMIT} each, ${MAX_MATCHES} matches kept; query 1 = people who offer what this person wants, query 2 = people who want what they offer):

${matchingTable(rows)}

Chat message round trip (${MESSAGES} messages each, sequential, after ${WARMUP_MESSAGES} warm-up; Firestore and relay interleaved message by message):

${messagesTable(messages)}
`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

// Benchmark: live rooms of 50 and 200 people on the emulators (issue "Live sessions", Benchmark
// section; issue 17 §2: rooms whose cost grows with N, not N²).
//
//   SV_PORT_OFFSET=3000 npm run bench:live
//   (= node scripts/with-emulators.mjs -- npx tsx scripts/bench/live-room.ts)
//   BENCH_LIVE_SIZES=50,200 (the default) sets the room sizes, one room after the other.
//
// For each size N:
// 1. Admin SDK: a host and N attendees as real Auth accounts with active profiles and
//    registrations, a session with status `live`, and a room with history (chat, questions, two
//    polls with votes, hands, a speaker, everyone's presence).
// 2. N Node clients (firebase JS SDK, one app each, signed in through the Auth emulator, so the
//    security rules apply) join the way the web room does (./lib/live-queries.ts) and count the
//    documents each listener's first snapshot delivers: the documents read to join.
// 3. Idle: for one minute nothing happens but everyone's presence heartbeat (one each, spread over
//    the minute, as the web's usePresenceHeartbeat sends them): the documents each client receives
//    are its idle reads per minute.
// 4. Fan-out: the host posts 70 chat messages; the host opens a poll and the N attendees vote.
//    For every (event, receiving client) pair, the time from the write call to the snapshot that
//    shows it (for a vote: the poll's server-kept totalVotes including it, which the tally
//    trigger onPollVoteCreated writes, so triggers are resumed once the room is set up). Everything runs in this one Node process on the emulator's machine: timings include
//    this process's event loop and are emulator figures, not production latencies.
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  type App,
  deleteApp as deleteAdminApp,
  initializeApp as initializeAdminApp,
} from 'firebase-admin/app';
import { getAuth as getAdminAuth } from 'firebase-admin/auth';
import { getFirestore as getAdminFirestore, Timestamp } from 'firebase-admin/firestore';
import { deleteApp, type FirebaseApp, initializeApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from 'firebase/auth';
import {
  type DocumentReference,
  collection,
  connectFirestoreEmulator,
  doc,
  type Firestore,
  getFirestore,
  onSnapshot,
  type Query,
  serverTimestamp,
  setDoc,
  updateDoc,
} from 'firebase/firestore';
import { pauseTriggers } from '../seed/lib/write';
import { roomListeners, webChatLimit } from './lib/live-queries';

const SIZES = (process.env.BENCH_LIVE_SIZES ?? '50,200')
  .split(',')
  .map((n) => Number(n.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const IDLE_MS = 60_000; // one minute of heartbeats only
const CHAT_HISTORY = 100;
const QUESTIONS = 10;
const HANDS = 4;
const CHAT_EVENTS = 50;
const SEQUENTIAL_EVENTS = 20; // events sent one at a time, each after the previous reached everyone
const CHAT_INTERVAL_MS = 250; // a busy room: four messages a second
const VOTE_WINDOW_MS = 10_000; // everyone votes within ten seconds of the poll opening
const JOIN_CONCURRENCY = 10; // clients joining at once (2 cores shared with the emulators)
const DELIVERY_TIMEOUT_MS = 120_000;
const OVERALL_TIMEOUT_MS = 30 * 60_000;
const PASSWORD = 'bench-live-pass';
/** The room being measured (one per size: its own session, host and attendees). */
let ATTENDEES = 50;
let SESSION_ID = 'bench-live-room';
let HOST_UID = 'bench-host';
let attendeeUid = (i: number) => `bench-u${String(i + 1).padStart(2, '0')}`;
function useRoom(n: number): void {
  ATTENDEES = n;
  SESSION_ID = `bench-live-room-${n}`;
  HOST_UID = `bench-host-${n}`;
  attendeeUid = (i: number) => `bench-${n}-u${String(i + 1).padStart(3, '0')}`;
}

const projectId = process.env.GCLOUD_PROJECT ?? 'demo-skillverse';
const firestoreHost = process.env.FIRESTORE_EMULATOR_HOST;
const authHost = process.env.FIREBASE_AUTH_EMULATOR_HOST;
if (!firestoreHost || !authHost) {
  console.error(
    'bench:live needs the emulators (FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST).\n' +
      'Run: SV_PORT_OFFSET=3000 npm run bench:live',
  );
  process.exit(2);
}
const watchdog = setTimeout(() => {
  console.error(`bench:live: gave up after ${OVERALL_TIMEOUT_MS / 1000} s`);
  process.exit(1);
}, OVERALL_TIMEOUT_MS);
watchdog.unref();

const LOAD_AT_START = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
const log = (line: string) => console.error(`[bench:live ${(performance.now() / 1000).toFixed(1)}s] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function mapLimit<T, R>(
  items: readonly T[],
  n: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i] as T, i);
      }
    }),
  );
  return out;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

// ------------------------------------------------------------------------------ 1. the room

async function setUpRoom(admin: App, chatLimit: number): Promise<void> {
  const db = getAdminFirestore(admin);
  const auth = getAdminAuth(admin);
  const now = Date.now();
  const ts = (msAgo: number) => Timestamp.fromMillis(now - msAgo);
  const start = now - 40 * 60_000;
  const people = [
    { uid: HOST_UID, name: 'Bench Host', email: `${HOST_UID}@skillverse.test`, educator: true },
    ...Array.from({ length: ATTENDEES }, (_, i) => ({
      uid: attendeeUid(i),
      name: `Attendee ${i + 1}`,
      email: `${attendeeUid(i)}@skillverse.test`,
      educator: false,
    })),
  ];
  const attendees = people.slice(1);
  const pick = (i: number) => people[i % people.length] as (typeof people)[number];

  const writes: [string, Record<string, unknown>][] = [];
  const put = (path: string, data: Record<string, unknown>) => writes.push([path, data]);
  // Profiles before Auth users, as the seed does: onUserCreated then finds them and backs off.
  for (const p of people) {
    put(`users/${p.uid}`, {
      displayName: p.name,
      photoURL: null,
      status: 'active',
      roles: p.educator ? ['educator'] : [],
      createdAt: ts(86_400_000),
    });
  }
  const room = `liveSessions/${SESSION_ID}`;
  put(room, {
    hostId: HOST_UID,
    title: `Bench: ${ATTENDEES}-person live room`,
    description: 'Created by scripts/bench/live-room.ts.',
    courseId: null,
    scheduledAt: Timestamp.fromMillis(start),
    durationMin: 90,
    capacity: Math.max(100, ATTENDEES),
    status: 'live',
    registeredCount: ATTENDEES,
    recordingEnabled: false,
    recordingUrl: null,
    startedAt: Timestamp.fromMillis(start),
    endedAt: null,
    hostName: 'Bench Host',
    hostPhotoURL: null,
    createdAt: ts(3 * 86_400_000),
    updatedAt: Timestamp.fromMillis(start),
  });
  for (const a of attendees) {
    put(`${room}/registrations/${a.uid}`, { uid: a.uid, displayName: a.name, registeredAt: ts(86_400_000) });
  }
  for (let i = 0; i < CHAT_HISTORY; i++) {
    put(`${room}/chat/h${String(i).padStart(3, '0')}`, {
      senderId: pick(i * 7).uid,
      text: `History message ${i + 1}: a question about the last slide, or a thank-you.`,
      createdAt: ts((CHAT_HISTORY - i) * 20_000),
    });
  }
  for (let i = 0; i < QUESTIONS; i++) {
    put(`${room}/questions/q${i}`, {
      authorId: attendeeUid(i * 3),
      text: `Question ${i + 1}: how would this work with a larger data set?`,
      upvoterIds: Array.from({ length: i % 5 }, (_, k) => attendeeUid(k * 5 + 1)),
      answered: i < 3,
      createdAt: ts((QUESTIONS - i) * 120_000),
    });
  }
  // Two earlier polls: one closed with 45 votes, one still open with 30 (fewer in a smaller room).
  const earlier = [
    { id: 'p1', open: false, voters: Math.min(45, ATTENDEES), at: 30 * 60_000 },
    { id: 'p2', open: true, voters: Math.min(30, ATTENDEES), at: 10 * 60_000 },
  ];
  for (const p of earlier) {
    put(`${room}/polls/${p.id}`, {
      question: `Poll ${p.id}: which topic next?`,
      options: ['Hooks', 'Routing', 'Testing'],
      open: p.open,
      counts: Object.fromEntries(
        [0, 1, 2].map((o) => [
          String(o),
          Array.from({ length: p.voters }, (_, i) => i % 3 === o).filter(Boolean).length,
        ]),
      ),
      totalVotes: p.voters,
      createdAt: ts(p.at),
      updatedAt: ts(p.at - 60_000),
    });
    for (let i = 0; i < p.voters; i++) {
      put(`${room}/polls/${p.id}/votes/${attendeeUid(i)}`, {
        uid: attendeeUid(i),
        optionIndex: i % 3,
        createdAt: ts(p.at - 30_000),
        countedAt: ts(p.at - 30_000),
      });
    }
  }
  for (let i = 0; i < HANDS; i++) {
    put(`${room}/hands/${attendeeUid(i * 11)}`, {
      uid: attendeeUid(i * 11),
      raisedAt: ts((HANDS - i) * 30_000),
    });
  }
  put(`${room}/speakers/${attendeeUid(0)}`, { uid: attendeeUid(0), grantedAt: ts(5 * 60_000) });
  // Everyone is already in the room (presence documents are never deleted; leaving sets
  // present: false), so every join sees the same room and the reads per join are comparable.
  for (const p of people) {
    put(`${room}/presence/${p.uid}`, {
      uid: p.uid,
      displayName: p.name,
      photoURL: null,
      present: true,
      joinedAt: ts(30 * 60_000),
      lastSeenAt: ts(30_000),
    });
  }
  for (let i = 0; i < writes.length; i += 400) {
    const batch = db.batch();
    for (const [path, data] of writes.slice(i, i + 400)) batch.set(db.doc(path), data);
    await batch.commit();
  }
  await mapLimit(people, 8, async (p) => {
    await auth.createUser({
      uid: p.uid,
      email: p.email,
      password: PASSWORD,
      displayName: p.name,
      emailVerified: true,
    });
    if (p.educator) await auth.setCustomUserClaims(p.uid, { educator: true });
  });
  log(
    `room ready: ${people.length} accounts, ${writes.length} documents (chat history ${CHAT_HISTORY}, web chat limit ${chatLimit})`,
  );
}

// ------------------------------------------------------------------------------ 2. clients

interface Client {
  uid: string;
  app: FirebaseApp;
  db: Firestore;
  unsubscribes: (() => void)[];
  /** Documents in each listener's first snapshot (a document listener counts 1, as it is billed). */
  joinReads: Map<string, number>;
  /** Documents added or modified in later snapshots (each a billed read in production). */
  laterReads: number;
  /** Of those, poll documents (a poll opened or its tally changed). */
  pollReads: number;
  joinMs: number;
  /** When this client first saw an event (`chat:<id>`, `poll:<id>`, `tally:<pollId>/<n>`: the poll's totalVotes reached n). */
  seen: Map<string, number>;
  votesOpen: Map<string, Promise<void>>;
}

function newClient(uid: string, index: number): Client {
  const app = initializeApp(
    { apiKey: 'bench-api-key', projectId, authDomain: `${projectId}.firebaseapp.com` },
    `bench-live-${index}`,
  );
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://${authHost}`, { disableWarnings: true });
  const db = getFirestore(app);
  const [host, port] = (firestoreHost as string).split(':');
  connectFirestoreEmulator(db, host as string, Number(port));
  return {
    uid,
    app,
    db,
    unsubscribes: [],
    joinReads: new Map(),
    laterReads: 0,
    pollReads: 0,
    joinMs: 0,
    seen: new Map(),
    votesOpen: new Map(),
  };
}

/** Opens a query listener; resolves with the first snapshot's size. */
function listenQuery(c: Client, name: string, q: Query, event?: (id: string) => string): Promise<number> {
  return new Promise((resolve, reject) => {
    let first = true;
    const unsubscribe = onSnapshot(
      q,
      (snap) => {
        const at = performance.now();
        if (first) {
          first = false;
          if (c.joinMs === 0) c.joinReads.set(name, snap.size);
          else c.laterReads += snap.size; // a listener opened after the join (a new poll's votes)
          resolve(snap.size);
          return;
        }
        for (const change of snap.docChanges()) {
          if (change.type === 'removed') continue;
          c.laterReads += 1;
          if (change.type === 'added' && event) {
            const key = event(change.doc.id);
            if (!c.seen.has(key)) c.seen.set(key, at);
          }
        }
      },
      (error) => reject(new Error(`${c.uid} ${name}: ${error.code} ${error.message}`)),
    );
    c.unsubscribes.push(unsubscribe);
  });
}

function listenDoc(c: Client, name: string, ref: DocumentReference, atJoin = true): Promise<void> {
  return new Promise((resolve, reject) => {
    let first = true;
    const unsubscribe = onSnapshot(
      ref,
      () => {
        if (first) {
          first = false;
          if (atJoin) c.joinReads.set(name, 1);
          resolve();
        } else c.laterReads += 1;
      },
      (error) => reject(new Error(`${c.uid} ${name}: ${error.code} ${error.message}`)),
    );
    c.unsubscribes.push(unsubscribe);
  });
}

/** Like a PollCard mounting for an attendee: a listener on their own vote in each poll shown. */
function openMyVote(c: Client, pollId: string, ref: DocumentReference): Promise<void> {
  let opened = c.votesOpen.get(pollId);
  if (!opened) {
    if (c.uid === HOST_UID) opened = Promise.resolve();
    else if (c.joinMs === 0) opened = listenDoc(c, `my vote ${pollId}`, ref);
    else {
      c.laterReads += 1; // a listener opened after the join (a new poll): one document
      opened = listenDoc(c, `my vote ${pollId}`, ref, false);
    }
    c.votesOpen.set(pollId, opened);
  }
  return opened;
}

/** Records when this client's polls listener first showed each poll's totalVotes reach n. */
function seeTally(c: Client, pollId: string, totalVotes: unknown, at: number): void {
  const total = typeof totalVotes === 'number' ? totalVotes : 0;
  for (let k = 1; k <= total; k++) {
    const key = `tally:${pollId}/${k}`;
    if (!c.seen.has(key)) c.seen.set(key, at);
  }
}

/** Signs in and opens the room's listeners in the web page's order; resolves when all have data. */
async function join(c: Client, chatLimit: number): Promise<void> {
  await signInWithEmailAndPassword(getAuth(c.app), `${c.uid}@skillverse.test`, PASSWORD);
  const l = roomListeners(c.db, SESSION_ID, c.uid, chatLimit);
  const started = performance.now();
  const registration = listenDoc(c, 'my registration', l.registration);
  await listenDoc(c, 'session', l.session);
  const pending: Promise<unknown>[] = [registration];
  for (const { name, ref } of l.docs ?? []) pending.push(listenDoc(c, name, ref));
  for (const { name, query: q } of l.queries) {
    if (name === 'polls') {
      pending.push(
        new Promise<void>((resolve, reject) => {
          let first = true;
          const unsubscribe = onSnapshot(
            q,
            (snap) => {
              const at = performance.now();
              const votes = snap.docs.map((d) => openMyVote(c, d.id, l.myVote(d.id)));
              if (first) {
                first = false;
                c.joinReads.set('polls', snap.size);
                Promise.all(votes).then(() => resolve(), reject);
                return;
              }
              for (const change of snap.docChanges()) {
                if (change.type === 'removed') continue;
                c.laterReads += 1;
                c.pollReads += 1;
                const key = `poll:${change.doc.id}`;
                if (change.type === 'added' && !c.seen.has(key)) c.seen.set(key, at);
                seeTally(c, change.doc.id, change.doc.get('totalVotes'), at);
              }
            },
            (error) => reject(new Error(`${c.uid} polls: ${error.code} ${error.message}`)),
          );
          c.unsubscribes.push(unsubscribe);
        }),
      );
    } else {
      pending.push(listenQuery(c, name, q, name === 'chat' ? (id) => `chat:${id}` : undefined));
    }
  }
  await Promise.all(pending);
  c.joinMs = performance.now() - started;
  // usePresenceHeartbeat: refresh my presence, or enter the room when I have none yet.
  const presence = doc(c.db, `liveSessions/${SESSION_ID}/presence/${c.uid}`);
  await updateDoc(presence, { present: true, lastSeenAt: serverTimestamp() }).catch(() =>
    setDoc(presence, {
      uid: c.uid,
      displayName: c.uid,
      photoURL: null,
      present: true,
      joinedAt: serverTimestamp(),
      lastSeenAt: serverTimestamp(),
    }),
  );
}

async function waitFor(what: string, done: () => boolean, timeoutMs = DELIVERY_TIMEOUT_MS): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

// ------------------------------------------------------------------------------ 3. fan-out

interface Sent {
  key: string;
  at: number;
  /** The client that wrote it sees its own write locally at once; it is not a receiver. */
  author: string;
}

function latencies(sent: Sent[], receivers: Client[]): number[] {
  const out: number[] = [];
  for (const s of sent) {
    for (const c of receivers) {
      if (c.uid === s.author) continue;
      const at = c.seen.get(s.key);
      if (at !== undefined) out.push(at - s.at);
    }
  }
  return out.sort((a, b) => a - b);
}

function row(label: string, values: number[]): string {
  const f = (n: number) => `${Math.round(n)} ms`;
  return `| ${label} | ${values.length} | ${f(percentile(values, 50))} | ${f(percentile(values, 95))} | ${f(values[values.length - 1] ?? Number.NaN)} |`;
}

interface RoomResult {
  n: number;
  chatLimit: number;
  attendees: Client[];
  chatOne: Sent[];
  chatBurst: Sent[];
  pollSent: Sent[];
  voteOne: Sent[];
  voteBurst: Sent[];
  voteIntervalMs: number;
  change: string;
  /** Documents each attendee received during the idle minute. */
  idle: number[];
  /** Poll documents each attendee received while everyone voted on the second poll. */
  burstPollReads: number[];
  loadAtStart: string;
}

let appIndex = 0;

async function runRoom(admin: App, chatLimit: number, n: number): Promise<RoomResult> {
  useRoom(n);
  const loadAtStart = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const resumeTriggers = await pauseTriggers(log);
  const clients: Client[] = [];
  try {
    await setUpRoom(admin, chatLimit);
    // The room's history is written (its votes already counted); the triggers run from here.
    await resumeTriggers();

    const host = newClient(HOST_UID, appIndex++);
    const attendees = Array.from({ length: ATTENDEES }, (_, i) => newClient(attendeeUid(i), appIndex++));
    clients.push(host, ...attendees);
    await join(host, chatLimit);
    await mapLimit(attendees, JOIN_CONCURRENCY, (c) => join(c, chatLimit));
    log(`${attendees.length} clients joined`);
    await sleep(5_000); // let the presence heartbeats (and anything they trigger) settle

    // Idle: one minute of heartbeats only, one per person spread over the minute.
    for (const c of clients) c.laterReads = 0;
    const idleStart = performance.now();
    await Promise.all(
      clients.map(async (c, i) => {
        await sleep((i * IDLE_MS) / clients.length);
        await updateDoc(doc(c.db, `liveSessions/${SESSION_ID}/presence/${c.uid}`), {
          present: true,
          lastSeenAt: serverTimestamp(),
        });
      }),
    );
    await sleep(Math.max(0, IDLE_MS - (performance.now() - idleStart)));
    const idle = attendees.map((c) => c.laterReads).sort((a, b) => a - b);
    log(`idle minute: median ${percentile(idle, 50)} documents per client`);
    for (const c of clients) c.laterReads = 0;

    const chatPath = `liveSessions/${SESSION_ID}/chat`;
    const sendChat = (i: number): Sent & { write: Promise<unknown> } => {
      const ref = doc(collection(host.db, chatPath));
      const at = performance.now();
      const write = setDoc(ref, {
        senderId: HOST_UID,
        text: `Live message ${i + 1}`,
        createdAt: serverTimestamp(),
      });
      return { key: `chat:${ref.id}`, at, author: HOST_UID, write };
    };
    const reachedAll = (s: Sent) => attendees.every((c) => c.uid === s.author || c.seen.has(s.key));

    // Chat one at a time: each message once the previous one reached everybody (pure fan-out).
    const chatOne: Sent[] = [];
    for (let i = 0; i < SEQUENTIAL_EVENTS; i++) {
      const s = sendChat(i);
      chatOne.push(s);
      await s.write;
      await waitFor('chat delivery', () => reachedAll(s));
    }
    // Chat in a busy room: the host posts CHAT_EVENTS messages, one every CHAT_INTERVAL_MS.
    const chatBurst: (Sent & { write: Promise<unknown> })[] = [];
    for (let i = 0; i < CHAT_EVENTS; i++) {
      chatBurst.push(sendChat(SEQUENTIAL_EVENTS + i));
      await sleep(CHAT_INTERVAL_MS);
    }
    await Promise.all(chatBurst.map((s) => s.write));
    await waitFor('chat delivery', () => chatBurst.every(reachedAll));
    log('chat delivered');

    // Votes: the host opens a poll (as createPoll does) and attendees vote in it.
    const openPoll = async (question: string): Promise<{ id: string; sent: Sent }> => {
      const ref = doc(collection(host.db, `liveSessions/${SESSION_ID}/polls`));
      const sent: Sent = { key: `poll:${ref.id}`, at: performance.now(), author: HOST_UID };
      await setDoc(ref, {
        question,
        options: ['Chat', 'Polls', 'Hands'],
        open: true,
        createdAt: serverTimestamp(),
      });
      await waitFor('the new poll', () => reachedAll(sent));
      await Promise.all(attendees.map((c) => c.votesOpen.get(ref.id)));
      return { id: ref.id, sent };
    };
    // A vote reaches a client when its poll shows a totalVotes that includes it: the i-th vote
    // sent is taken as the (i+1)-th counted (exact one at a time; in the burst, votes sent apart
    // are counted in about the order sent).
    const vote = (pollId: string, c: Client, i: number): Sent & { write: Promise<unknown> } => {
      const ref = doc(c.db, `liveSessions/${SESSION_ID}/polls/${pollId}/votes/${c.uid}`);
      const at = performance.now();
      const write = setDoc(ref, { uid: c.uid, optionIndex: i % 3, createdAt: serverTimestamp() });
      return { key: `tally:${pollId}/${i + 1}`, at, author: c.uid, write };
    };
    // One at a time: SEQUENTIAL_EVENTS attendees vote, each once the previous vote reached everybody.
    const pollA = await openPoll('Bench: which example next?');
    const voteOne: Sent[] = [];
    for (const [i, c] of attendees.slice(0, SEQUENTIAL_EVENTS).entries()) {
      const s = vote(pollA.id, c, i);
      voteOne.push(s);
      await s.write;
      await waitFor('vote delivery', () => reachedAll(s));
    }
    // Everyone votes on a second poll within ten seconds.
    const pollB = await openPoll('Bench: and after that?');
    for (const c of clients) c.pollReads = 0;
    const voteIntervalMs = VOTE_WINDOW_MS / attendees.length;
    const voteBurst: (Sent & { write: Promise<unknown> })[] = [];
    for (const [i, c] of attendees.entries()) {
      voteBurst.push(vote(pollB.id, c, i));
      await sleep(voteIntervalMs);
    }
    await Promise.all(voteBurst.map((s) => s.write));
    await waitFor('vote delivery', () => voteBurst.every(reachedAll));
    const burstPollReads = attendees.map((c) => c.pollReads).sort((a, b) => a - b);
    log('votes delivered');
    const pollSent = [pollA.sent, pollB.sent];
    // Votes are final under the rules: changing one is refused.
    const first = attendees[0] as Client;
    const change = await updateDoc(
      doc(first.db, `liveSessions/${SESSION_ID}/polls/${pollB.id}/votes/${first.uid}`),
      {
        optionIndex: 2,
      },
    ).then(
      () => 'allowed',
      (e: { code?: string }) => `refused (${e.code})`,
    );

    return {
      n,
      chatLimit,
      attendees,
      chatOne,
      chatBurst,
      pollSent,
      voteOne,
      voteBurst,
      voteIntervalMs,
      change,
      idle,
      burstPollReads,
      loadAtStart,
    };
  } finally {
    for (const c of clients) for (const u of c.unsubscribes) u();
    await Promise.all(clients.map((c) => deleteApp(c.app).catch(() => undefined)));
    await resumeTriggers();
  }
}

async function main(): Promise<void> {
  // BENCH_CHAT_LIMIT tries another chat history limit than the web app's, to see what it would change.
  const chatLimit = Number(process.env.BENCH_CHAT_LIMIT) || webChatLimit();
  const admin = initializeAdminApp({ projectId }, 'bench-live-admin');
  const results: RoomResult[] = [];
  try {
    for (const n of SIZES) {
      log(`room of ${n} attendees`);
      const r = await runRoom(admin, chatLimit, n);
      results.push(r);
      console.log(report(r));
      console.log('');
    }
    console.log(summary(results));
  } finally {
    await deleteAdminApp(admin).catch(() => undefined);
  }
}

function range(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  return min === max ? String(min) : `${min}–${max}`;
}

/** One row per room size: what issue 17 §2 asks to compare. */
function summary(results: RoomResult[]): string {
  const ms = (values: number[]) =>
    `${Math.round(percentile(values, 50))} / ${Math.round(percentile(values, 95))} ms`;
  const lines = [
    `Load average at start ${LOAD_AT_START} (2 shared cores; other work was running on the machine).`,
    '',
    '| clients | reads to join (per attendee) | idle reads per client per minute (median, max) | chat fan-out p50 / p95 (busy room) | vote → tally p50 / p95 (everyone votes) | poll updates per client while everyone votes (median) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const joins = r.attendees.map((c) => [...c.joinReads.values()].reduce((a, b) => a + b, 0));
    lines.push(
      `| ${r.n} | ${range(joins)} | ${percentile(r.idle, 50)}, ${r.idle[r.idle.length - 1]} | ${ms(latencies(r.chatBurst, r.attendees))} | ${ms(latencies(r.voteBurst, r.attendees))} | ${percentile(r.burstPollReads, 50)} |`,
    );
  }
  return lines.join('\n');
}

function report(r: RoomResult): string {
  const { attendees } = r;
  const names = [...((attendees[0] as Client).joinReads.keys() ?? [])];
  const l = roomListeners((attendees[0] as Client).db, SESSION_ID, 'x', r.chatLimit);
  const shape = new Map([
    ...l.queries.map((q) => [q.name, q.shape] as const),
    ...(l.docs ?? []).map((d) => [d.name, d.shape] as const),
  ]);
  const readRows = names.map((name) => {
    const counts = attendees.map((c) => c.joinReads.get(name) ?? 0).sort((a, b) => a - b);
    const min = counts[0];
    const max = counts[counts.length - 1];
    const what = shape.get(name) ?? (name.startsWith('my vote') ? 'my vote document' : 'document');
    return `| ${name} | ${what} | ${min === max ? min : `${min}–${max}`} |`;
  });
  const totals = attendees
    .map((c) => [...c.joinReads.values()].reduce((a, b) => a + b, 0))
    .sort((a, b) => a - b);
  const votesTotal = (attendees[0] as Client).joinReads;
  const votesJoin = [...votesTotal.entries()]
    .filter(([n]) => n.startsWith('my vote'))
    .reduce((a, [, v]) => a + v, 0);
  const later = attendees.map((c) => c.laterReads).sort((a, b) => a - b);
  const n = attendees.length;
  const joins = attendees.map((c) => c.joinMs).sort((a, b) => a - b);
  const cpu = cpus();
  const lines = [
    `### ${n} attendees`,
    '',
    `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    `${attendees.length} attendee clients + the host, all in one Node process beside the emulators (load average at start ${r.loadAtStart}); joins ${JOIN_CONCURRENCY} at a time; chat every ${CHAT_INTERVAL_MS} ms, votes every ${Math.round(r.voteIntervalMs)} ms.`,
    '',
    '| fan-out (write call → snapshot in a listening client) | pairs | p50 | p95 | max |',
    '| --- | ---: | ---: | ---: | ---: |',
    row(
      `chat, one at a time (${r.chatOne.length} messages from the host → ${n} clients)`,
      latencies(r.chatOne, attendees),
    ),
    row(
      `chat, busy room (${r.chatBurst.length} messages, one every ${CHAT_INTERVAL_MS} ms → ${n} clients)`,
      latencies(r.chatBurst, attendees),
    ),
    row(
      `poll vote → tally on the poll, one at a time (${r.voteOne.length} voters → the ${n - 1} other clients)`,
      latencies(r.voteOne, attendees),
    ),
    row(
      `poll vote → tally on the poll, everyone votes (${r.voteBurst.length} voters, one every ${Math.round(r.voteIntervalMs)} ms → ${n - 1} others)`,
      latencies(r.voteBurst, attendees),
    ),
    row(`new poll (${r.pollSent.length} from the host → ${n} clients)`, latencies(r.pollSent, attendees)),
    row('join: listeners opened → every first snapshot (per client)', joins),
    '',
    `| documents read to join (per client; room: ${CHAT_HISTORY} chat messages, ${QUESTIONS} questions, 2 earlier polls, ${HANDS} hands, 1 speaker, ${attendees.length + 1} people present) | query | docs |`,
    '| --- | --- | ---: |',
    ...readRows,
    `| **total** | | **${totals[0] === totals[totals.length - 1] ? totals[0] : `${totals[0]}–${totals[totals.length - 1]}`}** (of which votes ${votesJoin}) |`,
    '',
    `Idle minute (heartbeats only): documents received per client, median ${percentile(r.idle, 50)}, max ${r.idle[r.idle.length - 1]}.`,
    `Documents delivered per client after the idle minute, during the fan-out (each a billed read in production): median ${percentile(later, 50)}, max ${later[later.length - 1]}; poll documents while everyone voted: median ${percentile(r.burstPollReads, 50)}.`,
    `Changing a cast vote: ${r.change}.`,
  ];
  return lines.join('\n');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

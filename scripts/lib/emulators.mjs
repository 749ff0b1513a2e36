// Prepares the Firebase emulators to run offline on machines that ship the Google Cloud
// emulator packages (Debian's google-cloud-cli-firestore-emulator / -pubsub-emulator) and says
// which emulators can start here.
//
// - When the Debian package's Firestore jar exists, a copy with a Main-Class manifest entry is
//   made once under .cache/ and firebase-tools is pointed at it (FIRESTORE_EMULATOR_BINARY_PATH);
//   the installed Pub/Sub emulator likewise. Otherwise firebase-tools downloads its own, as on
//   any laptop with internet.
// - The Storage emulator needs a rules-runtime jar that firebase-tools downloads; it is started
//   only where that jar is cached or the machine is not an offline one. (The Emulator UI is off in
//   firebase.json.)
// - functions/.secret.local gets an override for every declared secret (./local-secrets.mjs), so
//   the Functions emulator never asks Secret Manager.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emulatorHosting } from './hosting-headers.mjs';
import { ensureLocalSecrets } from './local-secrets.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PROJECT_ID = process.env.GCLOUD_PROJECT || 'demo-skillverse';
export const PORTS = {
  auth: 9099,
  firestore: 8080,
  functions: 5001,
  pubsub: 8085,
  storage: 9199,
  hosting: 5002,
};

const FIRESTORE_MAIN = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';
const DEFAULT_FIRESTORE_JAR =
  '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar';
const DEFAULT_PUBSUB_BIN = '/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator';

function fromDpkg(pkg, pattern) {
  const out = spawnSync('dpkg', ['-L', pkg], { encoding: 'utf8' });
  if (out.status !== 0) return undefined;
  return out.stdout.split('\n').find((line) => pattern.test(line));
}

export function javaMajorVersion() {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (out.error || out.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(out.stderr || out.stdout);
  if (!match) return undefined;
  return match[1] === '1' ? Number(match[2]) : Number(match[1]);
}

/** Builds (once) a runnable copy of the installed Firestore emulator jar. */
function preparedFirestoreJar() {
  const installed =
    fromDpkg('google-cloud-cli-firestore-emulator', /cloud-firestore-emulator\.jar$/) ??
    (existsSync(DEFAULT_FIRESTORE_JAR) ? DEFAULT_FIRESTORE_JAR : undefined);
  if (!installed || !existsSync(installed)) return undefined;
  const cacheDir = join(ROOT, '.cache', 'emulators');
  const copy = join(cacheDir, 'cloud-firestore-emulator-runnable.jar');
  if (!existsSync(copy)) {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${copy}.tmp`;
    copyFileSync(installed, tmp);
    const manifest = join(cacheDir, 'manifest.txt');
    writeFileSync(manifest, `Main-Class: ${FIRESTORE_MAIN}\n`);
    execFileSync('jar', ['ufm', tmp, manifest], { stdio: 'ignore' });
    copyFileSync(tmp, copy);
  }
  return copy;
}

function installedPubsub() {
  const bin =
    fromDpkg('google-cloud-cli-pubsub-emulator', /bin\/cloud-pubsub-emulator$/) ??
    (existsSync(DEFAULT_PUBSUB_BIN) ? DEFAULT_PUBSUB_BIN : undefined);
  return bin && existsSync(bin) ? bin : undefined;
}

function storageRuntimeCached() {
  const dir = join(homedir(), '.cache', 'firebase', 'emulators');
  return existsSync(join(dir, 'cloud-storage-rules-runtime-v1.1.3.jar'));
}

/**
 * firebase-tools fetches its "message of the day" on every command and, offline, prints "Unable to
 * fetch the CLI MOTD and remote config…" — a warning that looks like a failure. It skips the fetch
 * for a day after a successful one (configstore `motd.fetched`); on an offline machine (the
 * installed emulator jars are in use) record an empty MOTD as fetched now. Online machines are
 * left alone, so they still get real notices.
 */
function quietOfflineMotd() {
  const dir = join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'configstore');
  const file = join(dir, 'firebase-tools.json');
  try {
    const text = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
    const store = text ? JSON.parse(text) : {};
    const fetched = store.motd?.fetched ?? 0;
    if (fetched > Date.now() - 12 * 60 * 60 * 1000) return;
    store.motd = { ...(store.motd ?? {}), fetched: Date.now() };
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(store, null, '\t')}\n`);
  } catch {
    // a cosmetic fix: never stop a run for it
  }
}

/**
 * Works out how the emulators can run on this machine.
 * @returns {{ available: boolean, reason?: string, env: Record<string,string>, only: string[], storage: boolean, offline: boolean }}
 */
export function emulatorPlan({ withHosting = false } = {}) {
  const env = { ...process.env };
  const java = javaMajorVersion();
  if (!java) {
    return {
      available: false,
      reason: 'no Java runtime on PATH (the Firestore emulator needs Java)',
      env,
      only: [],
      storage: false,
      offline: false,
    };
  }
  ensureLocalSecrets(ROOT);
  const jar = preparedFirestoreJar();
  const offline = Boolean(jar);
  if (jar) env.FIRESTORE_EMULATOR_BINARY_PATH = jar;
  if (offline) quietOfflineMotd();
  // Every Admin SDK process here (seed, tests, function discovery) would otherwise probe for a GCE
  // metadata server and print "MetadataLookupWarning: received unexpected error…".
  env.METADATA_SERVER_DETECTION ??= 'none';
  // The Functions emulator starts one worker per concurrent request and gives each 30 s to load
  // (this variable); many simultaneous requests on a loaded 2-core machine take longer, and a
  // worker that misses it leaves its request hanging ("Failed to load function.").
  env.FUNCTIONS_DISCOVERY_TIMEOUT ??= '240';
  const pubsub = installedPubsub();
  if (pubsub) env.PUBSUB_EMULATOR_BINARY_PATH = pubsub;
  if (!jar && java < 21) {
    return {
      available: false,
      reason: `Java ${java} without the installed Google Cloud Firestore emulator jar: firebase-tools would download a jar that needs Java 21`,
      env,
      only: [],
      storage: false,
      offline,
    };
  }
  const storage = process.env.SV_STORAGE_EMULATOR === '0' ? false : !offline || storageRuntimeCached();
  const only = ['auth', 'firestore', 'functions', 'pubsub'];
  if (storage) only.push('storage');
  if (withHosting) only.push('hosting');
  env.SV_STORAGE_EMULATOR = storage ? '1' : '0';
  env.GCLOUD_PROJECT = PROJECT_ID;
  // Ports every script and test reads (never hard-code them): shifted by SV_PORT_OFFSET.
  const offset = Number(process.env.SV_PORT_OFFSET || 0);
  for (const [name, port] of Object.entries(PORTS))
    env[`SV_${name.toUpperCase()}_PORT`] = String(port + offset);
  return { available: true, env, only, storage, offline };
}

/**
 * With SV_PORT_OFFSET=N (a multiple of 1000, e.g. 1000 or 2000) writes firebase.offset-N.json beside firebase.json with every
 * emulator port shifted by N, so several stacks can run side by side (parallel helpers, a
 * developer's `npm start` while `npm test` runs). Returns the config path to pass as --config.
 * With `withHosting` (any offset, 0 included) the generated config's hosting section serves this
 * stack's production build (web/dist or web/dist-N, see webOutDir()) and its CSP also allows this
 * stack's emulator origins (scripts/lib/hosting-headers.mjs says why); firebase.json is untouched.
 */
export function firebaseConfig({ withHosting = false } = {}) {
  const offset = Number(process.env.SV_PORT_OFFSET || 0);
  const base = join(ROOT, 'firebase.json');
  if (!offset && !withHosting) return base;
  const config = JSON.parse(readFileSync(base, 'utf8'));
  if (withHosting) {
    const ports = Object.fromEntries(Object.entries(PORTS).map(([name, port]) => [name, port + offset]));
    // Same folder as webOutDir() in ./web-env.mjs (not imported: that module imports this one).
    const publicDir = offset ? `web/dist-${offset}` : 'web/dist';
    config.hosting = emulatorHosting(config.hosting, { publicDir, ports });
  }
  const em = config.emulators;
  for (const value of Object.values(em)) {
    if (value && typeof value === 'object' && typeof value.port === 'number') value.port += offset;
  }
  em.hub = { host: '127.0.0.1', port: 4400 + offset };
  em.logging = { host: '127.0.0.1', port: 4500 + offset };
  em.eventarc = { host: '127.0.0.1', port: 9299 + offset };
  em.tasks = { host: '127.0.0.1', port: 9499 + offset };
  em.firestore.websocketPort = 9150 + offset;
  const file = join(ROOT, `firebase.offset-${offset}.json`);
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}

export function firebaseBin() {
  return join(ROOT, 'node_modules', '.bin', 'firebase');
}

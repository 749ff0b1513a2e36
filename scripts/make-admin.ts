// Grants the admin role (custom claim `admin: true`, mirrored in users/{uid}.roles) to an existing
// account — how the first admin is made:
//
//   npm run make-admin -- someone@example.com          (or: npx tsx scripts/make-admin.ts <email>)
//
// With FIREBASE_AUTH_EMULATOR_HOST / FIRESTORE_EMULATOR_HOST set it talks to the emulators (project
// GCLOUD_PROJECT, default demo-skillverse); otherwise to the project in GCLOUD_PROJECT or
// .firebaserc, using Application Default Credentials (`gcloud auth application-default login`).
import { readFileSync } from 'node:fs';
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { setRoleClaims } from '../functions/src/accounts/roles';

function defaultProject(): string | undefined {
  try {
    const rc = JSON.parse(readFileSync(new URL('../.firebaserc', import.meta.url), 'utf8')) as {
      projects?: { default?: string };
    };
    return rc.projects?.default;
  } catch {
    return undefined;
  }
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

async function main(): Promise<number> {
  const email = process.argv[2]?.trim();
  if (!email || process.argv.length > 3 || !email.includes('@')) {
    console.error('usage: tsx scripts/make-admin.ts <email>');
    return 2;
  }
  const projectId = process.env.GCLOUD_PROJECT || process.env.GOOGLE_CLOUD_PROJECT || defaultProject();
  if (!projectId) {
    console.error('No project: set GCLOUD_PROJECT or add a default project to .firebaserc.');
    return 2;
  }
  const authEmulator = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  const firestoreEmulator = process.env.FIRESTORE_EMULATOR_HOST;
  if (Boolean(authEmulator) !== Boolean(firestoreEmulator)) {
    console.error(
      'Set both FIREBASE_AUTH_EMULATOR_HOST and FIRESTORE_EMULATOR_HOST (emulators) or neither (a real project).',
    );
    return 2;
  }
  const target = authEmulator
    ? `project ${projectId} on the emulators (auth ${authEmulator}, firestore ${firestoreEmulator})`
    : `project ${projectId} (live, Application Default Credentials)`;

  initializeApp({ projectId });
  const auth = getAuth();
  let uid: string;
  try {
    uid = (await auth.getUserByEmail(email)).uid;
  } catch (error) {
    if (hasCode(error, 'auth/user-not-found')) {
      console.error(`No account with the email ${email} in ${target}. Sign up first, then run this again.`);
      return 1;
    }
    throw error;
  }

  const result = await setRoleClaims(uid, { admin: true }, { auth, db: getFirestore() });
  console.log(`Granted admin to ${email} (uid ${uid}) in ${target}.`);
  console.log(`  custom claims: ${JSON.stringify(result.claims)}`);
  console.log(
    result.profileUpdated
      ? `  users/${uid}.roles = ${JSON.stringify(result.roles)}`
      : `  users/${uid} does not exist yet; it will be created with roles ${JSON.stringify(result.roles)}.`,
  );
  console.log('  The user must sign out and in again (or refresh their ID token) to use the new role.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('make-admin failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

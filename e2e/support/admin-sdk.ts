// The Admin SDK on the emulators, for journeys that set up or check data behind the browser's back.
import { getApps, initializeApp } from 'firebase-admin/app';
import { type Auth, getAuth } from 'firebase-admin/auth';
import { type Firestore, getFirestore } from 'firebase-admin/firestore';

const PROJECT = process.env.GCLOUD_PROJECT || 'demo-skillverse';

export function adminSdk(): { auth: Auth; db: Firestore } {
  const app = getApps()[0] ?? initializeApp({ projectId: PROJECT });
  return { auth: getAuth(app), db: getFirestore(app) };
}

/** Polls `check` every 250 ms until it returns something truthy, or throws after `timeoutMs`. */
export async function waitUntil<T>(
  check: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

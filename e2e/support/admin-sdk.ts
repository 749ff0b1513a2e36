// The Admin SDK on the emulators, for journeys that set up or check data behind the browser's back.
import { MAX_VIDEO_SECONDS, observedWatching } from '@skillverse/domain/watch-time';
import { getApps, initializeApp } from 'firebase-admin/app';
import { type Auth, getAuth } from 'firebase-admin/auth';
import { type Firestore, getFirestore } from 'firebase-admin/firestore';

const PROJECT = process.env.GCLOUD_PROJECT || 'demo-skillverse';

export function adminSdk(): { auth: Auth; db: Firestore } {
  const app = getApps()[0] ?? initializeApp({ projectId: PROJECT });
  return { auth: getAuth(app), db: getFirestore(app) };
}

/**
 * A new account with a verified email address whose profile (written by onUserCreated) is
 * onboarded: a learner who can enrol, buy and review from their first page, and whose state no
 * other journey (nor a rerun) shares. Sign in with `email` and `password`.
 */
export async function freshVerifiedLearner(
  displayName: string,
  password: string,
  /** How long to wait for onUserCreated's profile (longer on a busy machine). */
  timeoutMs = 30_000,
): Promise<{ uid: string; email: string; password: string }> {
  const { auth, db } = adminSdk();
  const slug = displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const email = `${slug}-${Date.now()}@example.com`;
  const { uid } = await auth.createUser({ email, password, displayName, emailVerified: true });
  const profile = db.doc(`users/${uid}`);
  await waitUntil(async () => (await profile.get()).exists, `${displayName}'s profile`, timeoutMs);
  await profile.update({ onboarded: true });
  return { uid, email, password };
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

/**
 * The newest email-verification link the Auth emulator holds for `email` (its out-of-band code
 * list stands in for the inbox: /emulator/v1/projects/{id}/oobCodes).
 */
export async function verificationLink(email: string): Promise<string> {
  const host = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  if (!host) throw new Error('FIREBASE_AUTH_EMULATOR_HOST is not set: run inside the emulators');
  return waitUntil(async () => {
    const res = await fetch(`http://${host}/emulator/v1/projects/${PROJECT}/oobCodes`);
    const body = (await res.json()) as {
      oobCodes?: { email: string; requestType: string; oobLink: string }[];
    };
    return (body.oobCodes ?? [])
      .filter((c) => c.email.toLowerCase() === email.toLowerCase() && c.requestType === 'VERIFY_EMAIL')
      .at(-1)?.oobLink;
  }, `verification email to ${email}`);
}

/**
 * Records, behind the browser's back, that the learner was observed watching every lecture of a
 * course (issue 15: completing a lecture needs observed time). For journeys about the rest of the
 * course flow, which cannot sit through the seed's real lecture lengths.
 */
export async function creditObservedWatching(email: string, courseId: string): Promise<void> {
  const { auth, db } = adminSdk();
  const { uid } = await auth.getUserByEmail(email);
  const ref = db.doc(`enrollments/${courseId}_${uid}`);
  await waitUntil(async () => (await ref.get()).exists, `the enrolment in ${courseId}`);
  const lectures = await db.collection(`courses/${courseId}/lectures`).get();
  await ref.update(
    observedWatching(
      lectures.docs.map((d) => d.id),
      MAX_VIDEO_SECONDS,
    ),
  );
}

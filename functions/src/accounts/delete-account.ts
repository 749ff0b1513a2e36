// Deleting my account (issue 16 item 6). Other people's history stays intact: exchanges, messages
// and reviews keep their documents and show the author as "Deleted user" (the public profile is
// anonymised, and the few places that copy a name — endorsers on a partner's profile, a swap
// cycle's people, the league cohort — are rewritten). The person's private documents, ledger,
// matches, notifications and mail logs are deleted, then the Auth user.
//
// Resumable: accountDeletions/{uid}.step records the last step done (domain/account-deletion.ts), and
// each step is idempotent, so a retry after a partial failure finishes the job. users/{uid} is
// written once (anonymised, deletedAt), so the profile triggers run once.
import {
  anonymisedProfileFields,
  DELETED_USER_NAME,
  deletionNeeds,
  isRecentSignIn,
  sameEmail,
} from '@skillverse/domain/account-deletion';
import type { DeleteMyAccountResponse } from '@skillverse/domain/contracts/accounts';
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { removeAllMatches } from '../exchange/recompute-matches';
import { accountDeletionRef } from '../lib/data/account-deletions';
import { educatorApplicationRef } from '../lib/data/educator-applications';
import { memberRef } from '../lib/data/leagues';
import { mailLogOfUser, notificationsOfRef } from '../lib/data/notifications';
import { nudgeLogOfRef } from '../lib/data/nudges';
import {
  attendanceCol,
  liveSessionsCol,
  presenceCol,
  registrationsGroup,
  sessionRef,
} from '../lib/data/live-sessions';
import { leagueStateRef, MATCHES, POINT_EVENTS, PRIVATE, userRef } from '../lib/data/users';
import type { Caller } from '../lib/errors';
import { runTransactionRetrying } from '../lib/firestore';
import { roomsOf } from './my-data';

const OPEN_EXCHANGE = ['pending', 'accepted', 'active'];

export interface DeleteDeps {
  db: Firestore;
  auth: Pick<Auth, 'deleteUser'>;
  now: Date;
}

/** Checks the caller may delete (recent sign-in, the account's email typed), then deletes. */
export async function deleteMyAccount(
  deps: DeleteDeps,
  caller: Caller,
  input: { confirmEmail: string },
): Promise<DeleteMyAccountResponse> {
  const { db, now } = deps;
  const uid = caller.uid;
  const step = (await accountDeletionRef(db, uid).get()).get('step');
  if (step === 'done') return { alreadyDeleted: true };
  // The person confirms once, when the deletion starts. A deletion already under way is finished
  // without asking again: halfway through, the Auth user may be gone and no new sign-in possible.
  if (step === undefined || step === null) {
    const email = typeof caller.token.email === 'string' ? caller.token.email : null;
    if (!email) {
      throw new HttpsError('failed-precondition', 'This account has no email address to confirm with.');
    }
    if (!sameEmail(input.confirmEmail, email)) {
      throw new HttpsError(
        'failed-precondition',
        'The email address you typed is not this account’s. Type it exactly to confirm.',
      );
    }
    if (!isRecentSignIn(caller.token.auth_time, now.getTime())) {
      throw new HttpsError(
        'failed-precondition',
        'For your security, sign in again (or confirm your password) just before deleting your account.',
      );
    }
  }
  await runDeletion(deps, uid, step);
  return { alreadyDeleted: false };
}

async function markStep(db: Firestore, uid: string, step: string, now: Date): Promise<void> {
  await accountDeletionRef(db, uid).set({ uid, step, [`${step}At`]: now }, { merge: true });
}

/** Runs the steps still to do after `step` (undefined: from the start). */
export async function runDeletion(deps: DeleteDeps, uid: string, step: unknown): Promise<void> {
  const { db, now } = deps;
  if (deletionNeeds(step, 'started')) {
    // First, so that everything rendering this person from now on says "Deleted user", and the
    // profile triggers (matching, recommendations) treat it as gone.
    await userRef(db, uid).set({ ...anonymisedProfileFields(), deletedAt: now }, { merge: true });
    await markStep(db, uid, 'started', now);
  }
  if (deletionNeeds(step, 'data')) {
    await anonymiseCopiesOfName(db, uid, now);
    await deletePrivateData(db, uid);
    await markStep(db, uid, 'data', now);
  }
  if (deletionNeeds(step, 'auth')) {
    try {
      await deps.auth.deleteUser(uid);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'auth/user-not-found') throw error;
    }
    await markStep(db, uid, 'auth', now);
  }
  // A profile trigger that read the profile just before it was marked deleted may have written a
  // private document back meanwhile: sweep once more.
  await userRef(db, uid)
    .collection(PRIVATE)
    .get()
    .then((snap) => Promise.all(snap.docs.map((d) => d.ref.delete())));
  await markStep(db, uid, 'done', now);
}

/** Closes open exchanges and rewrites the names other documents copied. */
async function anonymiseCopiesOfName(db: Firestore, uid: string, now: Date): Promise<void> {
  const rooms = await roomsOf(db, uid);
  const partners = new Set<string>();
  for (const x of rooms.exchanges) {
    for (const p of (x.get('participants') as string[] | undefined) ?? []) if (p !== uid) partners.add(p);
    const people = x.get('people');
    const update: Record<string, unknown> = {};
    // The room and the lists read the names copied onto the exchange (onExchangeWritten).
    if (people && typeof people === 'object')
      update[`people.${uid}`] = { displayName: DELETED_USER_NAME, photoURL: null };
    if (OPEN_EXCHANGE.includes(String(x.get('status')))) {
      Object.assign(update, {
        status: 'cancelled',
        cancelledBy: uid,
        cancelReason: 'account_deleted',
        updatedAt: now,
      });
    }
    if (Object.keys(update).length > 0) await x.ref.update(update);
  }
  for (const c of rooms.cycles) {
    await c.ref.update({ [`people.${uid}`]: { displayName: DELETED_USER_NAME, photoURL: null } });
  }
  // Endorsements the person gave stay counted on the partner's profile; the name becomes "Deleted user".
  for (const partner of partners) {
    await runTransactionRetrying(db, async (tx) => {
      const snap = await tx.get(userRef(db, partner));
      const endorsers = snap.get('endorsers') as Record<string, { uid?: unknown }[]> | undefined;
      if (!endorsers || typeof endorsers !== 'object') return;
      let changed = false;
      const next: Record<string, unknown[]> = {};
      for (const [skill, list] of Object.entries(endorsers)) {
        next[skill] = Array.isArray(list)
          ? list.map((e) => {
              if (e?.uid !== uid) return e;
              changed = true;
              return { ...e, name: DELETED_USER_NAME };
            })
          : list;
      }
      if (changed) tx.update(userRef(db, partner), { endorsers: next });
    });
  }
  await anonymiseLiveRooms(db, uid);
  const league = await leagueStateRef(db, uid).get();
  const cohortId = league.get('cohortId');
  if (typeof cohortId === 'string' && cohortId) {
    const member = memberRef(db, cohortId, uid);
    if ((await member.get()).exists) await member.update({ displayName: DELETED_USER_NAME, photoURL: null });
  }
}

/**
 * Live rooms name people from copies: the room's chat, hands and people list read each person's
 * presence document (its `displayName`, written from the profile), the host's name is the session's
 * `hostName`, and the host's registrant and attendance lists read `displayName` copies. Rewrite them all, so
 * the chat of a past session shows "Deleted user" beside the person's messages (which stay: they
 * are part of other people's conversation). The rooms: every session the person registered for
 * (the rules let nobody else in) and every session they host.
 */
async function anonymiseLiveRooms(db: Firestore, uid: string): Promise<void> {
  const [registered, hosted] = await Promise.all([
    registrationsGroup(db).where('uid', '==', uid).orderBy('registeredAt', 'desc').get(),
    liveSessionsCol(db).where('hostId', '==', uid).get(),
  ]);
  const sessionIds = new Set<string>(hosted.docs.map((d) => d.id));
  for (const r of registered.docs) {
    if (r.ref.parent.parent) sessionIds.add(r.ref.parent.parent.id);
    // The host's list of registrants.
    if (r.get('displayName') !== undefined) await r.ref.update({ displayName: DELETED_USER_NAME });
  }
  for (const d of hosted.docs) await d.ref.update({ hostName: DELETED_USER_NAME, hostPhotoURL: null });
  for (const sessionId of sessionIds) {
    const session = sessionRef(db, sessionId);
    const [presence, attendance] = await Promise.all([
      presenceCol(session).doc(uid).get(),
      attendanceCol(session).doc(uid).get(),
    ]);
    if (presence.exists) await presence.ref.update({ displayName: DELETED_USER_NAME, photoURL: null });
    if (attendance.exists) await attendance.ref.update({ displayName: DELETED_USER_NAME });
  }
}

/** Deletes what only this person had: private documents, ledger, matches, notifications, logs. */
async function deletePrivateData(db: Firestore, uid: string): Promise<void> {
  const profile = userRef(db, uid);
  await removeAllMatches(db, uid);
  await Promise.all([
    db.recursiveDelete(profile.collection(PRIVATE)),
    db.recursiveDelete(profile.collection(POINT_EVENTS)),
    db.recursiveDelete(profile.collection(MATCHES)),
    db.recursiveDelete(notificationsOfRef(db, uid)),
    db.recursiveDelete(nudgeLogOfRef(db, uid)),
    educatorApplicationRef(db, uid).delete(),
  ]);
  const mail = await mailLogOfUser(db, uid).get();
  await Promise.all(mail.docs.map((d) => d.ref.delete()));
}

// Account settings (issue 16 item 6): "download my data" and "delete my account". An attacker with
// two accounts tries to delete or read the other, and to keep acting through the deleted account's
// still-valid token; the honest path exports exactly what the platform holds and deletes it, while
// the other participant's history (exchange, messages, review, endorsements, points) stays intact
// and shows "Deleted user".
import { deleteMyAccount, ensureProfile, exportMyData } from '@skillverse/domain/contracts/accounts';
import { addDoc, collection, doc, serverTimestamp, updateDoc } from 'firebase/firestore';
import { Timestamp } from 'firebase-admin/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { testAuth, waitFor } from '../../../functions/test/emulator';
import {
  closeAttackers,
  emulatorsRunning,
  expectNothingMinted,
  expectRefused,
  newAttacker,
  rewardsOf,
  testDb,
  uniqueId,
} from './support';

afterAll(closeAttackers);

describe.skipIf(!emulatorsRunning)('abuse: exporting and deleting accounts', () => {
  it('deletes only the caller, exports only the caller, and leaves the partner’s history intact', async () => {
    const db = testDb();
    const [ana, ben] = await Promise.all([newAttacker('ana'), newAttacker('ben')]);
    const exchangeId = uniqueId('xdel');
    const courseId = uniqueId('cdel');
    const at = Timestamp.fromDate(new Date('2026-11-01T10:00:00Z'));
    // What the platform holds about ana (written as the server would), and a shared exchange.
    await Promise.all([
      db.doc(`exchanges/${exchangeId}`).set({
        requesterId: ana.uid,
        providerId: ben.uid,
        participants: [ana.uid, ben.uid],
        offeredSkill: { name: 'Python', level: 'advanced' },
        requestedSkill: { name: 'Figma', level: 'beginner' },
        message: 'Swap?',
        status: 'active',
        terms: null,
        termsAcceptedBy: [ana.uid, ben.uid],
        completedBy: [],
        createdAt: at,
        updatedAt: at,
      }),
      db
        .doc(`exchanges/${exchangeId}/messages/m-ana`)
        .set({ senderId: ana.uid, text: 'Hi Ben', createdAt: at }),
      db
        .doc(`exchanges/${exchangeId}/messages/m-ben`)
        .set({ senderId: ben.uid, text: 'Hi Ana', createdAt: at }),
      db
        .doc(`courses/${courseId}`)
        .set({ instructorId: ben.uid, title: 'Figma', status: 'published', price: 0 }),
      db.doc(`enrollments/${courseId}_${ana.uid}`).set({
        uid: ana.uid,
        courseId,
        instructorId: ben.uid,
        status: 'active',
        source: 'free',
        progress: 0,
        createdAt: at,
      }),
      db.doc(`courses/${courseId}/reviews/${ana.uid}`).set({ rating: 5, comment: 'Great', createdAt: at }),
      db
        .doc(`payments/${uniqueId('pdel')}`)
        .set({ uid: ana.uid, courseId, amount: 900, currency: 'eur', status: 'paid' }),
      db
        .doc(`users/${ben.uid}`)
        .set(
          { endorsements: { figma: 1 }, endorsers: { figma: [{ uid: ana.uid, name: 'Ana', at }] } },
          { merge: true },
        ),
    ]);
    // The exchange's own trigger counts the request on Ben's profile (requests received and
    // answered, for the responsiveness score): wait for it, so "before" is settled.
    await waitFor(
      async () => {
        const stats = (await testDb().doc(`users/${ben.uid}`).get()).get('stats') ?? {};
        return stats.requestsReceived === 1 && stats.requestsAnswered === 1;
      },
      { what: 'the exchange counted on Ben’s profile' },
    );
    const benBefore = await rewardsOf(ben.uid);

    // Attack: ben deletes ana by naming her (no such field), or by typing her email (not his).
    expectRefused(
      await ben.call(deleteMyAccount, { confirmEmail: ana.email, uid: ana.uid }),
      'invalid-argument',
    );
    expectRefused(await ben.call(deleteMyAccount, { confirmEmail: ana.email }), 'failed-precondition');
    expect((await db.doc(`users/${ana.uid}`).get()).get('deletedAt')).toBeUndefined();
    expect((await testAuth().getUser(ana.uid)).uid).toBe(ana.uid);

    // Attack: ben asks for ana's data; the export answers only his own.
    expectRefused(await ben.call(exportMyData, { uid: ana.uid }), 'invalid-argument');
    const benExport = await ben.call(exportMyData, {});
    if (!benExport.ok) throw new Error(benExport.message);
    expect(benExport.data.uid).toBe(ben.uid);
    expect(benExport.data.messages.map((m) => m.id)).toEqual(['m-ben']);
    expect(JSON.stringify(benExport.data)).not.toContain(ana.email);

    // Honest: ana downloads her data first.
    const exported = await ana.call(exportMyData, null);
    if (!exported.ok) throw new Error(exported.message);
    const data = exported.data;
    expect(data).toMatchObject({ format: 'skillverse-export/1', uid: ana.uid });
    expect(data.account?.email).toBe(ana.email);
    expect(data.profile?.uid).toBe(ana.uid);
    expect(data.exchanges.map((x) => x.id)).toEqual([exchangeId]);
    expect(data.messages).toEqual([expect.objectContaining({ id: 'm-ana', exchangeId, text: 'Hi Ben' })]);
    expect(data.messages[0]?.createdAt).toBe('2026-11-01T10:00:00.000Z');
    expect(data.reviews).toEqual([expect.objectContaining({ courseId, rating: 5 })]);
    expect(data.enrollments.map((e) => e.courseId)).toEqual([courseId]);
    expect(data.payments).toHaveLength(1);
    expect(data.notifications.length).toBeGreaterThanOrEqual(0);
    expect(Array.isArray(data.pointsLedger)).toBe(true);

    // Honest: ana deletes her account (she signed up moments ago: a recent sign-in).
    expectRefused(
      await ana.call(deleteMyAccount, { confirmEmail: 'not-me@example.test' }),
      'failed-precondition',
    );
    const deleted = await ana.call(deleteMyAccount, { confirmEmail: ana.email.toUpperCase() });
    expect(deleted).toEqual({ ok: true, data: { alreadyDeleted: false } });
    // A repeat (a retry of the same click) answers alreadyDeleted.
    expect(await ana.call(deleteMyAccount, { confirmEmail: ana.email })).toEqual({
      ok: true,
      data: { alreadyDeleted: true },
    });

    await expect(testAuth().getUser(ana.uid)).rejects.toMatchObject({ code: 'auth/user-not-found' });
    const profile = await db.doc(`users/${ana.uid}`).get();
    expect(profile.data()).toMatchObject({
      displayName: 'Deleted user',
      photoURL: null,
      bio: '',
      nameTokens: [],
    });
    expect((await db.doc(`accountDeletions/${ana.uid}`).get()).get('step')).toBe('done');
    expect((await db.collection(`users/${ana.uid}/private`).get()).size).toBe(0);
    expect((await db.collection(`notifications/${ana.uid}/items`).get()).size).toBe(0);

    // Ben's history: the exchange (closed), both messages, the review and his endorsement remain.
    const x = await db.doc(`exchanges/${exchangeId}`).get();
    expect(x.get('participants')).toEqual([ana.uid, ben.uid]);
    expect(x.get('status')).toBe('cancelled');
    expect((await db.collection(`exchanges/${exchangeId}/messages`).get()).size).toBe(2);
    expect((await db.doc(`courses/${courseId}/reviews/${ana.uid}`).get()).exists).toBe(true);
    const benProfile = await db.doc(`users/${ben.uid}`).get();
    expect(benProfile.get('endorsers.figma')).toEqual([
      expect.objectContaining({ uid: ana.uid, name: 'Deleted user' }),
    ]);
    expectNothingMinted(benBefore, await rewardsOf(ben.uid), 'deleting the partner’s account');

    // Attack: ana keeps acting through her still-valid ID token.
    await expect(
      updateDoc(doc(ana.db, 'users', ana.uid), { displayName: 'Ana is back', updatedAt: serverTimestamp() }),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(
      addDoc(collection(ana.db, 'exchanges', exchangeId, 'messages'), {
        senderId: ana.uid,
        text: 'boo',
        attachments: [],
        createdAt: serverTimestamp(),
      }),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    expectRefused(await ana.call(ensureProfile, {}), 'failed-precondition');
  }, 400_000);
});

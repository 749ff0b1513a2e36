// Issue 16 items 4 and 9, played as an attacker with the web SDK.
// - Students view: a learner of a course tries to read the other learners' rows (progress, scores)
//   and to polish their own (best quiz score, last activity, name for sorting); an educator tries to
//   read another educator's roster. All refused; the honest enrolment carries the server's fields.
// - Held earnings: an educator with a sale held by the platform tries to get it transferred without
//   finishing onboarding — a forged unsigned account.updated, writing their own flags or a release —
//   and nothing moves. The honest (local) onboarding transfers it exactly once, however often repeated.
import { enrollInFreeCourse } from '@skillverse/domain/contracts/courses';
import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import { completeLocalOnboarding, createConnectOnboardingLink } from '@skillverse/domain/contracts/payouts';
import { collection, doc, getDocs, query, setDoc, updateDoc, where } from 'firebase/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteCourse, seedCourse } from '../../../functions/test/course-fixtures';
import { httpFunctionUrl } from '../../../functions/test/emulator';
import {
  closeAttackers,
  emulatorsRunning,
  expectNothingMinted,
  expectRefused,
  grantRoles,
  newAttacker,
  rewardsOf,
  testDb,
  uniqueId,
} from './support';

const courses: string[] = [];
const denied = async (p: Promise<unknown>) => {
  const outcome = await p.then(
    () => 'allowed',
    (e: { code?: string }) => e.code ?? 'error',
  );
  expect(outcome).toBe('permission-denied');
};

describe.skipIf(!emulatorsRunning)('abuse: students view and held payouts', () => {
  afterAll(async () => {
    await closeAttackers();
    for (const id of courses) await deleteCourse(testDb(), id);
  });

  it('a learner cannot read the other learners’ rows nor polish their own; another educator sees nothing', async () => {
    const db = testDb();
    const instructorId = uniqueId('owner');
    const { courseId } = await seedCourse(db, { instructorId, price: 0, title: 'Roster Course' });
    courses.push(courseId);
    const peer = await newAttacker('peer');
    const a = await newAttacker('snoop');
    expect((await peer.call(enrollInFreeCourse, { courseId })).ok).toBe(true);
    expect((await a.call(enrollInFreeCourse, { courseId })).ok).toBe(true);
    const before = await rewardsOf(a.uid);

    // The instructor's page query, asked by a learner of the course.
    const roster = query(
      collection(a.db, 'enrollments'),
      where('courseId', '==', courseId),
      where('instructorId', '==', instructorId),
    );
    await denied(getDocs(roster));
    // Their own row, polished.
    const mine = doc(a.db, `enrollments/${courseId}_${a.uid}`);
    await denied(updateDoc(mine, { bestQuizScore: 100 }));
    await denied(updateDoc(mine, { lastActivityAt: new Date(), progress: 100 }));
    await denied(updateDoc(mine, { learnerName: '!!! Aaron' }));

    // An educator who does not teach the course.
    const other = await newAttacker('other-educator');
    await grantRoles(other, { educator: true });
    await denied(
      getDocs(
        query(
          collection(other.db, 'enrollments'),
          where('courseId', '==', courseId),
          where('instructorId', '==', instructorId),
        ),
      ),
    );
    expectNothingMinted(before, await rewardsOf(a.uid), 'reading or polishing the roster');

    // Honest: each enrolment carries the server's fields, unchanged by the attempts above.
    const row = (await db.doc(`enrollments/${courseId}_${a.uid}`).get()).data() ?? {};
    expect(row).toMatchObject({ bestQuizScore: null, progress: 0, instructorId });
    expect(row.lastActivityAt).toBeTruthy();
    expect(typeof row.learnerName).toBe('string');
    expect(row.learnerName).not.toBe('!!! Aaron');
  });

  it('held earnings move only after a signed onboarding, and only once', async () => {
    const db = testDb();
    const edu = await newAttacker('held-educator');
    await grantRoles(edu, { educator: true });
    // A sale made before payouts were set up: held by the platform (as the webhook records it).
    await db
      .doc(`earnings/${edu.uid}`)
      .set({ instructorId: edu.uid, totals: { USD: 3920 }, paymentsCount: 1 });
    await db.doc(`earnings/${edu.uid}/entries/pay_held_1`).set({
      paymentId: 'pay_held_1',
      amount: 3920,
      grossAmount: 3920,
      platformFee: 0,
      currency: 'USD',
      refundedAmount: 0,
      status: 'credited',
      destinationAccountId: null,
      payout: 'pending',
      createdAt: new Date(),
    });
    const releases = () => db.collection(`educatorPayouts/${edu.uid}/heldReleases`).get();

    // 1. Without an account, the local onboarding is refused.
    expectRefused(await edu.call(completeLocalOnboarding, {}), 'failed-precondition');
    const link = await edu.call(createConnectOnboardingLink, {});
    expect(link.ok).toBe(true);
    const accountId = link.ok ? link.data.accountId : '';

    // 2. Turn on their own payouts, or write a release, through the rules.
    await denied(
      updateDoc(doc(edu.db, `educatorPayouts/${edu.uid}`), { chargesEnabled: true, payoutsEnabled: true }),
    );
    await denied(
      setDoc(doc(edu.db, `educatorPayouts/${edu.uid}/heldReleases/mine`), {
        amount: 3920,
        currency: 'USD',
        state: 'pending',
      }),
    );
    await denied(updateDoc(doc(edu.db, `earnings/${edu.uid}/entries/pay_held_1`), { payout: 'pending' }));

    // 3. A forged account.updated, unsigned and badly signed, straight at the webhook.
    const forged = JSON.stringify({
      id: `evt_forged_${uniqueId('x')}`,
      object: 'event',
      type: 'account.updated',
      account: accountId,
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          id: accountId,
          object: 'account',
          charges_enabled: true,
          payouts_enabled: true,
          details_submitted: true,
          metadata: { uid: edu.uid },
          requirements: { currently_due: [], past_due: [] },
        },
      },
    });
    const url = httpFunctionUrl(HTTP_FUNCTIONS.stripeWebhook);
    const unsigned = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: forged,
    });
    expect(unsigned.status).toBe(400);
    const badSig = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=deadbeef' },
      body: forged,
    });
    expect(badSig.status).toBe(400);
    expect((await releases()).size).toBe(0);
    expect((await db.doc(`earnings/${edu.uid}`).get()).get('transferred')).toBeUndefined();

    // Honest: finishing onboarding (a signed account.updated through the webhook) transfers it once.
    expect((await edu.call(completeLocalOnboarding, {})).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 1100)); // a new second: a new (not duplicate) event
    expect((await edu.call(completeLocalOnboarding, {})).ok).toBe(true);
    const done = await releases();
    expect(done.docs.map((d) => d.data())).toEqual([
      expect.objectContaining({
        state: 'paid',
        amount: 3920,
        currency: 'USD',
        transferId: expect.stringMatching(/^tr_local_/),
      }),
    ]);
    expect((await db.doc(`earnings/${edu.uid}`).get()).get('transferred')).toEqual({ USD: 3920 });
    expect((await db.doc(`earnings/${edu.uid}/entries/pay_held_1`).get()).get('payout')).toBe('transferred');
  });
});

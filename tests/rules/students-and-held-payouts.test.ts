// Issue 16 items 4 and 9. The students view's one query per page — enrollments where courseId and
// instructorId, ordered by a denormalised field — is the course's instructor's (and admins') only:
// another educator, a learner of the course and a visitor are denied, and nobody writes the
// fields it shows. heldReleases (transfers of earnings held until onboarding) are the educator's
// to read and nobody's to write.
import { beforeEach, it } from 'vitest';
import {
  ADMIN,
  anonDb,
  dbAs,
  describeRules,
  EDUCATOR,
  expectAllowed,
  expectDenied,
  profiles,
  seed,
  timestamp,
  useRulesTestEnv,
} from './helpers';

const at = timestamp(new Date('2026-12-01T10:00:00Z'));
const enrolment = (uid: string, name: string, progress: number) => ({
  uid,
  courseId: 'c1',
  instructorId: 'inez',
  status: 'active',
  source: 'free',
  progress,
  completedLectureIds: [],
  lastLectureId: null,
  lastPositionSec: 0,
  learnerName: name,
  lastActivityAt: at,
  bestQuizScore: progress > 50 ? 80 : null,
  createdAt: at,
  updatedAt: at,
});

describeRules('students view and held payouts', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('inez', 'olga', 'lena', 'leo', 'root'),
      'courses/c1': { instructorId: 'inez', title: 'C1', status: 'published' },
      'enrollments/c1_lena': enrolment('lena', 'Lena', 80),
      'enrollments/c1_leo': enrolment('leo', 'Leo', 20),
      'educatorPayouts/inez': { uid: 'inez', accountId: 'acct_1', mode: 'stripe' },
      'educatorPayouts/inez/heldReleases/held_EUR_1': {
        uid: 'inez',
        amount: 7400,
        currency: 'EUR',
        state: 'paid',
        transferId: 'tr_1',
        createdAt: at,
      },
    });
  });

  const page = (db: ReturnType<typeof dbAs>, instructorId: string, field = 'progress') =>
    db
      .collection('enrollments')
      .where('courseId', '==', 'c1')
      .where('instructorId', '==', instructorId)
      .orderBy(field, 'desc')
      .limit(25)
      .get();

  it('lets the course’s instructor and admins read a page, sorted by any of its fields', async () => {
    for (const field of ['progress', 'lastActivityAt', 'learnerName', 'createdAt']) {
      await expectAllowed(page(dbAs('inez', EDUCATOR), 'inez', field));
    }
    await expectAllowed(page(dbAs('root', ADMIN), 'inez'));
  });

  it('denies another educator, a learner of the course (others’ rows) and a visitor', async () => {
    await expectDenied(page(dbAs('olga', EDUCATOR), 'inez'));
    // Another educator naming themselves as instructor reads nothing of the course (allowed, empty)…
    const own = await expectAllowed(page(dbAs('olga', EDUCATOR), 'olga'));
    if (own.size !== 0) throw new Error('another educator saw rows of a course that is not theirs');
    await expectDenied(dbAs('olga', EDUCATOR).doc('enrollments/c1_lena').get());
    // …and a learner sees their own row only.
    await expectDenied(page(dbAs('lena'), 'inez'));
    await expectDenied(dbAs('lena').doc('enrollments/c1_leo').get());
    await expectAllowed(dbAs('lena').doc('enrollments/c1_lena').get());
    await expectDenied(page(anonDb() as ReturnType<typeof dbAs>, 'inez'));
  });

  it('lets no learner set the fields the view shows', async () => {
    const mine = dbAs('lena').doc('enrollments/c1_lena');
    await expectDenied(mine.update({ bestQuizScore: 100 }));
    // (A write of the value already stored changes nothing and is allowed: use a new time.)
    await expectDenied(mine.update({ lastActivityAt: timestamp(new Date('2027-01-01T00:00:00Z')) }));
    await expectDenied(mine.update({ learnerName: 'Aaron A' }));
    await expectDenied(mine.update({ progress: 100 }));
    await expectDenied(dbAs('inez', EDUCATOR).doc('enrollments/c1_lena').update({ bestQuizScore: 0 }));
  });

  it('heldReleases: the educator and admins read them; other people and every client write are denied', async () => {
    await expectAllowed(dbAs('inez', EDUCATOR).collection('educatorPayouts/inez/heldReleases').get());
    await expectAllowed(dbAs('root', ADMIN).doc('educatorPayouts/inez/heldReleases/held_EUR_1').get());
    await expectDenied(dbAs('olga', EDUCATOR).collection('educatorPayouts/inez/heldReleases').get());
    await expectDenied(anonDb().doc('educatorPayouts/inez/heldReleases/held_EUR_1').get());
    await expectDenied(
      dbAs('inez', EDUCATOR).doc('educatorPayouts/inez/heldReleases/held_EUR_1').update({ state: 'pending' }),
    );
    await expectDenied(
      dbAs('inez', EDUCATOR)
        .doc('educatorPayouts/inez/heldReleases/held_EUR_2')
        .set({ uid: 'inez', amount: 100000, currency: 'EUR', state: 'pending' }),
    );
  });
});

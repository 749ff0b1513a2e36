// "Start learning" on a Plus course (issue 18 item 4): an entitled subscriber gets an enrolment
// with source 'plus' — no payment, no purchase revenue, counted on the course as plusEnrollmentCount
// beside enrollmentCount. Idempotent: an active enrolment (bought, free or Plus) is returned as is;
// a refunded one is reactivated through Plus, keeping its progress.
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type {
  StartPlusLearningResponse,
  startPlusLearning as startContract,
} from '@skillverse/domain/contracts/plus-membership';
import { str } from '@skillverse/domain/fields';
import { isInPlus, plusAccess } from '@skillverse/domain/plus';
import type { Firestore } from 'firebase-admin/firestore';
import { incrementSharded } from '../lib/sharded-counter';
import { logger } from 'firebase-functions';
import { HttpsError } from 'firebase-functions/v2/https';
import { courseRef, readCourse } from '../lib/data/courses';
import { enrollmentRef, newEnrollmentData } from '../lib/data/enrollments';
import { plusSubscriptionRef, readPlusSubscription } from '../lib/data/plus-membership';
import { userRef } from '../lib/data/users';
import { failedPrecondition, notFound } from '../lib/errors';
import { runCallableTransaction } from '../lib/firestore';

export async function startPlusLearning(
  deps: { db: Firestore; now: Date },
  uid: string,
  input: ParsedRequestOf<typeof startContract>,
): Promise<StartPlusLearningResponse> {
  const { db, now } = deps;
  const cRef = courseRef(db, input.courseId);
  const eRef = enrollmentRef(db, input.courseId, uid);
  // Inputs, read before the transaction: the course (shared by every learner: only a blind
  // increment inside), the learner's own subscription and name.
  const [courseSnap, subSnap, userSnap] = await db.getAll(
    cRef,
    plusSubscriptionRef(db, uid),
    userRef(db, uid),
  );
  const course = courseSnap ? readCourse(courseSnap) : null;
  if (course?.status !== 'published') throw notFound(`Course ${input.courseId}`);
  if (course.instructorId === uid) throw failedPrecondition('You cannot enrol in your own course.');
  if (!isInPlus(course as Parameters<typeof isInPlus>[0])) {
    throw failedPrecondition('This course is not included with Plus.');
  }
  const access = plusAccess(readPlusSubscription(subSnap), now);
  if (!access.entitled) {
    throw new HttpsError(
      'permission-denied',
      'Plus membership required: subscribe on the Plus page to start this course.',
    );
  }
  const learnerName = str(userSnap?.get('displayName'));
  const created = await runCallableTransaction(db, async (tx) => {
    const snap = await tx.get(eRef);
    if (snap.exists && snap.get('status') === 'active') return false;
    if (snap.exists) {
      tx.update(eRef, {
        status: 'active',
        source: 'plus',
        paymentId: null,
        lastActivityAt: now,
        updatedAt: now,
      });
    } else {
      tx.create(eRef, newEnrollmentData({ uid, course, source: 'plus', now, learnerName }));
    }
    // On the course's counter shards, like every enrolment (lib/sharded-counter.ts).
    incrementSharded(tx, cRef, uid, { enrollmentCount: 1, plusEnrollmentCount: 1 }, now);
    return true;
  });
  if (created) logger.info('plus: started learning', { uid, courseId: course.id });
  return { enrollmentId: eRef.id, alreadyEnrolled: !created };
}

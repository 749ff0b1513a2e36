// Free enrolment: a published free course, not your own. Idempotent: a repeat returns the
// existing enrolment and counts nothing twice.
import type { EnrollInFreeCourseResponse } from '@skillverse/domain/courses-api';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { enrollInFreeCourse as enrollContract } from '@skillverse/domain/contracts/courses';
import { failedPrecondition, notFound } from '../lib/errors';
import { type NotifyDeps, notify } from '../notifications/notify';
import { courseRef, readCourse } from '../lib/data/courses';
import { enrollmentRef, newEnrollmentData } from '../lib/data/enrollments';
import { runCallableTransaction } from '../lib/firestore';
import { incrementSharded } from '../lib/sharded-counter';
import { userRef } from '../lib/data/users';
import { str } from '@skillverse/domain/fields';

export type EnrollInFreeCourseInput = ParsedRequestOf<typeof enrollContract>;

/** Firestore's NOT_FOUND (gRPC code 5): here, the course's update after the course was deleted. */
function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 5;
}

export const enrollmentNotificationId = (courseId: string) => `enrollment_${courseId}`;

export async function enrollInFreeCourse(
  deps: { db: Firestore; now: Date } & NotifyDeps,
  uid: string,
  input: EnrollInFreeCourseInput,
): Promise<EnrollInFreeCourseResponse> {
  const { db, now } = deps;
  const cRef = courseRef(db, input.courseId);
  const eRef = enrollmentRef(db, input.courseId, uid);

  // The course is input (published? free? whose?), read before the transaction: every learner
  // enrolling in it shares the document, and a read inside the transaction would make concurrent
  // enrolments contend on its lock. The transaction reads only this learner's enrolment, which
  // decides idempotency, and adds one to a shard of the course's counter (a blind increment: a
  // popular course's enrolments spread over its shards; lib/sharded-counter.ts).
  const course = readCourse(await cRef.get());
  if (course?.status !== 'published') throw notFound(`Course ${input.courseId}`);
  // The learner's name for the instructor's students view (their own document: no contention).
  const learnerName = str((await userRef(db, uid).get()).get('displayName'));

  let outcome: { created: boolean };
  try {
    outcome = await runCallableTransaction(db, async (tx) => {
      const enrollmentSnap = await tx.get(eRef);
      if (enrollmentSnap.exists && enrollmentSnap.get('status') === 'active') return { created: false };
      if (course.instructorId === uid) throw failedPrecondition('You cannot enrol in your own course.');
      if (course.price > 0) {
        throw failedPrecondition('This course is paid: enrol through checkout (createCheckoutSession).');
      }
      if (enrollmentSnap.exists) {
        // A refunded enrolment in a course that is free now: reactivate it, keeping progress.
        tx.update(eRef, {
          status: 'active',
          source: 'free',
          paymentId: null,
          lastActivityAt: now,
          updatedAt: now,
        });
      } else {
        tx.create(eRef, newEnrollmentData({ uid, course, source: 'free', now, learnerName }));
      }
      incrementSharded(tx, cRef, uid, { enrollmentCount: 1 }, now);
      return { created: true };
    });
  } catch (error) {
    if (isNotFound(error)) throw notFound(`Course ${input.courseId}`);
    throw error;
  }

  if (outcome.created) {
    logger.info('enrolled in free course', { uid, courseId: input.courseId });
    await notify(
      db,
      {
        uid,
        type: 'enrollment',
        id: enrollmentNotificationId(input.courseId),
        title: `You're enrolled in ${course.title}`,
        body: 'Start learning whenever you like; your progress is saved as you go.',
        link: `/courses/${input.courseId}`,
      },
      deps,
    );
  }
  return { enrollmentId: eRef.id, alreadyEnrolled: !outcome.created };
}

// The player's progress report: credits the real time since the previous report on this enrolment
// (server clock, ≤ 60 s a report, one clock per enrolment so parallel lectures share it) to the
// lecture, stores it on the enrolment (not client-writable) and the learner's observed learning time.
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { recordLectureProgress as contract } from '@skillverse/domain/contracts/courses';
import type { RecordLectureProgressResponse } from '@skillverse/domain/courses-api';
import {
  addObserved,
  canCompleteLecture,
  creditForReport,
  MAX_VIDEO_SECONDS,
  notYetMessage,
  watchRequirement,
} from '@skillverse/domain/watch-time';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { plusAccess, plusMonthOf } from '@skillverse/domain/plus';
import { plusWatchId } from '@skillverse/domain/plus-split';
import { notFound } from '../lib/errors';
import { lectureRef, readLectureForWatching } from '../lib/data/courses';
import { enrollmentRef, readLectureWatch, readWatchReportAt } from '../lib/data/enrollments';
import { plusWatchRef } from '../lib/data/plus-revenue';
import { assertPlusEnrollmentCurrent } from '../lib/data/plus-membership';
import { userRef } from '../lib/data/users';
import { runCallableTransaction } from '../lib/firestore';

export type RecordLectureProgressInput = ParsedRequestOf<typeof contract>;

export async function recordLectureProgress(
  deps: { db: Firestore; now: () => Date },
  uid: string,
  input: RecordLectureProgressInput,
): Promise<RecordLectureProgressResponse> {
  const { db } = deps;
  const eRef = enrollmentRef(db, input.courseId, uid);
  const lRef = lectureRef(db, input.courseId, input.lectureId);
  return runCallableTransaction(db, async (tx) => {
    const [enrollmentSnap, lectureSnap] = await tx.getAll(eRef, lRef);
    if (!enrollmentSnap?.exists || enrollmentSnap.get('status') !== 'active') {
      throw new HttpsError('permission-denied', 'You are not enrolled in this course.');
    }
    const lecture = lectureSnap ? readLectureForWatching(lectureSnap) : null;
    if (!lecture) throw notFound(`Lecture ${input.lectureId} in this course`);
    // Server time, read inside the transaction (a retried transaction reads it again).
    const now = deps.now();
    const enrollment = enrollmentSnap.data() ?? {};
    // A Plus enrolment records progress only while the membership grants access (plusAccess), and
    // its observed time counts towards the instructor's revenue share under that same rule: one
    // rule, one read of the subscription.
    const sub = await assertPlusEnrollmentCurrent(db, uid, input.courseId, enrollment, now);
    const plus = enrollment.source === 'plus' && plusAccess(sub, now).entitled;
    const previous = readLectureWatch(enrollment, input.lectureId);
    const measured =
      input.measuredDurationSec !== undefined
        ? Math.min(
            MAX_VIDEO_SECONDS,
            Math.max(previous.measuredSec ?? 0, Math.ceil(input.measuredDurationSec)),
          )
        : previous.measuredSec;
    const req = watchRequirement(lecture, measured);
    const credit = creditForReport({
      nowMs: now.getTime(),
      previousReportMs: readWatchReportAt(enrollment),
      restart: input.event === 'start',
    });
    const observed = addObserved(previous.seconds, credit, req);
    const credited = Math.max(0, observed - previous.seconds);

    const update: Record<string, unknown> = {
      [`watch.${input.lectureId}`]: { seconds: observed, measuredSec: measured ?? null },
      // A pause ends the run: the next report must be a start.
      watchReportAt: input.event === 'pause' ? null : now,
    };
    if (credited > 0) {
      update.watchedSeconds = FieldValue.increment(credited);
      // Observed watching is activity (the students view); a report that credits nothing is not.
      update.lastActivityAt = now;
    }
    tx.update(eRef, update);
    if (credited > 0)
      tx.update(userRef(db, uid), { 'stats.learningSeconds': FieldValue.increment(credited) });
    if (credited > 0 && plus) {
      // The Plus tally: one document per enrolment per month, changed only here, in the
      // transaction that credits the seconds — exactly once per credited report, never hot.
      const month = plusMonthOf(now);
      tx.set(
        plusWatchRef(db, plusWatchId(month, input.courseId, uid)),
        {
          month,
          courseId: input.courseId,
          instructorId: String(enrollment.instructorId ?? ''),
          uid,
          seconds: FieldValue.increment(credited),
          updatedAt: now,
        },
        { merge: true },
      );
    }

    const allowed = canCompleteLecture(observed, req);
    return {
      creditedSeconds: credited,
      observedSeconds: observed,
      requiredSeconds: req?.requiredSeconds ?? null,
      canComplete: allowed,
      message: allowed ? null : notYetMessage(req),
    };
  });
}

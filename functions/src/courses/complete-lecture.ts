// A learner marks a lecture done: progress, lecture points, and — when that finishes the course —
// completion, course points, certificate, badges and a notification (see progress.ts).
import type { CompleteLectureResponse } from '@skillverse/domain/courses-api';
import type { Firestore } from 'firebase-admin/firestore';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { completeLecture as completeLectureContract } from '@skillverse/domain/contracts/courses';
import { canCompleteLecture, notYetMessage, watchRequirement } from '@skillverse/domain/watch-time';
import { HttpsError } from 'firebase-functions/v2/https';
import { strList } from '@skillverse/domain/fields';
import { notFound } from '../lib/errors';
import { lectureRef, readLectureForWatching } from '../lib/data/courses';
import { readLectureWatch } from '../lib/data/enrollments';
import type { NotifyDeps } from '../notifications/notify';
import { runProgressStep } from './progress';

export type CompleteLectureInput = ParsedRequestOf<typeof completeLectureContract>;

export async function completeLecture(
  deps: { db: Firestore; now: Date } & NotifyDeps,
  uid: string,
  input: CompleteLectureInput,
): Promise<CompleteLectureResponse> {
  const result = await runProgressStep(
    deps,
    uid,
    input.courseId,
    async (ctx, tx) => {
      if (!ctx.lectureIds.has(input.lectureId)) throw notFound(`Lecture ${input.lectureId} in this course`);
      // Earned, not asserted: a lecture completes only after the platform observed enough watching or
      // reading (recordLectureProgress). Lectures completed before (seeded, or earlier) stay completed.
      if (!ctx.completedLectureIds.includes(input.lectureId)) {
        const lecture = readLectureForWatching(
          await tx.get(lectureRef(ctx.db, input.courseId, input.lectureId)),
        );
        const watched = readLectureWatch(ctx.enrollment, input.lectureId);
        const req = lecture ? watchRequirement(lecture, watched.measuredSec) : null;
        if (!canCompleteLecture(watched.seconds, req)) {
          throw new HttpsError('failed-precondition', notYetMessage(req));
        }
      }
      return { lectureId: input.lectureId, result: null };
    },
    {
      // A duplicate of a completion a concurrent call recorded answers with the recorded state.
      alreadyApplied: (enrollment) =>
        strList(enrollment.completedLectureIds).includes(input.lectureId) ? null : undefined,
    },
  );
  return {
    progress: result.progress,
    completedLectureIds: result.completedLectureIds,
    courseCompleted: result.courseCompleted,
    complete: result.complete,
    certificateId: result.certificateId,
    newlyCompleted: result.newlyCompletedLecture,
  };
}

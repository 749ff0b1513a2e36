// A learner marks a lecture done: progress, lecture points, and — when that finishes the course —
// completion, course points, certificate, badges and a notification (see progress.ts).
import type { CompleteLectureResponse } from '@skillverse/domain/courses-api';
import type { Firestore } from 'firebase-admin/firestore';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { completeLecture as completeLectureContract } from '@skillverse/domain/contracts/courses';
import { notFound } from '../lib/errors';
import type { NotifyDeps } from '../notifications/notify';
import { runProgressStep } from './progress';

export type CompleteLectureInput = ParsedRequestOf<typeof completeLectureContract>;

export async function completeLecture(
  deps: { db: Firestore; now: Date } & NotifyDeps,
  uid: string,
  input: CompleteLectureInput,
): Promise<CompleteLectureResponse> {
  const result = await runProgressStep(deps, uid, input.courseId, async (ctx) => {
    if (!ctx.lectureIds.has(input.lectureId)) throw notFound(`Lecture ${input.lectureId} in this course`);
    return { lectureId: input.lectureId, result: null };
  });
  return {
    progress: result.progress,
    completedLectureIds: result.completedLectureIds,
    courseCompleted: result.courseCompleted,
    complete: result.complete,
    certificateId: result.certificateId,
    newlyCompleted: result.newlyCompletedLecture,
  };
}

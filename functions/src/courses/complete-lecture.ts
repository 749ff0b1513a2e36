// A learner marks a lecture done: progress, lecture points, and — when that finishes the course —
// completion, course points, certificate, badges and a notification (see progress.ts).
import type { CompleteLectureResponse } from '@skillverse/domain/courses-api';
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { notFound } from '../lib/errors';
import type { NotifyDeps } from '../notifications/notify';
import { runProgressStep } from './progress';
import { courseIdField, DOCUMENT_ID_PATTERN } from '../lib/validate';

export const completeLectureInput = z.strictObject({
  courseId: courseIdField,
  lectureId: z
    .string({ error: 'lectureId must be a string' })
    .trim()
    .regex(
      DOCUMENT_ID_PATTERN,
      'lectureId must be 1–128 characters without "/", not "." or "..", not __reserved__',
    ),
});
export type CompleteLectureInput = z.infer<typeof completeLectureInput>;

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

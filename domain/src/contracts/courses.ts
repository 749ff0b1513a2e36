// Course and learning callables (SPEC §4): free enrolment, lecture completion, quiz grading and
// course moderation. Request/response types live in courses-api.ts.
import {
  type CompleteLectureResponse,
  type EnrollInFreeCourseResponse,
  MODERATION_ACTIONS,
  type ModerateCourseResponse,
  PROGRESS_EVENTS,
  REJECTION_REASON_MAX,
  REJECTION_REASON_MIN,
  type StartQuizAttemptResponse,
  type RecordLectureProgressResponse,
  type SetCourseFeaturedResponse,
  type SetCoursePlusExcludedResponse,
  type SubmitQuizResponse,
} from '../courses-api';
import { type ModerateRevisionResponse, REVISION_ACTIONS } from '../course-revisions';
import { defineCallable } from './callable';
import { DOCUMENT_ID_RULE, documentId, isValidDocumentId } from './ids';
import { z } from './zod';

/** { courseId } → { enrollmentId, alreadyEnrolled } */
export const enrollInFreeCourse = defineCallable<EnrollInFreeCourseResponse>()(
  'enrollInFreeCourse',
  z.strictObject({ courseId: documentId('courseId') }),
);

/** { courseId, lectureId } → progress, completion and certificate. */
export const completeLecture = defineCallable<CompleteLectureResponse>()(
  'completeLecture',
  z.strictObject({ courseId: documentId('courseId'), lectureId: documentId('lectureId') }),
);

/**
 * { courseId, quizId } → a new attempt (its question/option order and deadline, server time), or the
 * attempt still open; failed-precondition once the quiz's attempt limit is used up.
 */
export const startQuizAttempt = defineCallable<StartQuizAttemptResponse>()(
  'startQuizAttempt',
  z.strictObject({ courseId: documentId('courseId'), quizId: documentId('quizId') }),
);

/**
 * { courseId, quizId, attemptId, answers (positions as the attempt showed them) } → score, passed,
 * per-question correctness when the quiz shows it. failed-precondition after the deadline (+ grace);
 * a repeat answers the recorded result.
 */
export const submitQuiz = defineCallable<SubmitQuizResponse>()(
  'submitQuiz',
  z.strictObject({
    courseId: documentId('courseId'),
    quizId: documentId('quizId'),
    attemptId: documentId('attemptId'),
    answers: z
      .record(
        z.string().refine(isValidDocumentId, `question ids must be ${DOCUMENT_ID_RULE}`),
        z
          .array(z.number().int('option indexes are whole numbers').min(0, 'option indexes start at 0'), {
            error: 'each answer is a list of option indexes',
          })
          .max(50, 'at most 50 options per answer'),
        { error: 'answers must map question ids to lists of option indexes' },
      )
      .refine((a) => Object.keys(a).length <= 200, 'at most 200 answers'),
  }),
);

/** A moderator's reason, required to reject (a course or a revision); trimmed. */
const rejectionReason = z
  .string({ error: 'reason must be a string' })
  .trim()
  .min(REJECTION_REASON_MIN, `reason must be at least ${REJECTION_REASON_MIN} characters`)
  .max(REJECTION_REASON_MAX, `reason must be at most ${REJECTION_REASON_MAX} characters`)
  .optional();

/** Admin only: { courseId, action: 'publish' | 'reject', reason? (required to reject) } → { courseId, status }. */
export const moderateCourse = defineCallable<ModerateCourseResponse>()(
  'moderateCourse',
  z
    .strictObject({
      courseId: documentId('courseId'),
      action: z.enum(MODERATION_ACTIONS, { error: 'action must be "publish" or "reject"' }),
      reason: rejectionReason,
    })
    .refine((input) => input.action !== 'reject' || input.reason !== undefined, {
      path: ['reason'],
      message: `reason is required to reject a course (${REJECTION_REASON_MIN}–${REJECTION_REASON_MAX} characters)`,
    }),
);

/** Admin only: { courseId, featured } → { courseId, featured, changed }; only a published course can be featured. */
export const setCourseFeatured = defineCallable<SetCourseFeaturedResponse>()(
  'setCourseFeatured',
  z.strictObject({
    courseId: documentId('courseId'),
    featured: z.boolean({ error: 'featured must be true or false' }),
  }),
);

/**
 * Admins only (issue 18): take a course out of Plus, or put it back — { courseId, excluded } →
 * { courseId, excluded, changed }. Audit-logged; the educator's own includedInPlus is untouched.
 */
export const setCoursePlusExcluded = defineCallable<SetCoursePlusExcludedResponse>()(
  'setCoursePlusExcluded',
  z.strictObject({
    courseId: documentId('courseId'),
    excluded: z.boolean({ error: 'excluded must be true or false' }),
  }),
);

/**
 * The player's progress report while a lecture plays or is read (every ~10 s, on pause and leave):
 * { courseId, lectureId, event: 'start' | 'tick' | 'pause', measuredDurationSec? } → observed time.
 * The server credits the real time since the previous report (its own clock), never what the client says.
 */
export const recordLectureProgress = defineCallable<RecordLectureProgressResponse>()(
  'recordLectureProgress',
  z.strictObject({
    courseId: documentId('courseId'),
    lectureId: documentId('lectureId'),
    event: z.enum(PROGRESS_EVENTS, { error: 'event must be "start", "tick" or "pause"' }),
    measuredDurationSec: z
      .number({ error: 'measuredDurationSec must be a number of seconds' })
      .positive('measuredDurationSec must be positive')
      .max(24 * 3600, 'measuredDurationSec is at most a day')
      .optional(),
  }),
);

/**
 * Admin only: approve or reject an educator's revision of a live course's lecture or quiz:
 * { courseId, revisionId, action: 'approve' | 'reject', reason? (required to reject) } →
 * { courseId, revisionId, status, alreadyDecided }. Approval applies the revision in one transaction.
 */
export const moderateRevision = defineCallable<ModerateRevisionResponse>()(
  'moderateRevision',
  z
    .strictObject({
      courseId: documentId('courseId'),
      revisionId: documentId('revisionId'),
      action: z.enum(REVISION_ACTIONS, { error: 'action must be "approve" or "reject"' }),
      reason: rejectionReason,
    })
    .refine((input) => input.action !== 'reject' || input.reason !== undefined, {
      path: ['reason'],
      message: `reason is required to reject a revision (${REJECTION_REASON_MIN}–${REJECTION_REASON_MAX} characters)`,
    }),
);

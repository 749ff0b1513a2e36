// Admins take a course out of Plus, or put it back (issue 18 item 1; docs/plus.md): courses/{id}.
// plusExcluded. The educator's own choice (includedInPlus) is theirs and stays as it is; a course is
// in Plus only when both allow it (domain/plus.ts isInPlus). Each change is audit-logged in the same
// transaction; a repeat (already in that state) writes nothing and logs nothing. Learners already
// learning the course through Plus keep their progress and certificates, but their Plus enrolment
// stops granting access (plusEnrollmentLapsed), as when the educator takes the course out.
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { setCoursePlusExcluded as contract } from '@skillverse/domain/contracts/courses';
import type { SetCoursePlusExcludedResponse } from '@skillverse/domain/courses-api';
import { str } from '@skillverse/domain/fields';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { displayNameOf } from '../lib/audit';
import { auditRef } from '../lib/data/audit-log';
import { courseRef } from '../lib/data/courses';
import { userRef } from '../lib/data/users';
import { notFound } from '../lib/errors';
import { runTransactionRetrying } from '../lib/firestore';

export type SetCoursePlusExcludedInput = ParsedRequestOf<typeof contract>;

export async function setCoursePlusExcluded(
  deps: { db: Firestore; now: Date },
  actorId: string,
  input: SetCoursePlusExcludedInput,
): Promise<SetCoursePlusExcludedResponse> {
  const { db, now } = deps;
  const cRef = courseRef(db, input.courseId);
  const changed = await runTransactionRetrying(db, async (tx) => {
    const [snap, actor] = await tx.getAll(cRef, userRef(db, actorId));
    if (!snap?.exists) throw notFound(`Course ${input.courseId}`);
    const course = snap.data() ?? {};
    if ((course.plusExcluded === true) === input.excluded) return false;
    tx.update(cRef, { plusExcluded: input.excluded });
    const title = str(course.title, 'Untitled course');
    tx.create(auditRef(db), {
      actorId,
      actorName: displayNameOf(actor),
      action: input.excluded ? 'course.plus-exclude' : 'course.plus-include',
      target: `courses/${input.courseId}`,
      targetName: title,
      details: { title, excluded: input.excluded, includedInPlus: course.includedInPlus !== false },
      createdAt: now,
    });
    return true;
  });
  logger.info('course plus exclusion', {
    actorId,
    courseId: input.courseId,
    excluded: input.excluded,
    changed,
  });
  return { courseId: input.courseId, excluded: input.excluded, changed };
}

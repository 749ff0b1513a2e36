// Admins publish or reject a course pending review. Publishing denormalises what listings show
// (instructor name and photo, search tokens, lecture totals); the first publication of a course
// counts towards the instructor's Course Creator badge. Every decision is audit-logged.
import { type ModerateCourseResponse, searchTokens } from '@skillverse/domain/courses-api';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { moderateCourse as moderateCourseContract } from '@skillverse/domain/contracts/courses';
import { recheckBadges } from '../gamification/recheck-badges';
import { displayNameOf } from '../lib/audit';
import { failedPrecondition, notFound } from '../lib/errors';
import { type NotifyDeps, notify } from '../notifications/notify';
import { num, str, strList } from '@skillverse/domain/fields';
import { courseRef, lecturesCol } from '../lib/data/courses';
import { userRef } from '../lib/data/users';
import { auditRef } from '../lib/data/audit-log';
import { runCallableTransaction } from '../lib/firestore';
import { startFanoutIn } from '../follows/fanout';
import { fanoutRef } from '../lib/data/follows';
import { fanoutId } from '@skillverse/domain/follows';

export type ModerateCourseInput = ParsedRequestOf<typeof moderateCourseContract>;

export async function moderateCourse(
  deps: { db: Firestore; now: Date } & NotifyDeps,
  actorId: string,
  input: ModerateCourseInput,
): Promise<ModerateCourseResponse> {
  const { db, now } = deps;
  const cRef = courseRef(db, input.courseId);
  const status = input.action === 'publish' ? ('published' as const) : ('rejected' as const);

  const outcome = await runCallableTransaction(db, async (tx) => {
    const [snap, actor] = await tx.getAll(cRef, userRef(db, actorId));
    if (!snap?.exists) throw notFound(`Course ${input.courseId}`);
    const course = snap.data() ?? {};
    const from = str(course.status);
    if (from !== 'pending') {
      throw failedPrecondition(
        `Only courses pending review can be published or rejected; this one is ${from || 'unknown'}.`,
      );
    }
    const instructorId = str(course.instructorId);
    const title = str(course.title, 'Untitled course');
    const auditEntry = auditRef(db);
    const audit = {
      actorId,
      actorName: displayNameOf(actor),
      action: `course.${input.action}`,
      target: `courses/${input.courseId}`,
      // The target is a course: its title at the time.
      targetName: title,
      details: { from, to: status, reason: input.reason ?? null, instructorId, title },
      createdAt: now,
    };

    if (status === 'rejected') {
      tx.update(cRef, {
        status,
        rejectionReason: input.reason ?? null,
        moderatedBy: actorId,
        moderatedAt: now,
        updatedAt: now,
      });
      tx.create(auditEntry, audit);
      return { instructorId, title, firstPublication: false };
    }

    const [lectures, instructorSnap, fanout] = await Promise.all([
      tx.get(lecturesCol(db, input.courseId).select('durationSec')),
      tx.get(userRef(db, instructorId || '_')),
      // Followers hear about a course once, when it is first published (issue 16 §3).
      tx.get(fanoutRef(db, fanoutId('course_published', input.courseId))),
    ]);
    const instructorName = str(
      instructorSnap.get('displayName'),
      str(course.instructorName, 'SkillVerse instructor'),
    );
    const firstPublication = course.firstPublishedAt == null && course.publishedAt == null;
    tx.update(cRef, {
      status,
      rejectionReason: null,
      publishedAt: course.publishedAt ?? now,
      ...(firstPublication ? { firstPublishedAt: now } : {}),
      instructorName,
      instructorPhotoURL: (instructorSnap.get('photoURL') as string | null | undefined) ?? null,
      searchTokens: searchTokens(title, strList(course.tags), instructorName, str(course.category)),
      totalLectures: lectures.size,
      totalDurationSec: lectures.docs.reduce((sum, d) => sum + Math.max(0, num(d.get('durationSec'))), 0),
      moderatedBy: actorId,
      moderatedAt: now,
      updatedAt: now,
    });
    if (firstPublication && instructorSnap.exists) {
      tx.update(instructorSnap.ref, { 'stats.coursesPublished': FieldValue.increment(1) });
    }
    if (firstPublication && instructorId) {
      startFanoutIn(
        db,
        tx,
        {
          kind: 'course_published',
          refId: input.courseId,
          educatorId: instructorId,
          educatorName: instructorName,
          title,
        },
        now,
        fanout.exists,
      );
    }
    tx.create(auditEntry, audit);
    return { instructorId, title, firstPublication };
  });

  logger.info('course moderated', { actorId, courseId: input.courseId, status });
  if (outcome.instructorId) {
    if (outcome.firstPublication) await recheckBadges(db, outcome.instructorId, now, deps);
    await notify(
      db,
      status === 'published'
        ? {
            uid: outcome.instructorId,
            type: 'course_approved',
            title: `Your course is live: ${outcome.title}`,
            body: 'An admin approved your course. Learners can now find it in the catalogue.',
            link: `/courses/${input.courseId}`,
          }
        : {
            uid: outcome.instructorId,
            type: 'course_rejected',
            title: `Changes needed: ${outcome.title}`,
            body: `An admin did not approve your course yet. Reason: ${input.reason}`,
            link: `/educator/courses/${input.courseId}/edit`,
          },
      deps,
    );
  }
  return { courseId: input.courseId, status };
}

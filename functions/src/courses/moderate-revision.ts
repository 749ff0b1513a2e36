// Admins approve or reject an educator's revision of a live course's lecture or quiz (issue 15
// item 2: what learners earn from was reviewed). Approval applies the revision to the lecture or
// quiz (and its answer key, and the course outline) in the same transaction that marks it approved,
// so learners see either the old approved item or the new one, never a half. A repeat of the same
// decision answers `alreadyDecided` and writes nothing. Every decision is audit-logged and the
// educator is notified (with the reason when rejected).
import {
  answerKeyOf,
  describeRevision,
  type ModerateRevisionResponse,
  REVISION_KINDS,
  REVISION_OPS,
  type RevisionKind,
  type RevisionOp,
  revisionPatch,
} from '@skillverse/domain/course-revisions';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { moderateRevision as moderateRevisionContract } from '@skillverse/domain/contracts/courses';
import { isRecord, num, str } from '@skillverse/domain/fields';
import type { DocumentSnapshot, Firestore, Timestamp } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { displayNameOf } from '../lib/audit';
import { auditRef } from '../lib/data/audit-log';
import { courseRef, lectureRef, quizKeyRef, quizRef, revisionRef } from '../lib/data/courses';
import { userRef } from '../lib/data/users';
import { failedPrecondition, notFound } from '../lib/errors';
import { type NotifyDeps, notify } from '../notifications/notify';

export type ModerateRevisionInput = ParsedRequestOf<typeof moderateRevisionContract>;

interface OutlineSection {
  id?: unknown;
  lectureIds?: unknown;
  lectures?: unknown;
  [key: string]: unknown;
}

/** The course outline (courses/{id}.sections) after a lecture revision is applied. */
function outlineAfter(
  sections: unknown,
  op: RevisionOp,
  lectureId: string,
  lecture: Record<string, unknown>,
): OutlineSection[] | null {
  if (!Array.isArray(sections)) return null;
  const summary = {
    id: lectureId,
    title: str(lecture.title, 'Untitled lecture'),
    durationSec: Math.max(0, num(lecture.durationSec)),
    preview: lecture.preview === true,
  };
  const list = sections.filter(isRecord) as OutlineSection[];
  // Summaries (`lectures`) are kept only where the outline already has them.
  const without = list.map((s) => ({
    ...s,
    lectureIds: Array.isArray(s.lectureIds) ? s.lectureIds.filter((id) => id !== lectureId) : [],
    ...(Array.isArray(s.lectures)
      ? { lectures: s.lectures.filter((l) => !(isRecord(l) && l.id === lectureId)) }
      : {}),
  }));
  if (op === 'remove') return without;
  if (op === 'change') {
    return list.map((s) =>
      Array.isArray(s.lectures)
        ? {
            ...s,
            lectures: s.lectures.map((l) =>
              isRecord(l) && l.id === lectureId
                ? { ...l, ...summary, title: typeof l.title === 'string' ? l.title : summary.title }
                : l,
            ),
          }
        : s,
    );
  }
  // add: into the section it names, else the last one.
  const target = without.findIndex((s) => s.id === lecture.sectionId);
  const at = target >= 0 ? target : without.length - 1;
  if (at < 0) return without;
  return without.map((s, i) =>
    i === at
      ? {
          ...s,
          lectureIds: [...(s.lectureIds as unknown[]), lectureId],
          ...(Array.isArray(s.lectures) ? { lectures: [...s.lectures, summary] } : {}),
        }
      : s,
  );
}

function millis(value: unknown): number {
  return value && typeof (value as Timestamp).toMillis === 'function' ? (value as Timestamp).toMillis() : 0;
}

export async function moderateRevision(
  deps: { db: Firestore; now: Date } & NotifyDeps,
  actorId: string,
  input: ModerateRevisionInput,
): Promise<ModerateRevisionResponse> {
  const { db, now } = deps;
  const status = input.action === 'approve' ? ('approved' as const) : ('rejected' as const);
  const rRef = revisionRef(db, input.courseId, input.revisionId);
  const cRef = courseRef(db, input.courseId);

  const outcome = await db.runTransaction(async (tx) => {
    const [revSnap, courseSnap, actor] = await tx.getAll(rRef, cRef, userRef(db, actorId));
    if (!courseSnap?.exists) throw notFound(`Course ${input.courseId}`);
    if (!revSnap?.exists) throw notFound(`Revision ${input.revisionId} of this course`);
    const rev = revSnap.data() ?? {};
    const kind = str(rev.kind) as RevisionKind;
    const op = str(rev.op) as RevisionOp;
    const itemId = str(rev.itemId);
    const title = str(rev.title, 'Untitled');
    const instructorId = str(rev.instructorId, str(courseSnap.get('instructorId')));
    const submittedAt = millis(rev.createdAt);
    const base = { instructorId, title, kind, op, submittedAt, courseTitle: str(courseSnap.get('title')) };
    const from = str(rev.status);
    if (from === status) return { ...base, alreadyDecided: true };
    if (from !== 'pending') {
      throw failedPrecondition(
        `Only pending revisions can be approved or rejected; this one is ${from || 'unknown'}.`,
      );
    }
    if (!REVISION_KINDS.includes(kind) || !REVISION_OPS.includes(op) || !itemId || itemId.includes('/')) {
      throw failedPrecondition('This revision is malformed (kind, op or item id); reject it instead.');
    }
    const decided = { status, decidedBy: actorId, decidedAt: now, updatedAt: now };
    const audit = {
      actorId,
      actorName: displayNameOf(actor),
      action: `course.revision.${input.action}`,
      target: `courses/${input.courseId}/revisions/${input.revisionId}`,
      targetName: describeRevision(kind, op, title),
      details: { from, to: status, reason: input.reason ?? null, instructorId, kind, op, itemId },
      createdAt: now,
    };

    if (status === 'rejected') {
      tx.update(rRef, { ...decided, reason: input.reason ?? null });
      tx.create(auditRef(db), audit);
      return { ...base, alreadyDecided: false };
    }

    // Approve: apply to the live item. All reads before any write.
    const itemRef =
      kind === 'lecture' ? lectureRef(db, input.courseId, itemId) : quizRef(db, input.courseId, itemId);
    const item: DocumentSnapshot = await tx.get(itemRef);
    const patch = revisionPatch(kind, rev.changes);
    const answerKey = kind === 'quiz' ? answerKeyOf(rev.answerKey) : null;
    if (op === 'add') {
      if (item.exists)
        throw failedPrecondition(`The ${kind} ${itemId} already exists; this revision cannot add it again.`);
      if (!str(patch.title)) throw failedPrecondition(`The new ${kind} has no title; reject it instead.`);
      if (kind === 'quiz' && !answerKey)
        throw failedPrecondition('The new quiz has no answer key; reject it instead.');
      tx.create(itemRef, { ...patch, createdAt: now, updatedAt: now });
    } else if (op === 'change') {
      if (!item.exists)
        throw failedPrecondition(`The ${kind} ${itemId} no longer exists; reject this revision.`);
      tx.update(itemRef, { ...patch, updatedAt: now });
    } else if (item.exists) {
      tx.delete(itemRef);
    }
    if (kind === 'quiz') {
      if (op === 'remove') tx.delete(quizKeyRef(db, input.courseId, itemId));
      else if (answerKey) tx.set(quizKeyRef(db, input.courseId, itemId), { answers: answerKey });
    }
    if (kind === 'lecture') {
      const merged = { ...(item.data() ?? {}), ...patch };
      const sections = outlineAfter(courseSnap.get('sections'), op, itemId, merged);
      if (sections) tx.update(cRef, { sections, updatedAt: now });
    }
    tx.update(rRef, { ...decided, reason: null, appliedAt: now });
    tx.create(auditRef(db), audit);
    return { ...base, alreadyDecided: false };
  });

  logger.info('course revision moderated', {
    actorId,
    courseId: input.courseId,
    revisionId: input.revisionId,
    status,
    alreadyDecided: outcome.alreadyDecided,
  });
  if (outcome.instructorId) {
    const what = describeRevision(outcome.kind, outcome.op, outcome.title);
    await notify(
      db,
      status === 'approved'
        ? {
            uid: outcome.instructorId,
            type: 'course_approved',
            id: `revision_${input.courseId}_${input.revisionId}_${outcome.submittedAt}_approved`,
            title: `Approved: ${what}`,
            body: `An admin approved your change to ${outcome.courseTitle || 'your course'}. Learners see it now.`,
            link: `/educator/courses/${input.courseId}/edit`,
          }
        : {
            uid: outcome.instructorId,
            type: 'course_rejected',
            id: `revision_${input.courseId}_${input.revisionId}_${outcome.submittedAt}_rejected`,
            title: `Changes needed: ${what}`,
            body: `An admin did not approve your change to ${outcome.courseTitle || 'your course'}. Reason: ${input.reason ?? 'not given'}`,
            link: `/educator/courses/${input.courseId}/edit`,
          },
      deps,
    );
  }
  return {
    courseId: input.courseId,
    revisionId: input.revisionId,
    status,
    alreadyDecided: outcome.alreadyDecided,
  };
}

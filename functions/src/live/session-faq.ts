// Q&A that teaches (issue 8, item 4). After a live session ends, the host publishes answered
// questions as FAQ entries on a lecture of the session's linked course (publishSessionFaq), and
// may move or withdraw them (republish to another lecture, unpublishSessionFaq). Entries are
// written here, not by clients: the copy on the lecture is always the question as asked and the
// host's own answer, and only someone who is both the session's host and the course's instructor
// can put it there. Ids are deterministic (session + question), so a repeat writes nothing new.
//
// The trigger side: when a session ends, each author of an unanswered question is told once
// (deterministic notification id) that people who teach the session's skill can help, and the
// host is told once that answered questions can be published.
import { unansweredNotificationId } from '@skillverse/domain/session-qa';
import {
  faqEntryId,
  type PublishSessionFaqResponse,
  type UnpublishSessionFaqResponse,
} from '@skillverse/domain/session-qa';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError } from 'firebase-functions/v2/https';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type {
  publishSessionFaq as publishContract,
  unpublishSessionFaq as unpublishContract,
} from '@skillverse/domain/contracts/live';
import type { Caller } from '../lib/errors';
import { forEachDocPage, isRecord, runCallableTransaction } from '../lib/firestore';
import { requireActiveUser } from '../lib/guards';
import { type NotifyDeps, notify } from '../notifications/notify';
import { loadSession, requireHost, type SessionDoc, sessionLink } from './session';
import { mapLimit } from '../lib/map-limit';
import { questionsCol, sessionRef } from '../lib/data/live-sessions';
import { courseRef, lectureFaqRef, lectureRef } from '../lib/data/courses';

export type PublishSessionFaqInput = ParsedRequestOf<typeof publishContract>;
export type UnpublishSessionFaqInput = ParsedRequestOf<typeof unpublishContract>;

export interface FaqDeps {
  db: Firestore;
  now: Date;
}

/** The `faq` pointer a published question carries (null when unpublished or malformed). */
function publishedPointer(value: unknown): { courseId: string; lectureId: string; faqId: string } | null {
  if (!isRecord(value)) return null;
  const { courseId, lectureId, faqId } = value;
  if (typeof courseId !== 'string' || typeof lectureId !== 'string' || typeof faqId !== 'string') return null;
  if (!courseId || !lectureId || !faqId) return null;
  return { courseId, lectureId, faqId };
}

/**
 * The caller hosts the session and teaches its linked course. Returns the course id.
 * Admins are not let through: an FAQ entry speaks for the instructor, so only they publish.
 */
async function requireHostAndInstructor(db: Firestore, session: SessionDoc, caller: Caller): Promise<string> {
  requireHost(session, caller);
  if (!session.courseId) {
    throw new HttpsError(
      'failed-precondition',
      'This session has no linked course. FAQ entries live on the lectures of a course, so only questions from a session linked to one of your courses can be published.',
    );
  }
  const course = await courseRef(db, session.courseId).get();
  if (!course.exists) {
    throw new HttpsError('failed-precondition', 'The course linked to this session no longer exists.');
  }
  if (course.get('instructorId') !== caller.uid) {
    throw new HttpsError(
      'permission-denied',
      'Only the instructor of the linked course can publish FAQ entries on its lectures.',
    );
  }
  return session.courseId;
}

/** Publishes (or republishes, or moves) one answered question as an FAQ entry on a lecture. */
export async function publishSessionFaq(
  deps: FaqDeps,
  caller: Caller,
  input: PublishSessionFaqInput,
): Promise<PublishSessionFaqResponse> {
  const { db, now } = deps;
  await requireActiveUser(db, caller.uid);
  const session = await loadSession(sessionRef(db, input.sessionId));
  const courseId = await requireHostAndInstructor(db, session, caller);
  if (session.status !== 'ended') {
    throw new HttpsError(
      'failed-precondition',
      `FAQ entries are published after the session has ended; this session is ${session.status}.`,
    );
  }
  const faqId = faqEntryId(session.id, input.questionId);
  const questionRef = questionsCol(sessionRef(db, session.id)).doc(input.questionId);
  const target = lectureFaqRef(db, courseId, input.lectureId, faqId);

  const result = await runCallableTransaction(db, async (tx) => {
    const [question, lecture, existing] = await Promise.all([
      tx.get(questionRef),
      tx.get(lectureRef(db, courseId, input.lectureId)),
      tx.get(target),
    ]);
    if (!question.exists) throw new HttpsError('not-found', 'That question was not found in this session.');
    const answer = typeof question.get('answer') === 'string' ? String(question.get('answer')).trim() : '';
    if (question.get('answered') !== true || !answer) {
      throw new HttpsError(
        'failed-precondition',
        'Only answered questions can be published: mark the question answered and write its answer first.',
      );
    }
    if (!lecture.exists) {
      throw new HttpsError(
        'invalid-argument',
        `lectureId: "${input.lectureId}" is not a lecture of the course linked to this session.`,
      );
    }
    const previous = publishedPointer(question.get('faq'));
    if (previous && (previous.courseId !== courseId || previous.lectureId !== input.lectureId)) {
      // Moved to another lecture: the old entry goes, so the question is on one lecture only.
      tx.delete(lectureFaqRef(db, previous.courseId, previous.lectureId, previous.faqId));
    }
    const publishedAt = existing.exists ? (existing.get('publishedAt') ?? now) : now;
    tx.set(target, {
      sessionId: session.id,
      questionId: question.id,
      sessionTitle: session.title,
      sessionDate: session.scheduledAt,
      hostId: session.hostId,
      hostName: session.hostName,
      question: String(question.get('text') ?? ''),
      answer,
      publishedAt,
      updatedAt: now,
    });
    tx.update(questionRef, {
      faq: { courseId, lectureId: input.lectureId, faqId, publishedAt },
    });
    return previous || existing.exists ? ('updated' as const) : ('created' as const);
  });
  logger.info('session FAQ published', {
    sessionId: session.id,
    questionId: input.questionId,
    courseId,
    result,
  });
  return { faqId, courseId, lectureId: input.lectureId, result };
}

/** Withdraws a published FAQ entry; the question keeps its answer. */
export async function unpublishSessionFaq(
  deps: FaqDeps,
  caller: Caller,
  input: UnpublishSessionFaqInput,
): Promise<UnpublishSessionFaqResponse> {
  const { db } = deps;
  await requireActiveUser(db, caller.uid);
  const session = await loadSession(sessionRef(db, input.sessionId));
  await requireHostAndInstructor(db, session, caller);
  const questionRef = questionsCol(sessionRef(db, session.id)).doc(input.questionId);
  const removed = await runCallableTransaction(db, async (tx) => {
    const question = await tx.get(questionRef);
    if (!question.exists) throw new HttpsError('not-found', 'That question was not found in this session.');
    const previous = publishedPointer(question.get('faq'));
    if (!previous) return false;
    tx.delete(lectureFaqRef(db, previous.courseId, previous.lectureId, previous.faqId));
    tx.update(questionRef, { faq: null });
    return true;
  });
  return { removed };
}

// ---------------------------------------------------------------------------------------------
// When a session ends

export interface FollowUpDeps extends NotifyDeps {
  db: Firestore;
  now: Date;
}

/** True for the update that moved a session to `ended` (a retry of it delivers the same pair). */
export function endedNow(beforeStatus: unknown, afterStatus: unknown): boolean {
  return afterStatus === 'ended' && beforeStatus !== 'ended';
}

export const hostPublishNotificationId = (sessionId: string) => `qa_publish_${sessionId}`;

/**
 * Tells each author of an unanswered question, once, where to find someone to ask; and the
 * host, once, that answered questions can be published as FAQ (when the session has a course).
 * Notification ids are deterministic, so running this twice notifies nobody twice.
 */
export async function followUpSessionQuestions(
  deps: FollowUpDeps,
  sessionId: string,
): Promise<{ askers: number; hostNotified: boolean }> {
  const { db } = deps;
  const ref = sessionRef(db, sessionId);
  const session = await loadSession(ref);
  if (session.status !== 'ended') return { askers: 0, hostNotified: false };

  const unansweredBy = new Map<string, number>();
  await forEachDocPage(questionsCol(ref).where('answered', '==', false), 200, async (docs) => {
    for (const doc of docs) {
      const authorId = String(doc.get('authorId') ?? '');
      if (!authorId || authorId === session.hostId) continue;
      unansweredBy.set(authorId, (unansweredBy.get(authorId) ?? 0) + 1);
    }
  });
  await mapLimit([...unansweredBy], 10, async ([uid, count]) => {
    await notify(
      db,
      {
        uid,
        type: 'session_reminder',
        id: unansweredNotificationId(session.id),
        title: count === 1 ? 'Your question is still open' : `${count} of your questions are still open`,
        body: `${session.title} ended before ${count === 1 ? 'your question was' : 'they were'} answered. See who teaches this and ask them directly.`,
        link: `${sessionLink(session.id)}#follow-up`,
      },
      deps,
    );
  });

  let hostNotified = false;
  if (session.courseId && session.hostId) {
    const answered = await questionsCol(ref).where('answered', '==', true).limit(1).get();
    if (!answered.empty) {
      await notify(
        db,
        {
          uid: session.hostId,
          type: 'session_reminder',
          id: hostPublishNotificationId(session.id),
          title: 'Turn your answers into course FAQ',
          body: `Publish the questions you answered in ${session.title} on your course's lectures.`,
          link: `${sessionLink(session.id)}#after-session`,
        },
        deps,
      );
      hostNotified = true;
    }
  }
  logger.info('session questions followed up', { sessionId, askers: unansweredBy.size, hostNotified });
  return { askers: unansweredBy.size, hostNotified };
}

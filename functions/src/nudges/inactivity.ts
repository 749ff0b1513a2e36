// Inactivity nudges at 1, 3 and 7 days (what is due: @skillverse/domain/nudges): users by
// gamification.lastActiveAt in the window; each nudge points at the course they were on, their
// streak and their next live session.
import { localDay } from '@skillverse/domain/gamification';
import {
  DAY_MS,
  INACTIVITY_GIVE_UP_DAYS,
  INACTIVITY_STAGES,
  type InactivityContext,
  inactivityMessage,
  inactivityNudgeDue,
  nudgeKey,
} from '@skillverse/domain/nudges';
import type { DocumentData, Firestore } from 'firebase-admin/firestore';
import { isRecord, nonEmptyStr, num, str } from '@skillverse/domain/fields';
import { courseRef } from '../lib/data/courses';
import { enrollmentsCol } from '../lib/data/enrollments';
import { registrationsGroup } from '../lib/data/live-sessions';
import { nudgeSendRef } from '../lib/data/nudges';
import { usersCol } from '../lib/data/users';
import { toDate } from '../lib/firestore';
import type { NudgeRun } from './nudge-run';

export async function sendInactivityNudges(run: NudgeRun): Promise<void> {
  const { db, now, skip, recipient, deliver, sweep } = run;
  await sweep(
    'inactivity',
    usersCol(db),
    'gamification.lastActiveAt',
    new Date(now.getTime() - INACTIVITY_GIVE_UP_DAYS * DAY_MS),
    new Date(now.getTime() - INACTIVITY_STAGES[0].days * DAY_MS),
    async (doc) => {
      const profile = doc.data();
      const g = isRecord(profile.gamification) ? profile.gamification : {};
      const lastActiveAt = toDate(g.lastActiveAt);
      const timezone = nonEmptyStr(profile.timezone) ?? 'UTC';
      // Timing first (no reads), then the log of this streak, then the person.
      const first = inactivityNudgeDue({ now, lastActiveAt, timezone, sent: [] });
      if (!first.due) return skip(first.reason);
      const keys = INACTIVITY_STAGES.map((s) => nudgeKey.inactivity(s.kind, first.streakStartDay));
      const logs = await db.getAll(...keys.map((k) => nudgeSendRef(db, doc.id, k)));
      const sent = logs.filter((s) => s.exists && s.get('status') === 'sent').map((s) => s.id);
      const decision = inactivityNudgeDue({ now, lastActiveAt, timezone, sent });
      if (!decision.due) return skip(decision.reason);
      const r = await recipient(doc.id, profile);
      if (r.block) return skip(r.block);
      const context = await inactivityContext(db, doc.id, profile, now, timezone);
      await deliver(
        r,
        decision.kind,
        decision.key,
        inactivityMessage(decision.kind, { ...context, timeZone: r.timezone }),
      );
    },
  );
}

/** What an inactivity nudge can point to: the course they were on, their streak, their next session. */
async function inactivityContext(
  db: Firestore,
  uid: string,
  profile: DocumentData,
  now: Date,
  timezone: string,
): Promise<InactivityContext> {
  const g = isRecord(profile.gamification) ? profile.gamification : {};
  const enrollments = enrollmentsCol(db).where('uid', '==', uid);
  const [byUpdate, registrations] = await Promise.all([
    enrollments.orderBy('updatedAt', 'desc').limit(10).get(),
    registrationsGroup(db).where('uid', '==', uid).orderBy('registeredAt', 'desc').limit(20).get(),
  ]);
  const docs = byUpdate.empty
    ? (await enrollments.orderBy('createdAt', 'desc').limit(10).get()).docs
    : byUpdate.docs;
  const current = docs.find(
    (d) => d.get('status') === 'active' && !d.get('completedAt') && num(d.get('progress')) < 100,
  );
  let course: InactivityContext['course'] = null;
  if (current) {
    const courseId = str(current.get('courseId'));
    let title = str(current.get('courseTitle'));
    if (!title && courseId)
      title = nonEmptyStr((await courseRef(db, courseId).get()).get('title')) ?? 'your course';
    if (courseId)
      course = {
        id: courseId,
        title,
        lastLectureId: str(current.get('lastLectureId')) || null,
        progress: num(current.get('progress')),
      };
  }
  let upcomingSession: InactivityContext['upcomingSession'] = null;
  const sessionRefs = registrations.docs.flatMap((r) => (r.ref.parent.parent ? [r.ref.parent.parent] : []));
  if (sessionRefs.length > 0) {
    for (const s of await db.getAll(...sessionRefs)) {
      const at = toDate(s.get('scheduledAt'));
      if (!s.exists || s.get('status') !== 'scheduled' || !at || at <= now) continue;
      if (!upcomingSession || at < upcomingSession.scheduledAt)
        upcomingSession = {
          id: s.id,
          title: nonEmptyStr(s.get('title')) ?? 'a live session',
          scheduledAt: at,
        };
    }
  }
  return {
    course,
    streak: {
      currentStreak: num(g.currentStreak),
      lastActiveDay: typeof g.lastActiveDay === 'string' ? g.lastActiveDay : null,
    },
    upcomingSession,
    today: localDay(now, timezone),
  };
}

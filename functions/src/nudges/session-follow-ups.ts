// Live-session follow-ups: ended sessions by endedAt in the window; everyone registered or
// attending (not the host) hears once, attended or missed, with the recording, the questions
// answered and, for who missed it, the host's next session or the course.
import {
  nudgeKey,
  SESSION_FOLLOW_UP_DELAY_MS,
  SESSION_FOLLOW_UP_WINDOW_MS,
  sessionFollowUpDue,
  sessionFollowUpMessage,
} from '@skillverse/domain/nudges';
import { nonEmptyStr, str } from '@skillverse/domain/fields';
import { courseRef } from '../lib/data/courses';
import {
  attendanceCol,
  liveSessionsCol,
  questionsCol,
  recordingRef,
  registrationsCol,
} from '../lib/data/live-sessions';
import { toDate } from '../lib/firestore';
import { mapLimit } from '../lib/map-limit';
import type { NudgeRun } from './nudge-run';

export async function sendSessionFollowUps(run: NudgeRun): Promise<void> {
  const { db, now, concurrency, skip, recipient, deliver, sweep } = run;
  await sweep(
    'sessions',
    liveSessionsCol(db).where('status', '==', 'ended'),
    'endedAt',
    new Date(now.getTime() - SESSION_FOLLOW_UP_WINDOW_MS),
    new Date(now.getTime() - SESSION_FOLLOW_UP_DELAY_MS),
    async (doc) => {
      // Marked once everyone was handled, so later sweeps read nothing more for it.
      if (doc.get('followUpsSentAt')) return skip('session-done');
      if (!sessionFollowUpDue(toDate(doc.get('endedAt')), now)) return skip('session-not-due');
      const hostId = str(doc.get('hostId'));
      const [attendance, registrations, answered, recording] = await Promise.all([
        attendanceCol(doc.ref).select().get(),
        registrationsCol(doc.ref).select().get(),
        questionsCol(doc.ref).where('answered', '==', true).count().get(),
        // The link is in private/recording (not public); a later link is announced by live/recording.ts.
        recordingRef(db, doc.id).get(),
      ]);
      const attended = new Set(attendance.docs.map((d) => d.id));
      const people = [...new Set([...attended, ...registrations.docs.map((d) => d.id)])].filter(
        (uid) => uid !== hostId,
      );
      const courseId = str(doc.get('courseId'));
      let hostName = str(doc.get('hostName'));
      if (!hostName && hostId) hostName = (await recipient(hostId)).displayName;
      const ctx = {
        session: {
          id: doc.id,
          title: nonEmptyStr(doc.get('title')) ?? 'your live session',
          hostName,
          recordingUrl: str(recording.get('url')) || null,
          answeredQuestions: answered.data().count,
        },
        nextSession: null as { id: string; title: string; scheduledAt: Date } | null,
        course: null as { id: string; title: string } | null,
      };
      if (people.some((uid) => !attended.has(uid))) {
        if (hostId) {
          const next = await liveSessionsCol(db)
            .where('hostId', '==', hostId)
            .where('status', '==', 'scheduled')
            .where('scheduledAt', '>', now)
            .orderBy('scheduledAt')
            .limit(1)
            .get();
          const n = next.docs[0];
          const at = n ? toDate(n.get('scheduledAt')) : null;
          if (n && at)
            ctx.nextSession = {
              id: n.id,
              title: nonEmptyStr(n.get('title')) ?? 'a live session',
              scheduledAt: at,
            };
        }
        if (courseId) {
          const course = await courseRef(db, courseId).get();
          if (course.exists && course.get('status') === 'published')
            ctx.course = { id: courseId, title: nonEmptyStr(course.get('title')) ?? 'the course' };
        }
      }
      const key = nudgeKey.sessionFollowUp(doc.id);
      let failed = 0;
      await mapLimit(people, concurrency, async (uid) => {
        const went = attended.has(uid);
        const r = await recipient(uid);
        const outcome = await deliver(
          r,
          went ? 'session-attended' : 'session-missed',
          key,
          sessionFollowUpMessage(went, { ...ctx, timeZone: r.timezone }),
        );
        if (outcome === 'failed') failed += 1;
      });
      // Not marked while an email failed: the next sweep retries it (the log keeps the rest once).
      if (failed === 0) {
        await doc.ref.update({ followUpsSentAt: now });
        // The follow-up carried the link: a later change of it is not announced again (live/recording.ts).
        if (ctx.session.recordingUrl) await recording.ref.set({ announcedAt: now }, { merge: true });
      }
    },
  );
}

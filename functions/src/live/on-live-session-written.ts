// The liveSessions trigger: keeps the host's name and photo on the session (lists read one
// document), tells learners of the linked course about a new session, and sends registered
// users an updated invite when the time changes.
import { sessionEndsAt } from '@skillverse/domain/live';
import type { DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import { type NotifyDeps, notify } from '../notifications/notify';
import { formatWhen, icsAttachment, parseSession, type SessionDoc, sessionIcs, sessionLink } from './session';
import { forEachDocPage } from '../lib/firestore';
import { mapLimit } from '../lib/map-limit';
import { registrationsCol } from '../lib/data/live-sessions';
import { userRef } from '../lib/data/users';
import { enrollmentsCol } from '../lib/data/enrollments';
import { startFanout } from '../follows/fanout';

export interface WrittenDeps extends NotifyDeps {
  db: Firestore;
  now: Date;
}

export async function onLiveSessionWritten(
  deps: WrittenDeps,
  before: DocumentSnapshot | undefined,
  after: DocumentSnapshot | undefined,
): Promise<{ denormalised: boolean; notified: number }> {
  if (!after?.exists) return { denormalised: false, notified: 0 };
  const { db } = deps;
  const session = parseSession(after);
  let notified = 0;

  // Host display fields.
  let denormalised = false;
  if (session.hostId) {
    const host = await userRef(db, session.hostId).get();
    const hostName = String(host.get('displayName') ?? '') || 'SkillVerse educator';
    const hostPhotoURL = (host.get('photoURL') as string | null | undefined) ?? null;
    if (after.get('hostName') !== hostName || (after.get('hostPhotoURL') ?? null) !== hostPhotoURL) {
      await after.ref.update({ hostName, hostPhotoURL });
      denormalised = true;
    }
    session.hostName = hostName;
  }

  const created = !before?.exists;
  if (created && session.status === 'scheduled' && session.hostId) {
    // The host's followers hear about it through a fan-out job (functions/src/follows/fanout.ts).
    // A follower who is also enrolled gets one notice: both use the id `scheduled_<sessionId>`.
    await startFanout(
      db,
      {
        kind: 'session_scheduled',
        refId: session.id,
        educatorId: session.hostId,
        educatorName: session.hostName,
        title: session.title,
        when: formatWhen(session.scheduledAt),
        // Followers' emails carry the calendar invite, as registrants' do.
        calendar: {
          startsAt: session.scheduledAt,
          durationMin: session.durationMin,
          ics: sessionIcs(session, { now: deps.now, baseUrl: deps.appUrl, method: 'PUBLISH' }),
        },
      },
      deps.now,
    );
  }
  if (created && session.status === 'scheduled' && session.courseId) {
    // Learners of the linked course hear about it (they may join without registering).
    const enrolments = enrollmentsCol(db)
      .where('courseId', '==', session.courseId)
      .where('status', '==', 'active');
    const ics = sessionIcs(session, { now: deps.now, baseUrl: deps.appUrl, method: 'PUBLISH' });
    await forEachDocPage(enrolments, 200, (docs) =>
      mapLimit(docs, 10, async (doc) => {
        const uid = String(doc.get('uid') ?? '');
        if (!uid || uid === session.hostId) return;
        await notify(
          db,
          {
            uid,
            type: 'session_scheduled',
            id: `scheduled_${session.id}`,
            title: `New live session: ${session.title}`,
            body: `${session.hostName} scheduled a live session for your course, ${formatWhen(session.scheduledAt)}.`,
            link: sessionLink(session.id),
            localize: (r) => ({
              body: `${session.hostName} scheduled a live session for your course, ${formatWhen(session.scheduledAt, r.timeZone)}.`,
              email: {
                subject: `New live session: ${session.title}`,
                text: `${session.hostName} scheduled ${session.title} for ${formatWhen(session.scheduledAt, r.timeZone)} (${session.durationMin} minutes).`,
                attachments: [icsAttachment(ics, 'PUBLISH')],
              },
            }),
          },
          deps,
        );
        notified += 1;
      }),
    );
  }

  if (!created && before && session.status === 'scheduled') {
    const previous = parseSession(before);
    if (timesChanged(previous, session)) {
      notified += await notifyRescheduled(deps, after, session);
    }
  }
  return { denormalised, notified };
}

function timesChanged(a: SessionDoc, b: SessionDoc): boolean {
  return (
    a.scheduledAt.getTime() !== b.scheduledAt.getTime() ||
    sessionEndsAt(a).getTime() !== sessionEndsAt(b).getTime()
  );
}

async function notifyRescheduled(deps: WrittenDeps, after: DocumentSnapshot, session: SessionDoc) {
  const version = `${session.scheduledAt.getTime()}_${session.durationMin}`;
  let count = 0;
  await forEachDocPage(registrationsCol(after.ref), 200, (docs) =>
    mapLimit(docs, 10, async (doc) => {
      await notify(
        deps.db,
        {
          uid: doc.id,
          type: 'session_scheduled',
          id: `rescheduled_${session.id}_${version}`,
          title: `New time: ${session.title}`,
          body: `${session.title} now starts ${formatWhen(session.scheduledAt)} and lasts ${session.durationMin} minutes.`,
          link: sessionLink(session.id),
          // An updated REQUEST (same UID, higher SEQUENCE) naming the attendee, times in their zone.
          localize: (r) => ({
            body: `${session.title} now starts ${formatWhen(session.scheduledAt, r.timeZone)} and lasts ${session.durationMin} minutes.`,
            email: {
              subject: `New time: ${session.title}`,
              text: `${session.title} has moved to ${formatWhen(session.scheduledAt, r.timeZone)} (${session.durationMin} minutes). The attached invite updates your calendar.`,
              attachments: [
                icsAttachment(
                  sessionIcs(session, {
                    now: deps.now,
                    baseUrl: deps.appUrl,
                    attendee: r.email ? { email: r.email } : null,
                  }),
                ),
              ],
            },
          }),
        },
        deps,
      );
      count += 1;
    }),
  );
  return count;
}

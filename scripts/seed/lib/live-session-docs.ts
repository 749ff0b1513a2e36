// Live sessions: registrations, attendance, chat, questions (with answers and the lecture FAQ
// entries published from them), polls with their votes and tallies, raised hands.
import { pointEventId } from '@skillverse/domain/gamification';
import type {
  LiveAttendance,
  LiveChatMessage,
  LivePoll,
  LivePollVote,
  LiveQuestion,
  LiveRegistration,
  LiveSession,
  RaisedHand,
} from '@skillverse/domain/models';
import { faqEntryId, type LectureFaqEntry } from '@skillverse/domain/session-qa';
import { COURSES } from '../data/courses';
import { LIVE_SESSIONS } from '../data/live-sessions';
import type { Data, KeyedByUid, SeedContext } from './seed-context';
import { ordinalId } from './util';

export interface LiveSessionDocsResult {
  liveSessionIds: string[];
  registrationCount: number;
}

export function addLiveSessionDocs(ctx: SeedContext): LiveSessionDocsResult {
  const { now, c, put, user, statsOf, award } = ctx;
  let registrationCount = 0;
  const liveSessionIds: string[] = [];
  for (const s of LIVE_SESSIONS) {
    liveSessionIds.push(s.id);
    const host = user(s.hostId, `live session ${s.id}`);
    if (!host.roles.includes('educator')) throw new Error(`seed: ${s.id}: host is not an educator`);
    const start = c.hoursFromNow(s.startsIn);
    const createdAt = c.daysAgo(s.createdDaysAgo);
    const end = c.minutesFrom(start, s.durationMin);
    if (s.status === 'scheduled' && start <= now) throw new Error(`seed: ${s.id}: scheduled in the past`);
    if (s.status === 'live' && !(start <= now && end > now)) throw new Error(`seed: ${s.id}: not live now`);
    if (s.status === 'ended' && end > now) throw new Error(`seed: ${s.id}: ended in the future`);
    if (s.registrations.length > s.capacity) throw new Error(`seed: ${s.id}: over capacity`);
    const registered = new Set(s.registrations.map((r) => r.uid));
    const inRoom = (uid: string) => uid === s.hostId || registered.has(uid);
    const inSession = (minutes: number) => c.minutesFrom(start, minutes);

    put<Data<LiveSession>>(`liveSessions/${s.id}`, {
      hostId: host.uid,
      title: s.title,
      description: s.description,
      courseId: s.courseId,
      scheduledAt: start,
      durationMin: s.durationMin,
      capacity: s.capacity,
      status: s.status,
      registeredCount: s.registrations.length,
      recordingEnabled: s.recordingEnabled,
      startedAt: s.status === 'live' || s.status === 'ended' ? start : null,
      endedAt: s.status === 'ended' ? end : null,
      hostName: host.displayName,
      hostPhotoURL: null,
      createdAt,
      updatedAt: s.status === 'ended' ? end : s.status === 'live' ? start : createdAt,
    });
    if (s.recordingUrl) {
      // The link lives in private/recording (rules: host, admins, registrants, attendees only), as
      // setSessionRecordingLink writes it: the host added it an hour after the end.
      if (s.status !== 'ended' || !s.recordingEnabled)
        throw new Error(`seed: ${s.id}: recording before the end`);
      put<{ url: string; source: 'host'; updatedAt: Date; updatedBy: string }>(
        `liveSessions/${s.id}/private/recording`,
        { url: s.recordingUrl, source: 'host', updatedAt: c.minutesFrom(end, 60), updatedBy: host.uid },
      );
    }
    for (const r of s.registrations) {
      const u = user(r.uid, `registrations of ${s.id}`);
      if (r.uid === s.hostId) throw new Error(`seed: ${s.id}: host registered`);
      const registeredAt = new Date(
        Math.min(
          now.getTime() - 5 * 60_000,
          Math.max(createdAt.getTime() + 3_600_000, start.getTime() - r.hoursBefore * 3_600_000),
        ),
      );
      put<Data<LiveRegistration> & { uid: string; registeredAt: Date }>(
        `liveSessions/${s.id}/registrations/${r.uid}`,
        {
          uid: r.uid,
          displayName: u.displayName,
          createdAt: registeredAt,
          // What registerForLiveSession writes (the room and "my sessions" order by it).
          registeredAt,
        },
      );
      registrationCount += 1;
    }
    for (const a of s.attendance ?? []) {
      if (!registered.has(a.uid)) throw new Error(`seed: ${s.id}: ${a.uid} attended without registering`);
      const joinedAt = inSession(a.joined);
      const leftAt = a.left === null ? null : inSession(a.left);
      put<LiveAttendance>(`liveSessions/${s.id}/attendance/${a.uid}`, {
        uid: a.uid,
        joinedAt,
        leftAt,
        totalSec: leftAt ? Math.round((leftAt.getTime() - joinedAt.getTime()) / 1000) : 0,
      });
      if (s.status === 'ended') {
        statsOf(a.uid).sessionsAttended += 1;
        award(
          a.uid,
          pointEventId.sessionAttended(s.id),
          'session_attended',
          `liveSessions/${s.id}`,
          leftAt ?? end,
        );
      }
    }
    if (s.status === 'ended') statsOf(host.uid).sessionsHosted += 1;
    (s.chat ?? []).forEach((m, i) => {
      if (!inRoom(m.from)) throw new Error(`seed: ${s.id}: chat from outside the room`);
      put<Data<LiveChatMessage>>(`liveSessions/${s.id}/chat/${ordinalId('c', i)}`, {
        senderId: m.from,
        text: m.text,
        createdAt: inSession(m.at),
      });
    });
    for (const q of s.questions ?? []) {
      if (!inRoom(q.from) || !q.upvoterIds.every(inRoom))
        throw new Error(`seed: ${s.id}: question from outside the room`);
      // Q&A that teaches: the host's written answer, and the FAQ entry publishSessionFaq would
      // have written on the linked course's lecture (with the pointer on the question).
      if ((q.answer || q.faqLectureId) && !q.answered)
        throw new Error(`seed: ${s.id}/${q.id}: answer on an open question`);
      const answeredAt = q.answer ? inSession(q.at + 2) : null;
      let faq: LiveQuestion['faq'] = null;
      if (q.faqLectureId) {
        const course = COURSES.find((x) => x.id === s.courseId);
        const lectureCount = course?.sections.reduce((n, sec) => n + sec.lectures.length, 0) ?? 0;
        const index = Number(q.faqLectureId.slice(1)) - 1;
        if (
          !course ||
          course.instructorId !== s.hostId ||
          !q.answer ||
          s.status !== 'ended' ||
          !(index >= 0 && index < lectureCount)
        )
          throw new Error(
            `seed: ${s.id}/${q.id}: FAQ needs an answered question of an ended session on a lecture of the host's course`,
          );
        const faqId = faqEntryId(s.id, q.id);
        const publishedAt = c.minutesFrom(end, 60);
        faq = { courseId: course.id, lectureId: q.faqLectureId, faqId, publishedAt };
        put<Omit<LectureFaqEntry, 'id'>>(`courses/${course.id}/lectures/${q.faqLectureId}/faq/${faqId}`, {
          sessionId: s.id,
          questionId: q.id,
          sessionTitle: s.title,
          sessionDate: start,
          hostId: host.uid,
          hostName: host.displayName,
          question: q.text,
          answer: q.answer,
          publishedAt,
          updatedAt: publishedAt,
        });
      }
      put<Data<LiveQuestion>>(`liveSessions/${s.id}/questions/${q.id}`, {
        authorId: q.from,
        text: q.text,
        upvoterIds: q.upvoterIds,
        answered: q.answered,
        createdAt: inSession(q.at),
        ...(q.answer ? { answer: q.answer, answeredAt } : {}),
        ...(faq ? { faq } : {}),
      });
    }
    for (const p of s.polls ?? []) {
      // The tally onPollVoteCreated keeps, precomputed; votes carry `countedAt` so the trigger
      // (when the seed runs with functions on) does not count them again.
      const counts: Record<string, number> = {};
      for (const [uid, optionIndex] of Object.entries(p.votes)) {
        if (!registered.has(uid) || optionIndex < 0 || optionIndex >= p.options.length) {
          throw new Error(`seed: ${s.id}/${p.id}: bad vote by ${uid}`);
        }
        counts[String(optionIndex)] = (counts[String(optionIndex)] ?? 0) + 1;
      }
      put<Data<LivePoll>>(`liveSessions/${s.id}/polls/${p.id}`, {
        question: p.question,
        options: p.options,
        open: p.open,
        counts,
        totalVotes: Object.keys(p.votes).length,
        createdAt: inSession(p.at),
        updatedAt: inSession(p.open ? p.at : p.at + 5),
      });
      for (const [uid, optionIndex] of Object.entries(p.votes)) {
        put<KeyedByUid<LivePollVote> & { countedAt: Date }>(
          `liveSessions/${s.id}/polls/${p.id}/votes/${uid}`,
          {
            optionIndex,
            createdAt: inSession(p.at + 1),
            countedAt: inSession(p.at + 1),
          },
        );
      }
    }
    for (const h of s.hands ?? []) {
      if (!registered.has(h.uid)) throw new Error(`seed: ${s.id}: hand from outside the room`);
      put<KeyedByUid<RaisedHand>>(`liveSessions/${s.id}/hands/${h.uid}`, { raisedAt: inSession(h.at) });
    }
  }
  return { liveSessionIds, registrationCount };
}

// Turns the seed data modules into the exact list of documents and Auth users to write. Pure:
// no Firebase here, everything relative to one `now`, so the plan can be inspected and tested
// without emulators. Derived values (ratings, counts, stats, badges, levels, leaderboards,
// platform counters) are computed from the documents themselves, so they always agree.
import {
  ALL_TIME_PERIOD,
  addDays,
  BADGES,
  type BadgeId,
  earnedBadges,
  emptyStats,
  isoWeekId,
  levelForPoints,
  localDay,
  nextStreak,
  POINTS,
  pointEventId,
  QUIZ_MASTERY_THRESHOLD,
  type StreakState,
} from '@skillverse/domain/gamification';
import type {
  BadgeDefinition,
  Certificate,
  Course,
  CourseSection,
  CourseStatus,
  EducatorApplication,
  Enrollment,
  Exchange,
  ExchangeFeedback,
  ExchangeMessage,
  ExchangeSession,
  ExchangeStatus,
  Gamification,
  LeaderboardEntry,
  Lecture,
  LiveAttendance,
  LiveChatMessage,
  LivePoll,
  LivePollVote,
  LiveQuestion,
  LiveRegistration,
  LiveSession,
  LiveSessionStatus,
  Payment,
  PointEvent,
  PointReason,
  PrivateAccount,
  Quiz,
  QuizAttempt,
  QuizKey,
  RaisedHand,
  Review,
  TypingIndicator,
  UserActivity,
  UserProfile,
  UserStats,
  AppNotification,
} from '@skillverse/domain/models';
import { nameSearchKey } from '@skillverse/domain/accounts-api';
import { type ActivityDays, addActivity, countsTowardActivity } from '@skillverse/domain/activity';
import { searchTokens } from '@skillverse/domain/courses-api';
import { COURSE_STATUSES, EXCHANGE_STATUSES, LIVE_SESSION_STATUSES } from '@skillverse/domain/models';
import type { StoredNotificationPreferences } from '@skillverse/domain/notifications';
import { faqEntryId, type LectureFaqEntry } from '@skillverse/domain/session-qa';
import { normalisedSkillKeys } from '@skillverse/domain/skills';
import { DEMO_ACCOUNTS, DEMO_LEARNER, SEED_USER_PASSWORD } from '../demo-accounts';
import { APPLICATIONS } from '../data/applications';
import { AUDIT_ENTRIES } from '../data/audit-log';
import { COURSES, SAMPLE_VIDEOS, type SeedCourse, type SeedLearner } from '../data/courses';
import { EXCHANGES } from '../data/exchanges';
import { LIVE_SESSIONS } from '../data/live-sessions';
import { seedNotifications } from '../data/notifications';
import { type SeedUser, USERS } from '../data/users';
import { buildSeedStats, seedStatsDocs } from './stats';
import { addTeachingDocs } from './teaching';
import { buildLeagueSeed } from './leagues';
import { between, type Clock, clock, durationSec, ordinalId, stableId, thumbnailDataUrl } from './util';

/** One document to write: its path and its data (Dates become Firestore Timestamps). */
export interface SeedDoc {
  path: string;
  data: object;
}

export interface SeedAuthUser {
  uid: string;
  email: string;
  password: string;
  displayName: string;
  claims: Record<string, true>;
}

export interface SeedCounts {
  users: number;
  courses: Record<CourseStatus, number>;
  lectures: number;
  quizzes: number;
  reviews: number;
  enrollments: number;
  payments: number;
  revenueCents: number;
  certificates: number;
  quizAttempts: number;
  exchanges: Record<ExchangeStatus, number>;
  exchangeMessages: number;
  exchangeSessions: number;
  liveSessions: Record<LiveSessionStatus, number>;
  liveRegistrations: number;
  notifications: number;
  pointEvents: number;
  leaderboardEntries: { allTime: number; week: number };
  educatorApplications: number;
  badges: number;
  documents: number;
}

export interface SeedPlan {
  now: Date;
  weekId: string;
  docs: SeedDoc[];
  authUsers: SeedAuthUser[];
  userIds: string[];
  courseIds: string[];
  exchangeIds: string[];
  liveSessionIds: string[];
  counts: SeedCounts;
  /** stats/* documents, written after everything else (see write.ts). */
  statsDocs: SeedDoc[];
}

/** The one user whose points come from a full, replayable ledger (the others carry totals). */
export const LEDGER_UID = DEMO_LEARNER.uid;

const QUIZ_ID = 'final';
const CURRENCY = 'USD';

type Data<T> = Omit<T, 'id'>;
/**
 * Documents keyed by a user id that clients write themselves: stored exactly as a client would
 * (the rules allow no extra keys there), the uid comes from the path.
 */
type KeyedByUid<T> = Omit<T, 'uid'>;

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) out[v] += 1;
  return out;
}

export function certificateIdFor(courseId: string, uid: string): string {
  return stableId(`certificate/${courseId}/${uid}`, 24);
}

interface LedgerEntry {
  id: string;
  points: number;
  reason: PointReason;
  refPath: string | null;
  createdAt: Date;
}

export function buildSeed(now: Date = new Date()): SeedPlan {
  const c = clock(now);
  const docs: SeedDoc[] = [];
  const put = <T extends object>(path: string, data: T) => {
    docs.push({ path, data });
  };

  const userById = new Map<string, SeedUser>(USERS.map((u) => [u.uid, u]));
  if (userById.size !== USERS.length) throw new Error('seed: duplicate user ids');
  const user = (uid: string, where: string): SeedUser => {
    const u = userById.get(uid);
    if (!u) throw new Error(`seed: unknown user "${uid}" in ${where}`);
    return u;
  };
  const stats = new Map<string, UserStats>(USERS.map((u) => [u.uid, emptyStats()]));
  const statsOf = (uid: string) => stats.get(uid)!;
  /** First time each user qualified for a badge, where the seed knows it. */
  const firsts = new Map<string, Partial<Record<BadgeId, Date>>>(USERS.map((u) => [u.uid, {}]));
  const noteFirst = (uid: string, badge: BadgeId, at: Date) => {
    const f = firsts.get(uid)!;
    const prev = f[badge];
    if (!prev || at < prev) f[badge] = at;
  };
  const ledger: LedgerEntry[] = [];
  const award = (uid: string, id: string, reason: PointReason, refPath: string | null, at: Date) => {
    if (uid !== LEDGER_UID) return;
    if (ledger.some((e) => e.id === id)) throw new Error(`seed: duplicate ledger id ${id}`);
    ledger.push({ id, points: POINTS[reason], reason, refPath, createdAt: at });
  };

  // ------------------------------------------------------------------------------ badges
  for (const badge of BADGES) {
    const { id, ...data } = badge;
    put<Data<BadgeDefinition>>(`badges/${id}`, data);
  }

  // ------------------------------------------------------------------------------ courses
  const certificates: { id: string; uid: string; courseId: string }[] = [];
  let lectureCount = 0;
  let quizCount = 0;
  let reviewCount = 0;
  let enrollmentCount = 0;
  let paymentCount = 0;
  let revenueCents = 0;
  let attemptCount = 0;
  const courseIds: string[] = [];

  COURSES.forEach((course, courseIndex) => {
    courseIds.push(course.id);
    const instructor = user(course.instructorId, `course ${course.id}`);
    if (!instructor.roles.includes('educator'))
      throw new Error(`seed: ${course.id}: instructor is not an educator`);
    const createdAt = c.daysAgo(course.createdDaysAgo);
    const published = course.status === 'published';
    const publishedAt = published
      ? c.daysAgo(requireNumber(course.publishedDaysAgo, `${course.id}.publishedDaysAgo`))
      : null;
    if (publishedAt && publishedAt < createdAt)
      throw new Error(`seed: ${course.id} published before it was created`);
    if (published) {
      statsOf(instructor.uid).coursesPublished += 1;
      noteFirst(instructor.uid, 'course-creator', publishedAt!);
    }

    // Outline and lectures.
    const lectures: (Data<Lecture> & { id: string })[] = [];
    const sections: CourseSection[] = course.sections.map((section, sIndex) => {
      const sectionId = `s${sIndex + 1}`;
      const lectureIds: string[] = [];
      for (const lecture of section.lectures) {
        const i = lectures.length;
        const id = ordinalId('l', i);
        lectureIds.push(id);
        const seconds = durationSec(lecture.duration);
        lectures.push({
          id,
          title: lecture.title,
          order: i + 1,
          sectionId,
          videoUrl: seconds > 0 ? SAMPLE_VIDEOS[(courseIndex + i) % SAMPLE_VIDEOS.length]! : null,
          videoPath: null,
          durationSec: seconds,
          preview: false,
          body: lecture.body,
          resources: lecture.resources ?? [],
          quizId: null,
          createdAt,
          updatedAt: publishedAt ?? createdAt,
        });
      }
      return { id: sectionId, title: section.title, order: sIndex + 1, lectureIds };
    });
    // The first lecture is a free preview; long courses preview the first two.
    const previews = lectures.length >= 5 ? 2 : 1;
    lectures.forEach((l, i) => {
      l.preview = i < previews;
    });
    if (published && (lectures.length < 3 || lectures.length > 8)) {
      throw new Error(`seed: ${course.id} should have 3–8 lectures (has ${lectures.length})`);
    }
    const lastLecture = lectures.at(-1);
    if (course.quiz && lastLecture) lastLecture.quizId = QUIZ_ID;
    const totalDurationSec = lectures.reduce((sum, l) => sum + l.durationSec, 0);

    // Learners, reviews, enrolments, payments, quiz attempts, certificates.
    const learners = course.learners ?? [];
    if (learners.length > 0 && !published)
      throw new Error(`seed: ${course.id} is not published but has learners`);
    const reviewers = learners.filter((l) => l.rating !== undefined);
    const ratingAverage = reviewers.length
      ? round2(reviewers.reduce((sum, l) => sum + (l.rating ?? 0), 0) / reviewers.length)
      : 0;
    const certificateEnabled = course.certificate !== false;
    const passingScore = course.quiz?.passingScore ?? 70;
    const thumbnailUrl = thumbnailDataUrl(course.category);

    const courseDoc: Data<Course> = {
      instructorId: instructor.uid,
      title: course.title,
      description: course.description,
      category: course.category,
      tags: course.tags,
      level: course.level,
      price: course.price,
      currency: CURRENCY,
      thumbnailUrl,
      status: course.status,
      rejectionReason: course.rejectionReason ?? null,
      sections,
      totalLectures: lectures.length,
      rating: { average: ratingAverage, count: reviewers.length },
      enrollmentCount: learners.length,
      certificate: { enabled: certificateEnabled, passingScore },
      instructorName: instructor.displayName,
      instructorPhotoURL: null,
      totalDurationSec,
      featured: course.featured === true,
      searchTokens: searchTokens(course.title, course.tags, instructor.displayName, course.category),
      publishedAt,
      createdAt,
      updatedAt: publishedAt ?? createdAt,
    };
    put(`courses/${course.id}`, courseDoc);
    for (const { id, ...lecture } of lectures)
      put<Data<Lecture>>(`courses/${course.id}/lectures/${id}`, lecture);
    lectureCount += lectures.length;

    if (course.quiz) {
      const questions = course.quiz.questions.map((q, i) => ({ id: `q${i + 1}`, q }));
      for (const { id, q } of questions) {
        if (q.type === 'boolean' && q.options.length !== 2)
          throw new Error(`seed: ${course.id} ${id}: boolean needs 2 options`);
        if (q.answer.length === 0 || q.answer.some((a) => a < 0 || a >= q.options.length)) {
          throw new Error(`seed: ${course.id} ${id}: answer out of range`);
        }
        if (q.type !== 'multiple' && q.answer.length !== 1)
          throw new Error(`seed: ${course.id} ${id}: one answer expected`);
      }
      put<Data<Quiz>>(`courses/${course.id}/quizzes/${QUIZ_ID}`, {
        title: course.quiz.title,
        questions: questions.map(({ id, q }) => ({ id, prompt: q.prompt, type: q.type, options: q.options })),
        passingScore: course.quiz.passingScore,
        sectionId: sections.at(-1)?.id ?? null,
        lectureId: lastLecture?.id ?? null,
        order: 1,
        createdAt,
        updatedAt: publishedAt ?? createdAt,
      });
      put<QuizKey>(`courses/${course.id}/quizKeys/${QUIZ_ID}`, {
        answers: Object.fromEntries(questions.map(({ id, q }) => [id, q.answer])),
      });
      quizCount += 1;
    }

    const seen = new Set<string>();
    for (const learner of learners) {
      if (seen.has(learner.uid)) throw new Error(`seed: ${course.id}: ${learner.uid} enrolled twice`);
      seen.add(learner.uid);
      if (learner.uid === instructor.uid)
        throw new Error(`seed: ${course.id}: instructor enrolled in own course`);
      user(learner.uid, `learners of ${course.id}`);
      const e = enrollmentFor(course, learner, lectures, c);
      const st = statsOf(learner.uid);
      st.lecturesCompleted += e.doneIds.length;
      e.lectureTimes.forEach((at, i) => {
        award(
          learner.uid,
          pointEventId.lecture(course.id, e.doneIds[i]!),
          'lecture_completed',
          `courses/${course.id}/lectures/${e.doneIds[i]}`,
          at,
        );
      });

      let certificateId: string | null = null;
      if (e.completedAt) {
        st.coursesCompleted += 1;
        noteFirst(learner.uid, 'first-course', e.completedAt);
        award(
          learner.uid,
          pointEventId.course(course.id),
          'course_completed',
          `courses/${course.id}`,
          e.completedAt,
        );
        if (course.quiz) {
          const attempt = quizAttemptFor(course, learner, passingScore);
          const attemptAt = new Date(e.completedAt.getTime() - 5 * 60_000);
          put<Data<QuizAttempt>>(`quizAttempts/${stableId(`attempt/${course.id}/${learner.uid}`, 20)}`, {
            uid: learner.uid,
            courseId: course.id,
            quizId: QUIZ_ID,
            instructorId: instructor.uid,
            score: attempt.score,
            passed: true,
            answers: attempt.answers,
            createdAt: attemptAt,
          });
          attemptCount += 1;
          if (attempt.score === 100) st.perfectQuizzes += 1;
          if (attempt.score >= QUIZ_MASTERY_THRESHOLD) {
            award(
              learner.uid,
              pointEventId.quiz(course.id, QUIZ_ID),
              'quiz_mastered',
              `courses/${course.id}/quizzes/${QUIZ_ID}`,
              attemptAt,
            );
          }
        }
        if (certificateEnabled) {
          certificateId = certificateIdFor(course.id, learner.uid);
          put<Data<Certificate>>(`certificates/${certificateId}`, {
            uid: learner.uid,
            userName: user(learner.uid, 'certificate').displayName,
            courseId: course.id,
            courseTitle: course.title,
            instructorId: instructor.uid,
            instructorName: instructor.displayName,
            issuedAt: e.completedAt,
          });
          certificates.push({ id: certificateId, uid: learner.uid, courseId: course.id });
        }
      }

      const source = course.price > 0 ? 'stripe' : 'free';
      put<Data<Enrollment>>(`enrollments/${course.id}_${learner.uid}`, {
        uid: learner.uid,
        courseId: course.id,
        instructorId: instructor.uid,
        status: 'active',
        source,
        completedLectureIds: e.doneIds,
        progress: Math.round((e.doneIds.length / lectures.length) * 100),
        lastLectureId: e.lastLectureId,
        lastPositionSec: e.lastPositionSec,
        completedAt: e.completedAt,
        certificateId,
        courseTitle: course.title,
        courseThumbnailUrl: thumbnailUrl,
        createdAt: e.enrolledAt,
        updatedAt: e.lastActiveAt,
      });
      enrollmentCount += 1;

      if (source === 'stripe') {
        const paidAt = new Date(e.enrolledAt.getTime() - 60_000);
        put<Data<Payment>>(`payments/${stableId(`payment/${course.id}/${learner.uid}`, 20)}`, {
          uid: learner.uid,
          courseId: course.id,
          instructorId: instructor.uid,
          amount: course.price,
          currency: CURRENCY,
          status: 'paid',
          stripeCheckoutSessionId: `cs_test_${stableId(`checkout/${course.id}/${learner.uid}`, 56)}`,
          stripePaymentIntentId: `pi_${stableId(`intent/${course.id}/${learner.uid}`, 24)}`,
          createdAt: new Date(paidAt.getTime() - 90_000),
          paidAt,
        });
        paymentCount += 1;
        revenueCents += course.price;
      }

      if (learner.rating !== undefined) {
        const reviewedAt = c.daysAgo(
          requireNumber(learner.reviewedDaysAgo, `${course.id}/${learner.uid}.reviewedDaysAgo`),
          ACTIVITY_OFFSET_HOURS,
        );
        if (reviewedAt <= e.enrolledAt)
          throw new Error(`seed: ${course.id}/${learner.uid} reviewed before enrolling`);
        if (!learner.comment || learner.comment.length > 2000)
          throw new Error(`seed: ${course.id}/${learner.uid}: bad comment`);
        put<KeyedByUid<Review>>(`courses/${course.id}/reviews/${learner.uid}`, {
          rating: learner.rating,
          comment: learner.comment,
          createdAt: reviewedAt,
          updatedAt: reviewedAt,
        });
        reviewCount += 1;
        st.reviewsWritten += 1;
        award(
          learner.uid,
          pointEventId.review(course.id),
          'review_written',
          `courses/${course.id}/reviews/${learner.uid}`,
          reviewedAt,
        );
      }
    }
  });

  // ------------------------------------------------------------------------------ exchanges
  let messageCount = 0;
  let sessionCount = 0;
  const exchangeIds: string[] = [];
  for (const x of EXCHANGES) {
    exchangeIds.push(x.id);
    user(x.requesterId, `exchange ${x.id}`);
    user(x.providerId, `exchange ${x.id}`);
    if (x.requesterId === x.providerId) throw new Error(`seed: ${x.id}: exchange with oneself`);
    const participants = [x.requesterId, x.providerId];
    const at = (hours: number) => c.hoursFromNow(hours);
    const terms = x.terms ?? null;
    const termsAcceptedBy = x.termsAcceptedBy ?? [];
    const completedBy = x.completedBy ?? [];
    if (
      ['active', 'completed'].includes(x.status) &&
      !participants.every((p) => termsAcceptedBy.includes(p))
    ) {
      throw new Error(`seed: ${x.id}: ${x.status} needs both participants to accept the terms`);
    }
    if (x.status === 'completed' && !participants.every((p) => completedBy.includes(p))) {
      throw new Error(`seed: ${x.id}: completed needs both confirmations`);
    }
    put<Data<Exchange>>(`exchanges/${x.id}`, {
      requesterId: x.requesterId,
      providerId: x.providerId,
      participants,
      offeredSkill: x.offeredSkill,
      requestedSkill: x.requestedSkill,
      message: x.message,
      status: x.status,
      terms,
      termsAcceptedBy,
      completedBy,
      createdAt: at(x.createdAt),
      updatedAt: at(x.updatedAt),
      // Kept by the exchange triggers (paused while seeding): who is in it, the last message, and
      // per person the messages from the other one since they last wrote (what they haven't read).
      ...exchangeDisplayFields(
        participants.map((uid) => user(uid, `exchange ${x.id}`)),
        (x.messages ?? []).map((m, i) => ({ ...m, id: ordinalId('m', i), at: at(m.at) })),
      ),
    } as Data<Exchange>);
    (x.messages ?? []).forEach((m, i) => {
      if (!participants.includes(m.from)) throw new Error(`seed: ${x.id}: message from a non-participant`);
      // `appliedAt`: already counted in the exchange's lastMessage and unread (see above), so the
      // message trigger skips it when the seed runs with functions on.
      put<Data<ExchangeMessage> & { appliedAt: Date }>(`exchanges/${x.id}/messages/${ordinalId('m', i)}`, {
        senderId: m.from,
        text: m.text,
        attachments: m.attachments ?? [],
        createdAt: at(m.at),
        appliedAt: at(m.at),
      });
      messageCount += 1;
    });
    (x.sessions ?? []).forEach((s, i) => {
      put<Data<ExchangeSession>>(`exchanges/${x.id}/sessions/${ordinalId('s', i)}`, {
        scheduledAt: at(s.at),
        durationMin: s.durationMin,
        status: s.status,
        notes: s.notes,
        createdBy: s.createdBy,
        createdAt: at(Math.min(s.at - 72, x.updatedAt)),
        updatedAt: at(s.status === 'scheduled' ? Math.min(s.at - 72, 0) : Math.min(s.at + 2, 0)),
      });
      sessionCount += 1;
    });
    for (const f of x.feedback ?? []) {
      if (x.status !== 'completed' || !participants.includes(f.uid))
        throw new Error(`seed: ${x.id}: bad feedback`);
      put<KeyedByUid<ExchangeFeedback>>(`exchanges/${x.id}/feedback/${f.uid}`, {
        rating: f.rating,
        comment: f.comment,
        endorsedSkills: f.endorsedSkills,
        createdAt: at(f.at),
      });
    }
    for (const t of x.typing ?? []) {
      put<KeyedByUid<TypingIndicator>>(`exchanges/${x.id}/typing/${t.uid}`, {
        typing: t.typing,
        at: at(t.at),
      });
    }
    if (x.status === 'completed') {
      for (const uid of participants) {
        statsOf(uid).exchangesCompleted += 1;
        noteFirst(uid, 'skill-sharer', at(x.updatedAt));
        award(uid, pointEventId.exchange(x.id), 'exchange_completed', `exchanges/${x.id}`, at(x.updatedAt));
      }
    }
  }

  // ------------------------------------------------------------------------------ live sessions
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
      recordingUrl: s.recordingUrl ?? null,
      startedAt: s.status === 'live' || s.status === 'ended' ? start : null,
      endedAt: s.status === 'ended' ? end : null,
      hostName: host.displayName,
      hostPhotoURL: null,
      createdAt,
      updatedAt: s.status === 'ended' ? end : s.status === 'live' ? start : createdAt,
    });
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

  // ------------------------------------------------------------------------------ the ledger user
  // Replays the demo learner's activity through the domain's streak rules, adding the daily
  // streak awards the ledger trigger would have created, so totals, streaks and badges match it.
  ledger.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const ledgerUser = user(LEDGER_UID, 'ledger');
  let streak: StreakState = { currentStreak: 0, longestStreak: 0, lastActiveDay: null };
  const streakEvents: LedgerEntry[] = [];
  for (const e of ledger) {
    const day = localDay(e.createdAt, ledgerUser.timezone);
    const next = nextStreak(streak, day);
    if (next.currentStreak > streak.currentStreak && next.currentStreak > 1) {
      streakEvents.push({
        id: pointEventId.streak(day),
        points: POINTS.daily_streak,
        reason: 'daily_streak',
        refPath: null,
        createdAt: e.createdAt,
      });
    }
    if (next.longestStreak >= 7 && streak.longestStreak < 7) noteFirst(LEDGER_UID, 'streak-7', e.createdAt);
    streak = next;
  }
  const fullLedger = [...ledger, ...streakEvents];
  for (const e of fullLedger) {
    // `leagueAt`: the weekly league's standings are seeded as they stand (./leagues.ts), so the
    // league step of the ledger trigger must not add these entries again.
    put<PointEvent & { leagueAt: Date }>(`users/${LEDGER_UID}/pointEvents/${e.id}`, {
      points: e.points,
      reason: e.reason,
      refPath: e.refPath,
      createdAt: e.createdAt,
      appliedAt: e.createdAt,
      leagueAt: e.createdAt,
    });
  }
  const weekId = isoWeekId(now);
  const ledgerPoints = fullLedger.reduce((sum, e) => sum + e.points, 0);
  const ledgerWeekPoints = fullLedger
    .filter((e) => isoWeekId(e.createdAt) === weekId)
    .reduce((sum, e) => sum + e.points, 0);

  // ------------------------------------------------------------------------------ users
  let allTimeEntries = 0;
  let weekEntries = 0;
  for (const u of USERS) {
    const st = statsOf(u.uid);
    const joinedAt = c.daysAgo(u.joinedDaysAgo);
    const isLedger = u.uid === LEDGER_UID;
    const points = isLedger ? ledgerPoints : requireNumber(u.points, `${u.uid}.points`);
    // Weekly points only for people whose last activity falls in the current ISO week.
    const activeThisWeek =
      typeof u.lastActiveDaysAgo === 'number' &&
      isoWeekId(c.daysAgo(u.lastActiveDaysAgo, ACTIVITY_OFFSET_HOURS)) === weekId;
    const weekly = isLedger ? ledgerWeekPoints : activeThisWeek ? (u.weeklyPoints ?? 0) : 0;
    if (weekly > points) throw new Error(`seed: ${u.uid}: more weekly than all-time points`);
    if (!isLedger && points < pointsImpliedBy(st)) {
      throw new Error(
        `seed: ${u.uid}: ${points} points is less than their seeded activity earns (${pointsImpliedBy(st)})`,
      );
    }
    const streakState: StreakState = isLedger
      ? streak
      : {
          currentStreak: requireNumber(u.currentStreak, `${u.uid}.currentStreak`),
          longestStreak: requireNumber(u.longestStreak, `${u.uid}.longestStreak`),
          lastActiveDay:
            u.lastActiveDaysAgo === null || u.lastActiveDaysAgo === undefined
              ? null
              : localDay(c.daysAgo(u.lastActiveDaysAgo), u.timezone),
        };
    if (streakState.currentStreak > streakState.longestStreak)
      throw new Error(`seed: ${u.uid}: streak > longest`);
    const badges = earnedBadges(st, streakState, u.rating);
    const known = firsts.get(u.uid)!;
    const badgeEarnedAt: Record<string, Date> = {};
    badges.forEach((b, i) => {
      // Where the seed does not know the moment (e.g. a streak long ago), spread the badges
      // over the membership so the timeline reads plausibly.
      badgeEarnedAt[b] = known[b] ?? between(joinedAt, c.daysAgo(1), (i + 1) / (badges.length + 1));
    });
    const gamification: Gamification = {
      points,
      level: levelForPoints(points).level,
      badges,
      currentStreak: streakState.currentStreak,
      longestStreak: streakState.longestStreak,
      lastActiveDay: streakState.lastActiveDay,
      badgeEarnedAt,
      // UTC instant of the latest learning activity (the admin console counts active learners by it).
      lastActiveAt: isLedger
        ? (fullLedger.reduce<Date | null>((a, e) => (!a || e.createdAt > a ? e.createdAt : a), null) ?? null)
        : typeof u.lastActiveDaysAgo === 'number'
          ? c.daysAgo(u.lastActiveDaysAgo, ACTIVITY_OFFSET_HOURS)
          : null,
      // Weekly leagues: the demo learner holds one streak freeze earned by teaching.
      ...(u.uid === DEMO_LEARNER.uid ? { streakFreezes: 1 } : {}),
    };
    const profile: UserProfile = {
      uid: u.uid,
      displayName: u.displayName,
      photoURL: null,
      bio: u.bio,
      headline: u.headline,
      interests: u.interests,
      skills: u.skills,
      offeredSkills: u.offeredSkills,
      desiredSkills: u.desiredSkills,
      availability: u.availability,
      timezone: u.timezone,
      onboarded: true,
      firstGoal: u.firstGoal,
      roles: u.roles,
      status: u.status,
      gamification,
      rating: u.rating,
      stats: st,
      createdAt: joinedAt,
      updatedAt: c.daysAgo(Math.min(u.joinedDaysAgo, 2)),
    };
    // nameLower: the admin search key, normally kept by onProfileWrittenIndexName.
    // offeredSkillKeys / desiredSkillKeys: the normalised keys onProfileWrittenMatchSkills keeps, so
    // people-by-skill queries (search, "Ask someone who teaches …") work with triggers paused too.
    const skillKeys = normalisedSkillKeys(profile);
    put(`users/${u.uid}`, {
      ...profile,
      nameLower: nameSearchKey(u.displayName),
      offeredSkillKeys: skillKeys.offered,
      desiredSkillKeys: skillKeys.desired,
    });
    put<
      Omit<PrivateAccount, 'notificationPreferences'> & {
        notificationPreferences: StoredNotificationPreferences;
      }
    >(`users/${u.uid}/private/account`, {
      email: u.email,
      stripeCustomerId: null,
      notificationPreferences: {},
      referredBy: null,
      createdAt: joinedAt,
    });
    // users/{uid}/private/activity: the streak heat-map. The ledger user's comes from her ledger,
    // exactly as the ledger trigger would build it; everyone else's follows their streak.
    const activityDays = isLedger
      ? ledgerActivity(fullLedger, u.timezone, now)
      : seededActivity(u.uid, u.joinedDaysAgo, streakState, localDay(now, u.timezone));
    if (Object.keys(activityDays).length > 0) {
      put<UserActivity>(`users/${u.uid}/private/activity`, {
        days: activityDays,
        timezone: u.timezone,
        updatedAt: now,
      });
    }
    if (u.status === 'active' && points > 0) {
      put<LeaderboardEntry>(`leaderboards/${ALL_TIME_PERIOD}/entries/${u.uid}`, {
        uid: u.uid,
        points,
        displayName: u.displayName,
        photoURL: null,
        updatedAt: now,
      });
      allTimeEntries += 1;
    }
    if (u.status === 'active' && weekly > 0) {
      put<LeaderboardEntry>(`leaderboards/${weekId}/entries/${u.uid}`, {
        uid: u.uid,
        points: weekly,
        displayName: u.displayName,
        photoURL: null,
        updatedAt: now,
      });
      weekEntries += 1;
    }
  }
  put(`leaderboards/${ALL_TIME_PERIOD}`, { period: ALL_TIME_PERIOD, updatedAt: now });
  put(`leaderboards/${weekId}`, { period: weekId, updatedAt: now });
  // Weekly leagues: the demo learner's cohort with the other active people (./leagues.ts).
  for (const d of buildLeagueSeed(now, USERS, DEMO_LEARNER.uid)) put(d.path, d.data);

  // ------------------------------------------------------------------------------ notifications
  let notificationCount = 0;
  const notifications = seedNotifications({ certificateId: certificateIdFor });
  for (const [uid, items] of Object.entries(notifications)) {
    user(uid, 'notifications');
    for (const n of items) {
      put<Data<AppNotification>>(`notifications/${uid}/items/${n.id}`, {
        type: n.type,
        title: n.title,
        body: n.body,
        link: n.link,
        read: n.read,
        createdAt: c.hoursFromNow(n.at),
      });
      notificationCount += 1;
    }
  }
  // Every certificate link in a notification must point at a seeded certificate.
  for (const items of Object.values(notifications)) {
    for (const n of items) {
      const m = n.link && /^\/certificates\/([^/]+)\/verify$/.exec(n.link);
      if (m && !certificates.some((cert) => cert.id === m[1]))
        throw new Error(`seed: notification ${n.id} links a missing certificate`);
    }
  }

  // ------------------------------------------------------------------------------ educator applications
  for (const a of APPLICATIONS) {
    user(a.uid, 'educator applications');
    const decided = a.decidedDaysAgo === undefined ? null : c.daysAgo(a.decidedDaysAgo);
    put<EducatorApplication>(`educatorApplications/${a.uid}`, {
      uid: a.uid,
      expertise: a.expertise,
      motivation: a.motivation,
      ...(a.sampleUrl ? { sampleUrl: a.sampleUrl } : {}),
      status: a.status,
      decidedBy: decided ? 'demo-admin' : null,
      decidedAt: decided,
      decisionReason: a.decisionReason ?? null,
      createdAt: c.daysAgo(a.createdDaysAgo),
    });
  }

  // ------------------------------------------------------------------------------ audit log
  // The decisions above and a few other admin actions, as the admin functions record them.
  for (const a of APPLICATIONS) {
    if (a.decidedDaysAgo === undefined || a.status === 'pending') continue;
    const decision = a.status === 'approved' ? 'approve' : 'reject';
    put(`auditLog/seed-application-${a.uid}`, {
      actorId: 'demo-admin',
      actorName: user('demo-admin', 'audit log').displayName,
      action: `educatorApplication.${decision}`,
      targetUid: a.uid,
      targetName: user(a.uid, 'audit log').displayName,
      target: `educatorApplications/${a.uid}`,
      details: { from: 'pending', to: a.status, reason: a.decisionReason ?? null },
      createdAt: c.daysAgo(a.decidedDaysAgo),
    });
  }
  for (const entry of AUDIT_ENTRIES) {
    user(entry.targetUid, 'audit log');
    put(`auditLog/${entry.id}`, {
      actorId: entry.actorId,
      actorName: user(entry.actorId, 'audit log').displayName,
      action: entry.action,
      targetUid: entry.targetUid,
      targetName: user(entry.targetUid, 'audit log').displayName,
      target: `users/${entry.targetUid}`,
      details: entry.details,
      createdAt: c.daysAgo(entry.daysAgo),
    });
  }

  // ------------------------------------------------------------------------------ teaching, discovery
  // Completion counters, the earnings ledger and everyone's recommendations (see teaching.ts).
  addTeachingDocs(docs, now);

  // ------------------------------------------------------------------------------ statistics
  // Counts by status for the summary line.
  const platform = {
    courses: countBy(
      COURSE_STATUSES,
      COURSES.map((x) => x.status),
    ),
    enrollments: enrollmentCount,
    revenueCents,
    exchanges: countBy(
      EXCHANGE_STATUSES,
      EXCHANGES.map((x) => x.status),
    ),
    liveSessions: countBy(
      LIVE_SESSION_STATUSES,
      LIVE_SESSIONS.map((x) => x.status),
    ),
  };
  // stats/platform, the daily history and stats/history: derived from the documents above, written
  // last (see write.ts), so the counter triggers skip the seed's own writes.
  const statsDocs = seedStatsDocs(buildSeedStats(docs, now));

  // ------------------------------------------------------------------------------ auth
  const authUsers: SeedAuthUser[] = USERS.map((u) => {
    const demo = DEMO_ACCOUNTS.find((a) => a.uid === u.uid);
    const claims: Record<string, true> = {};
    if (u.roles.includes('educator')) claims.educator = true;
    if (u.roles.includes('admin')) claims.admin = true;
    return {
      uid: u.uid,
      email: u.email,
      password: demo?.password ?? SEED_USER_PASSWORD,
      displayName: u.displayName,
      claims,
    };
  });

  const paths = new Set<string>();
  for (const d of docs) {
    if (paths.has(d.path)) throw new Error(`seed: document written twice: ${d.path}`);
    paths.add(d.path);
  }

  return {
    now,
    weekId,
    docs,
    authUsers,
    userIds: USERS.map((u) => u.uid),
    courseIds,
    exchangeIds,
    liveSessionIds,
    statsDocs,
    counts: {
      users: USERS.length,
      courses: platform.courses,
      lectures: lectureCount,
      quizzes: quizCount,
      reviews: reviewCount,
      enrollments: enrollmentCount,
      payments: paymentCount,
      revenueCents,
      certificates: certificates.length,
      quizAttempts: attemptCount,
      exchanges: platform.exchanges,
      exchangeMessages: messageCount,
      exchangeSessions: sessionCount,
      liveSessions: platform.liveSessions,
      liveRegistrations: registrationCount,
      notifications: notificationCount,
      pointEvents: fullLedger.length,
      leaderboardEntries: { allTime: allTimeEntries, week: weekEntries },
      educatorApplications: APPLICATIONS.length,
      badges: BADGES.length,
      documents: docs.length + statsDocs.length,
    },
  };
}

/** The least a user's seeded activity is worth under the points table (for sanity checks). */
function pointsImpliedBy(st: UserStats): number {
  return (
    st.lecturesCompleted * POINTS.lecture_completed +
    st.coursesCompleted * POINTS.course_completed +
    st.reviewsWritten * POINTS.review_written +
    st.exchangesCompleted * POINTS.exchange_completed +
    st.sessionsAttended * POINTS.session_attended +
    st.sessionsHosted * POINTS.session_hosted
  );
}

function requireNumber(value: number | undefined, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`seed: ${what} is required`);
  return value;
}

interface EnrollmentTimeline {
  enrolledAt: Date;
  lastActiveAt: Date;
  doneIds: string[];
  lectureTimes: Date[];
  completedAt: Date | null;
  lastLectureId: string;
  lastPositionSec: number;
}

/** Learning activity is stamped this long before the time of day of "now". */
const ACTIVITY_OFFSET_HOURS = 1 / 3;

/**
 * When each lecture was completed: one a day ending on the learner's last active day when that
 * fits since enrolling (so streaks read naturally), otherwise spread evenly.
 */
function enrollmentFor(
  course: SeedCourse,
  learner: SeedLearner,
  lectures: readonly { id: string; durationSec: number }[],
  c: Clock,
): EnrollmentTimeline {
  // Activity happens 20 minutes before the hour of "now", whole days back, so one-a-day
  // activity always lands on consecutive local days.
  const at = (daysAgo: number) => c.daysAgo(daysAgo, ACTIVITY_OFFSET_HOURS);
  if (learner.enrolledDaysAgo >= requireNumber(course.publishedDaysAgo, `${course.id}.publishedDaysAgo`)) {
    throw new Error(`seed: ${course.id}/${learner.uid} enrolled before the course was published`);
  }
  const completed = learner.done === 'all';
  const count = completed ? lectures.length : (learner.done as number);
  if (count < 0 || (!completed && count >= lectures.length)) {
    throw new Error(`seed: ${course.id}/${learner.uid}: use done: 'all' to complete the course`);
  }
  const enrolledAt = c.daysAgo(learner.enrolledDaysAgo, 3);
  const defaultLast =
    completed && learner.reviewedDaysAgo !== undefined
      ? Math.min(learner.enrolledDaysAgo - 1, learner.reviewedDaysAgo + 1)
      : Math.floor(learner.enrolledDaysAgo / 2);
  const lastActiveDaysAgo = learner.lastActiveDaysAgo ?? defaultLast;
  if (lastActiveDaysAgo >= learner.enrolledDaysAgo) {
    throw new Error(`seed: ${course.id}/${learner.uid}: last active before enrolling`);
  }
  const lastActiveAt = at(lastActiveDaysAgo);
  const doneIds = lectures.slice(0, count).map((l) => l.id);
  const daily = count <= learner.enrolledDaysAgo - lastActiveDaysAgo;
  const lectureTimes = doneIds.map((_, i) =>
    daily
      ? at(lastActiveDaysAgo + (count - 1 - i))
      : between(new Date(enrolledAt.getTime() + 3_600_000), lastActiveAt, (i + 1) / count),
  );
  const current = completed ? lectures.at(-1)! : lectures[count]!;
  return {
    enrolledAt,
    lastActiveAt,
    doneIds,
    lectureTimes,
    completedAt: completed ? new Date(lastActiveAt.getTime() + 15 * 60_000) : null,
    lastLectureId: current.id,
    lastPositionSec: completed ? current.durationSec : Math.floor(current.durationSec * 0.4),
  };
}

/** A passing attempt with `quizWrong` questions answered wrongly. */
function quizAttemptFor(
  course: SeedCourse,
  learner: SeedLearner,
  passingScore: number,
): { score: number; answers: Record<string, number[]> } {
  const questions = course.quiz!.questions;
  const wrong = learner.quizWrong ?? 0;
  const answers: Record<string, number[]> = {};
  questions.forEach((q, i) => {
    const id = `q${i + 1}`;
    if (i < wrong) {
      const other = q.options.findIndex((_, index) => !q.answer.includes(index));
      answers[id] = [other];
    } else {
      answers[id] = [...q.answer];
    }
  });
  const score = Math.round(((questions.length - wrong) / questions.length) * 100);
  if (score < passingScore) {
    throw new Error(`seed: ${course.id}/${learner.uid} completed the course but failed the quiz (${score}%)`);
  }
  return { score, answers };
}

// ------------------------------------------------------------------------------ activity heat-map

/** The ledger user's activity map: her learning ledger summed per local day. */
function ledgerActivity(ledger: readonly LedgerEntry[], timezone: string, now: Date): ActivityDays {
  const today = localDay(now, timezone);
  let days: ActivityDays = {};
  for (const e of ledger) {
    if (countsTowardActivity(e.reason))
      days = addActivity(days, localDay(e.createdAt, timezone), e.points, today);
  }
  return days;
}

/** A small, stable hash of a string (FNV-1a), for repeatable "random" seed activity. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * A plausible year of activity for a seeded person: the current streak as a run of days ending
 * on their last active day, and scattered single days before it (never two in a row, so no run
 * outgrows the seeded streaks), only since they joined.
 */
function seededActivity(
  uid: string,
  joinedDaysAgo: number,
  streak: StreakState,
  today: string,
): ActivityDays {
  const last = streak.lastActiveDay;
  if (!last) return {};
  let days: ActivityDays = {};
  const points = (day: string) => 10 * (1 + (hash(`${uid}:${day}:points`) % 6));
  const run = Math.max(1, streak.currentStreak);
  for (let i = 0; i < run; i++) {
    const day = addDays(last, -i);
    days = addActivity(days, day, points(day) + (i < run - 1 ? POINTS.daily_streak : 0), today);
  }
  const oldest = Math.min(joinedDaysAgo, 364);
  let previousChosen = false;
  // Start two days before the run, so the day just before it stays empty.
  for (let back = run + 1; back <= oldest; back++) {
    const day = addDays(last, -back);
    const chosen: boolean = !previousChosen && hash(`${uid}:${day}`) % 3 === 0;
    if (chosen) days = addActivity(days, day, points(day), today);
    previousChosen = chosen;
  }
  return days;
}

// ------------------------------------------------------------------------------ exchange lists

/** `people`, `lastMessage` and `unread` of an exchange, as the exchange triggers keep them. */
function exchangeDisplayFields(
  people: readonly SeedUser[],
  messages: readonly { id: string; from: string; text: string; at: Date }[],
) {
  const sorted = [...messages].sort((a, b) => a.at.getTime() - b.at.getTime());
  const last = sorted.at(-1);
  const unread: Record<string, number> = {};
  for (const person of people) {
    let count = 0;
    for (const m of sorted) count = m.from === person.uid ? 0 : count + 1;
    unread[person.uid] = count;
  }
  const flat = last ? last.text.replace(/\s+/g, ' ').trim() : '';
  return {
    people: Object.fromEntries(people.map((p) => [p.uid, { displayName: p.displayName, photoURL: null }])),
    lastMessage: last
      ? {
          id: last.id,
          text: flat.length > 140 ? `${flat.slice(0, 139)}…` : flat,
          senderId: last.from,
          at: last.at,
        }
      : null,
    unread,
  };
}

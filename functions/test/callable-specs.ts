// Every callable's input, for the malformed-payload walkers (scripts/bench/faults.ts scenario 5 and
// tests/integration/malformed-payloads.test.ts): what a valid request looks like, and which answers
// each may give to malformed input (and why). A callable in domain/src/contracts/registry.ts without
// a spec here fails the walker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as accounts from '@skillverse/domain/contracts/accounts';
import * as billing from '@skillverse/domain/contracts/billing';
import * as courses from '@skillverse/domain/contracts/courses';
import * as credentials from '@skillverse/domain/contracts/credentials';
import * as exchange from '@skillverse/domain/contracts/exchange';
import * as follows from '@skillverse/domain/contracts/follows';
import * as live from '@skillverse/domain/contracts/live';
import * as payouts from '@skillverse/domain/contracts/payouts';
import * as plusRevenue from '@skillverse/domain/contracts/plus-revenue';
import * as plusMembership from '@skillverse/domain/contracts/plus-membership';
import * as stats from '@skillverse/domain/contracts/stats';
import type { FieldSpec } from './malformed-payloads';

/** Ids of things the fuzzing user may not act on, made by the script before scenario 5. */
export interface ForeignIds {
  /** Published free course the user is not enrolled in. */
  freeCourse: string;
  /** Published paid course (another instructor). */
  paidCourse: string;
  /** A draft course of another instructor. */
  draftCourse: string;
  /** Lecture and quiz ids that exist in freeCourse. */
  lectureId: string;
  quizId: string;
  /** A pending payment of another user. */
  otherPayment: string;
  /** A scheduled session hosted by someone else. */
  otherSession: string;
  /** An ended session hosted by someone else. */
  endedSession: string;
  /** Another user's uid. */
  otherUid: string;
}

type Schema = { safeParse(value: unknown): { success: boolean } };

export interface CallableSpec {
  name: string;
  /** requireAdmin() runs first: a non-admin gets permission-denied whatever the payload. */
  adminOnly: boolean;
  fields: FieldSpec[];
  /** Well-formed requests aimed at what the caller may not touch. */
  foreign: (ids: ForeignIds) => Record<string, unknown>[];
  /** Error statuses allowed for the signed-in learner (lower-case callable codes), plus 'ok'. */
  allowed: string[];
  why: string;
  /** The callable's own input schema; a payload it rejects must get invalid-argument. */
  schema: Schema;
  /**
   * Admin-only callables whose accepted input is a legitimate admin run that writes (a rollup, a
   * backfill): as an admin, only payloads the schema rejects are sent.
   */
  adminSkipsValid?: boolean;
}

const NOPE = 'does-not-exist-0000';

type Contract = { name: string; input: Schema };

/** A callable for educators that takes no input (the fuzzing user is a learner). */
function educatorWithoutInput(contract: Contract): CallableSpec {
  return {
    name: contract.name,
    adminOnly: false,
    fields: [],
    foreign: () => [],
    allowed: ['invalid-argument', 'permission-denied'],
    why: 'educators only (the fuzzing user is a learner); takes no input',
    schema: contract.input,
  };
}

/** A callable about one session of an exchange: { exchangeId, sessionId }, for its two people only. */
function exchangeSessionCall(contract: Contract, alsoAllowed: string[] = [], when = ''): CallableSpec {
  return {
    name: contract.name,
    adminOnly: false,
    fields: [
      { name: 'exchangeId', kind: 'id', valid: NOPE },
      { name: 'sessionId', kind: 'id', valid: NOPE },
    ],
    foreign: () => [{ exchangeId: NOPE, sessionId: NOPE }],
    allowed: ['invalid-argument', 'not-found', 'permission-denied', ...alsoAllowed],
    why: `the two people of the exchange only${when}: not-found for an exchange or session that does not exist`,
    schema: contract.input,
  };
}

/** A callable about one group session of a swap cycle: { cycleId, sessionId }, for its three people only. */
function cycleSessionCall(contract: Contract): CallableSpec {
  return {
    name: contract.name,
    adminOnly: false,
    fields: [
      { name: 'cycleId', kind: 'id', valid: NOPE },
      { name: 'sessionId', kind: 'id', valid: NOPE },
    ],
    foreign: () => [{ cycleId: NOPE, sessionId: NOPE }],
    allowed: ['invalid-argument', 'not-found', 'permission-denied', 'failed-precondition'],
    why: 'the three people of a group swap only, while the call is open: not-found for a cycle or session that does not exist',
    schema: contract.input,
  };
}

const sessionFields = (valid: string): FieldSpec[] => [{ name: 'sessionId', kind: 'id', valid }];

export const CALLABLE_SPECS: Record<string, CallableSpec> = {
  ensureProfile: {
    name: accounts.ensureProfile.name,
    adminOnly: false,
    fields: [{ name: 'timezone', kind: 'timezone', valid: 'Europe/Berlin' }],
    foreign: () => [],
    allowed: ['invalid-argument', 'ok'],
    why: 'only creates the caller’s own missing documents: bad input is invalid-argument; input the schema accepts (null, {}, a real time zone) is a no-op for an existing profile (checked: nothing written)',
    schema: accounts.ensureProfile.input,
  },
  exportMyData: {
    name: accounts.exportMyData.name,
    adminOnly: false,
    fields: [],
    foreign: () => [],
    allowed: ['invalid-argument', 'ok'],
    why: 'reads only the caller’s own data and writes nothing: bad input is invalid-argument, null or {} answers the export',
    schema: accounts.exportMyData.input,
  },
  deleteMyAccount: {
    name: accounts.deleteMyAccount.name,
    adminOnly: false,
    fields: [{ name: 'confirmEmail', kind: 'text', valid: 'not-the-walkers-email@example.com' }],
    foreign: () => [],
    allowed: ['invalid-argument', 'failed-precondition'],
    why: 'deletes only the caller, and only when confirmEmail is the caller’s own email (the walker never sends it): a typed email that is not the account’s is failed-precondition and writes nothing',
    schema: accounts.deleteMyAccount.input,
  },
  decideEducatorApplication: {
    name: accounts.decideEducatorApplication.name,
    adminOnly: true,
    fields: [
      { name: 'uid', kind: 'id', valid: 'someone' },
      { name: 'decision', kind: 'enum', valid: 'reject', values: ['approve', 'reject'] },
      { name: 'reason', kind: 'text', valid: 'Not enough detail about your experience.' },
    ],
    foreign: (ids) => [{ uid: ids.otherUid, decision: 'approve' }],
    allowed: ['permission-denied'],
    why: 'admin only: requireAdmin answers permission-denied before reading the payload',
    schema: accounts.decideEducatorApplication.input,
  },
  setUserRoles: {
    name: accounts.setUserRoles.name,
    adminOnly: true,
    fields: [
      { name: 'uid', kind: 'id', valid: 'someone' },
      { name: 'role', kind: 'enum', valid: 'educator', values: ['educator', 'admin'] },
      { name: 'grant', kind: 'bool', valid: true },
    ],
    foreign: (ids) => [{ uid: ids.otherUid, role: 'admin', grant: true }],
    allowed: ['permission-denied'],
    why: 'admin only (and the self-promotion attempt is the point of the test)',
    schema: accounts.setUserRoles.input,
  },
  setUserStatus: {
    name: accounts.setUserStatus.name,
    adminOnly: true,
    fields: [
      { name: 'uid', kind: 'id', valid: 'someone' },
      { name: 'status', kind: 'enum', valid: 'suspended', values: ['active', 'suspended', 'banned'] },
      { name: 'reason', kind: 'text', valid: 'spam' },
    ],
    foreign: (ids) => [{ uid: ids.otherUid, status: 'banned' }],
    allowed: ['permission-denied'],
    why: 'admin only',
    schema: accounts.setUserStatus.input,
  },
  completeLocalCheckout: {
    name: billing.completeLocalCheckout.name,
    adminOnly: false,
    fields: [
      { name: 'paymentId', kind: 'id', valid: NOPE },
      { name: 'outcome', kind: 'enum', valid: 'paid', values: ['paid', 'failed', 'expired'] },
    ],
    foreign: (ids) => [
      { paymentId: ids.otherPayment, outcome: 'paid' },
      { paymentId: ids.otherPayment, outcome: 'failed' },
      { paymentId: NOPE, outcome: 'paid' },
    ],
    allowed: ['invalid-argument', 'not-found', 'permission-denied'],
    why: 'not-found for a payment id that names nothing; permission-denied for another payer’s payment',
    schema: billing.completeLocalCheckout.input,
  },
  createPlusCheckoutSession: {
    name: plusMembership.createPlusCheckoutSession.name,
    adminOnly: false,
    fields: [
      { name: 'plan', kind: 'enum', valid: 'monthly', values: ['monthly', 'yearly'] },
      { name: 'successUrl', kind: 'url', valid: 'http://localhost:5173/ok' },
      { name: 'cancelUrl', kind: 'url', valid: 'http://localhost:5173/cancel' },
    ],
    foreign: () => [{ plan: 'yearly', successUrl: 'javascript:alert(1)' }],
    allowed: ['invalid-argument', 'failed-precondition', 'ok'],
    why: 'a verified learner gets the local checkout page (writes nothing locally); failed-precondition without a verified email',
    schema: plusMembership.createPlusCheckoutSession.input,
  },
  createPlusPortalSession: {
    name: plusMembership.createPlusPortalSession.name,
    adminOnly: false,
    fields: [{ name: 'returnUrl', kind: 'url', valid: 'http://localhost:5173/plus' }],
    foreign: () => [{}],
    allowed: ['invalid-argument', 'failed-precondition'],
    why: 'failed-precondition: the fuzzing user has no Plus membership to manage',
    schema: plusMembership.createPlusPortalSession.input,
  },
  completeLocalPlusCheckout: {
    name: plusMembership.completeLocalPlusCheckout.name,
    adminOnly: false,
    fields: [
      { name: 'plan', kind: 'enum', valid: 'monthly', values: ['monthly', 'yearly'] },
      { name: 'outcome', kind: 'enum', valid: 'cancelled', values: ['paid', 'cancelled'] },
    ],
    // Not 'paid': that is a real (local) subscription, which writes by design.
    foreign: () => [{ plan: 'yearly', outcome: 'cancelled' }],
    allowed: ['invalid-argument', 'ok'],
    why: 'emulator only; "cancelled" (the page\'s Cancel button) changes nothing',
    schema: plusMembership.completeLocalPlusCheckout.input,
  },
  localPlusPortalAction: {
    name: plusMembership.localPlusPortalAction.name,
    adminOnly: false,
    fields: [
      {
        name: 'action',
        kind: 'enum',
        valid: 'cancel',
        values: ['switch-plan', 'cancel', 'resume', 'fail-payment', 'pay'],
      },
      { name: 'plan', kind: 'enum', valid: 'yearly', values: ['monthly', 'yearly'] },
    ],
    foreign: () => [{ action: 'cancel' }, { action: 'pay' }],
    allowed: ['invalid-argument', 'failed-precondition'],
    why: 'failed-precondition: the fuzzing user has no local Plus membership',
    schema: plusMembership.localPlusPortalAction.input,
  },
  startPlusLearning: {
    name: plusMembership.startPlusLearning.name,
    adminOnly: false,
    fields: [{ name: 'courseId', kind: 'id', valid: NOPE }],
    foreign: (ids) => [
      { courseId: ids.paidCourse },
      { courseId: ids.draftCourse },
      { courseId: ids.freeCourse },
    ],
    allowed: ['invalid-argument', 'not-found', 'failed-precondition', 'permission-denied'],
    why: 'not-found for a missing or draft course; failed-precondition for a course not in Plus (free); permission-denied without a Plus membership',
    schema: plusMembership.startPlusLearning.input,
  },
  createConnectOnboardingLink: educatorWithoutInput(payouts.createConnectOnboardingLink),
  completeLocalOnboarding: educatorWithoutInput(payouts.completeLocalOnboarding),
  runLocalPayout: educatorWithoutInput(payouts.runLocalPayout),
  createCheckoutSession: {
    name: billing.createCheckoutSession.name,
    adminOnly: false,
    fields: [
      { name: 'courseId', kind: 'id', valid: NOPE },
      { name: 'successUrl', kind: 'url', valid: 'http://localhost:5173/ok' },
      { name: 'cancelUrl', kind: 'url', valid: 'http://localhost:5173/cancel' },
    ],
    foreign: (ids) => [
      { courseId: ids.draftCourse },
      { courseId: ids.freeCourse },
      { courseId: NOPE },
      { courseId: ids.paidCourse, successUrl: 'javascript:alert(1)' },
    ],
    allowed: ['invalid-argument', 'not-found', 'failed-precondition'],
    why: 'not-found for a missing or unpublished (draft) course; failed-precondition for a free course (use enrollInFreeCourse)',
    schema: billing.createCheckoutSession.input,
  },
  completeLecture: {
    name: courses.completeLecture.name,
    adminOnly: false,
    fields: [
      { name: 'courseId', kind: 'id', valid: NOPE },
      { name: 'lectureId', kind: 'id', valid: 'l1' },
    ],
    foreign: (ids) => [
      { courseId: ids.freeCourse, lectureId: ids.lectureId },
      { courseId: ids.draftCourse, lectureId: 'l1' },
      { courseId: NOPE, lectureId: 'l1' },
    ],
    allowed: ['invalid-argument', 'not-found', 'permission-denied'],
    why: 'not-found for a missing course; permission-denied when the caller is not enrolled',
    schema: courses.completeLecture.input,
  },
  recordLectureProgress: {
    name: courses.recordLectureProgress.name,
    adminOnly: false,
    fields: [
      { name: 'courseId', kind: 'id', valid: NOPE },
      { name: 'lectureId', kind: 'id', valid: 'l1' },
      { name: 'event', kind: 'enum', valid: 'tick', values: ['start', 'tick', 'pause'] },
      { name: 'measuredDurationSec', kind: 'number', valid: 600 },
    ],
    foreign: (ids) => [
      { courseId: ids.freeCourse, lectureId: ids.lectureId, event: 'start' },
      { courseId: ids.draftCourse, lectureId: 'l1', event: 'tick' },
      { courseId: NOPE, lectureId: 'l1', event: 'tick' },
    ],
    allowed: ['invalid-argument', 'not-found', 'permission-denied'],
    why: 'not-found for a missing course or lecture; permission-denied when the caller is not enrolled',
    schema: courses.recordLectureProgress.input,
  },
  enrollInFreeCourse: {
    name: courses.enrollInFreeCourse.name,
    adminOnly: false,
    fields: [{ name: 'courseId', kind: 'id', valid: NOPE }],
    foreign: (ids) => [{ courseId: ids.draftCourse }, { courseId: ids.paidCourse }, { courseId: NOPE }],
    allowed: ['invalid-argument', 'not-found', 'failed-precondition'],
    why: 'not-found for a missing or draft course; failed-precondition for a paid course (it needs checkout)',
    schema: courses.enrollInFreeCourse.input,
  },
  moderateCourse: {
    name: courses.moderateCourse.name,
    adminOnly: true,
    fields: [
      { name: 'courseId', kind: 'id', valid: NOPE },
      { name: 'action', kind: 'enum', valid: 'publish', values: ['publish', 'reject'] },
      { name: 'reason', kind: 'text', valid: 'The lectures are missing their videos.' },
    ],
    foreign: (ids) => [{ courseId: ids.draftCourse, action: 'publish' }],
    allowed: ['permission-denied'],
    why: 'admin only',
    schema: courses.moderateCourse.input,
  },
  moderateRevision: {
    name: courses.moderateRevision.name,
    adminOnly: true,
    fields: [
      { name: 'courseId', kind: 'id', valid: NOPE },
      { name: 'revisionId', kind: 'id', valid: NOPE },
      { name: 'action', kind: 'enum', valid: 'approve', values: ['approve', 'reject'] },
      { name: 'reason', kind: 'text', valid: 'The new video is missing its captions.' },
    ],
    foreign: (ids) => [
      { courseId: ids.freeCourse, revisionId: `lecture-${ids.lectureId}`, action: 'approve' },
    ],
    allowed: ['permission-denied'],
    why: 'admin only',
    schema: courses.moderateRevision.input,
  },
  setCourseFeatured: {
    name: courses.setCourseFeatured.name,
    adminOnly: true,
    fields: [
      { name: 'courseId', kind: 'id', valid: NOPE },
      { name: 'featured', kind: 'bool', valid: true },
    ],
    foreign: (ids) => [{ courseId: ids.freeCourse, featured: true }],
    allowed: ['permission-denied'],
    why: 'admin only (as an admin, a course id that names nothing is not-found, a draft failed-precondition)',
    schema: courses.setCourseFeatured.input,
  },
  setCoursePlusExcluded: {
    name: courses.setCoursePlusExcluded.name,
    adminOnly: true,
    fields: [
      { name: 'courseId', kind: 'id', valid: NOPE },
      { name: 'excluded', kind: 'bool', valid: true },
    ],
    foreign: (ids) => [{ courseId: ids.freeCourse, excluded: true }],
    allowed: ['permission-denied'],
    why: 'admin only (as an admin, a course id that names nothing is not-found)',
    schema: courses.setCoursePlusExcluded.input,
  },
  submitQuiz: {
    name: courses.submitQuiz.name,
    adminOnly: false,
    fields: [
      { name: 'courseId', kind: 'id', valid: NOPE },
      { name: 'quizId', kind: 'id', valid: 'final' },
      { name: 'attemptId', kind: 'id', valid: NOPE },
      { name: 'answers', kind: 'answers', valid: { q1: [1] } },
    ],
    foreign: (ids) => [
      {
        courseId: ids.freeCourse,
        quizId: ids.quizId,
        attemptId: NOPE,
        answers: { q1: [1], q2: [0, 2], q3: [0] },
      },
      { courseId: NOPE, quizId: 'final', attemptId: NOPE, answers: {} },
    ],
    allowed: ['invalid-argument', 'not-found', 'permission-denied'],
    why: 'not-found for a missing course, quiz or attempt; permission-denied when not enrolled',
    schema: courses.submitQuiz.input,
  },
  startQuizAttempt: {
    name: courses.startQuizAttempt.name,
    adminOnly: false,
    fields: [
      { name: 'courseId', kind: 'id', valid: NOPE },
      { name: 'quizId', kind: 'id', valid: 'final' },
    ],
    foreign: (ids) => [
      { courseId: ids.freeCourse, quizId: ids.quizId },
      { courseId: NOPE, quizId: 'final' },
    ],
    allowed: ['invalid-argument', 'not-found', 'permission-denied'],
    why: 'not-found for a missing course or quiz; permission-denied when not enrolled',
    schema: courses.startQuizAttempt.input,
  },
  endLiveSession: {
    name: live.endLiveSession.name,
    adminOnly: false,
    fields: sessionFields(NOPE),
    foreign: (ids) => [{ sessionId: ids.otherSession }, { sessionId: ids.endedSession }, { sessionId: NOPE }],
    allowed: ['invalid-argument', 'not-found', 'permission-denied'],
    why: 'host or admin only: permission-denied for someone else’s session, not-found for none',
    schema: live.endLiveSession.input,
  },
  cancelLiveSession: {
    name: live.cancelLiveSession.name,
    adminOnly: false,
    fields: sessionFields(NOPE),
    foreign: (ids) => [{ sessionId: ids.otherSession }, { sessionId: ids.endedSession }, { sessionId: NOPE }],
    allowed: ['invalid-argument', 'not-found', 'permission-denied'],
    why: 'host or admin only',
    schema: live.cancelLiveSession.input,
  },
  getLiveKitToken: {
    name: live.getLiveKitToken.name,
    adminOnly: false,
    fields: sessionFields(NOPE),
    foreign: (ids) => [{ sessionId: ids.otherSession }, { sessionId: ids.endedSession }, { sessionId: NOPE }],
    allowed: ['invalid-argument', 'not-found', 'permission-denied', 'failed-precondition'],
    why: 'permission-denied when neither host, registered nor enrolled; failed-precondition when the session is not live (or, with nothing else wrong, no LiveKit server is configured)',
    schema: live.getLiveKitToken.input,
  },
  setSessionRecordingLink: {
    name: live.setSessionRecordingLink.name,
    adminOnly: false,
    fields: [
      { name: 'sessionId', kind: 'id', valid: NOPE },
      { name: 'url', kind: 'url', valid: 'https://videos.example.com/recording.mp4' },
    ],
    foreign: (ids) => [
      { sessionId: ids.endedSession, url: 'https://videos.example.com/hijack.mp4' },
      { sessionId: ids.endedSession, url: null },
      { sessionId: ids.otherSession, url: 'https://videos.example.com/r.mp4' },
      { sessionId: NOPE, url: 'https://videos.example.com/r.mp4' },
    ],
    allowed: ['invalid-argument', 'not-found', 'permission-denied'],
    why: 'host or admin only: permission-denied for someone else’s session (ended or not), not-found for none',
    schema: live.setSessionRecordingLink.input,
  },
  startSessionRecording: {
    name: live.startSessionRecording.name,
    adminOnly: false,
    fields: sessionFields(NOPE),
    foreign: (ids) => [{ sessionId: ids.otherSession }, { sessionId: ids.endedSession }, { sessionId: NOPE }],
    allowed: ['invalid-argument', 'not-found', 'permission-denied', 'failed-precondition'],
    why: 'host only: permission-denied for someone else’s session; failed-precondition without LiveKit and a recordings bucket',
    schema: live.startSessionRecording.input,
  },
  stopSessionRecording: {
    name: live.stopSessionRecording.name,
    adminOnly: false,
    fields: sessionFields(NOPE),
    foreign: (ids) => [{ sessionId: ids.otherSession }, { sessionId: ids.endedSession }, { sessionId: NOPE }],
    allowed: ['invalid-argument', 'not-found', 'permission-denied', 'failed-precondition'],
    why: 'host or admin only: permission-denied for someone else’s session; failed-precondition without LiveKit or a running recording',
    schema: live.stopSessionRecording.input,
  },
  moderateLiveParticipant: {
    name: live.moderateLiveParticipant.name,
    adminOnly: false,
    fields: [
      { name: 'sessionId', kind: 'id', valid: NOPE },
      { name: 'uid', kind: 'id', valid: 'someone' },
      { name: 'action', kind: 'enum', valid: 'mute', values: ['mute', 'remove', 'promote', 'demote'] },
    ],
    foreign: (ids) => [
      { sessionId: ids.otherSession, uid: ids.otherUid, action: 'remove' },
      { sessionId: NOPE, uid: ids.otherUid, action: 'mute' },
    ],
    allowed: ['invalid-argument', 'not-found', 'permission-denied'],
    why: 'host only: permission-denied for someone else’s session',
    schema: live.moderateLiveParticipant.input,
  },
  registerForLiveSession: {
    name: live.registerForLiveSession.name,
    adminOnly: false,
    fields: [
      { name: 'sessionId', kind: 'id', valid: NOPE },
      { name: 'action', kind: 'enum', valid: 'register', values: ['register', 'unregister'] },
    ],
    foreign: (ids) => [
      { sessionId: ids.endedSession, action: 'register' },
      { sessionId: NOPE, action: 'register' },
    ],
    allowed: ['invalid-argument', 'not-found', 'failed-precondition'],
    why: 'not-found for no session; failed-precondition when registration is closed (ended)',
    schema: live.registerForLiveSession.input,
  },
  startLiveSession: {
    name: live.startLiveSession.name,
    adminOnly: false,
    fields: sessionFields(NOPE),
    foreign: (ids) => [{ sessionId: ids.otherSession }, { sessionId: NOPE }],
    allowed: ['invalid-argument', 'not-found', 'permission-denied'],
    why: 'host only',
    schema: live.startLiveSession.input,
  },
  refreshPlatformStats: {
    name: stats.refreshPlatformStats.name,
    adminOnly: true,
    fields: [{ name: 'day', kind: 'day', valid: '2026-11-25' }],
    foreign: () => [],
    allowed: ['permission-denied'],
    why: 'admin only',
    schema: stats.refreshPlatformStats.input,
    adminSkipsValid: true,
  },
  runPlusMonthClose: {
    name: plusRevenue.runPlusMonthClose.name,
    adminOnly: true,
    fields: [{ name: 'month', kind: 'text', valid: '2020-01' }],
    foreign: () => [],
    allowed: ['permission-denied'],
    why: 'admin only; an accepted month runs the revenue-share close, so as an admin only rejected payloads are sent',
    schema: plusRevenue.runPlusMonthClose.input,
    adminSkipsValid: true,
  },
  backfillCredentials: {
    name: credentials.backfillCredentials.name,
    adminOnly: true,
    fields: [],
    foreign: () => [],
    allowed: ['permission-denied'],
    why: 'admin only; its only accepted input ({}) runs the backfill, so as an admin only rejected payloads are sent',
    schema: credentials.backfillCredentials.input,
    adminSkipsValid: true,
  },
  revokeCredential: {
    name: credentials.revokeCredential.name,
    adminOnly: true,
    fields: [
      { name: 'certificateId', kind: 'id', valid: NOPE },
      { name: 'reason', kind: 'text', valid: 'Issued in error.' },
    ],
    foreign: () => [],
    allowed: ['permission-denied'],
    why: 'admin only (as an admin, a certificate id that names nothing is not-found)',
    schema: credentials.revokeCredential.input,
  },
  publishSessionFaq: {
    name: live.publishSessionFaq.name,
    adminOnly: false,
    fields: [
      { name: 'sessionId', kind: 'id', valid: NOPE },
      { name: 'questionId', kind: 'id', valid: 'q1' },
      { name: 'lectureId', kind: 'id', valid: 'l1' },
    ],
    foreign: (ids) => [
      { sessionId: ids.otherSession, questionId: 'q1', lectureId: ids.lectureId },
      { sessionId: ids.endedSession, questionId: 'q1', lectureId: ids.lectureId },
      { sessionId: NOPE, questionId: 'q1', lectureId: 'l1' },
    ],
    allowed: ['invalid-argument', 'not-found', 'permission-denied'],
    why: 'host (and course instructor) only: permission-denied for someone else’s session, not-found for none',
    schema: live.publishSessionFaq.input,
  },
  respondToSwapCycle: {
    name: exchange.respondToSwapCycle.name,
    adminOnly: false,
    fields: [
      { name: 'cycleId', kind: 'id', valid: NOPE },
      { name: 'decision', kind: 'enum', valid: 'accept', values: ['accept', 'decline'] },
    ],
    foreign: () => [
      { cycleId: NOPE, decision: 'accept' },
      { cycleId: NOPE, decision: 'decline' },
    ],
    allowed: ['invalid-argument', 'not-found', 'permission-denied'],
    why: 'the three people of a proposal only: not-found for a proposal that does not exist',
    schema: exchange.respondToSwapCycle.input,
  },
  requestExchange: {
    name: exchange.requestExchange.name,
    adminOnly: false,
    fields: [
      { name: 'requestId', kind: 'id', valid: NOPE },
      { name: 'providerId', kind: 'id', valid: NOPE },
      { name: 'offeredSkill', kind: 'text', valid: 'Spanish' },
      { name: 'requestedSkill', kind: 'text', valid: 'Guitar' },
      { name: 'message', kind: 'text', valid: 'Shall we swap?' },
    ],
    foreign: () => [{ requestId: NOPE, providerId: NOPE, offeredSkill: 'Spanish', requestedSkill: 'Guitar' }],
    allowed: ['invalid-argument', 'not-found', 'failed-precondition', 'permission-denied'],
    why: 'not-found for a provider who does not exist (the sample never names a real one, so nothing is created)',
    schema: exchange.requestExchange.input,
  },
  confirmExchangeSession: exchangeSessionCall(exchange.confirmExchangeSession),
  exchangeCallHeartbeat: exchangeSessionCall(
    exchange.exchangeCallHeartbeat,
    ['failed-precondition'],
    ', while the call is open',
  ),
  getExchangeCallToken: exchangeSessionCall(
    exchange.getExchangeCallToken,
    ['failed-precondition'],
    ', while the call is open',
  ),
  confirmSwapCycleSession: {
    name: exchange.confirmSwapCycleSession.name,
    adminOnly: false,
    fields: [
      { name: 'cycleId', kind: 'id', valid: NOPE },
      { name: 'sessionId', kind: 'id', valid: NOPE },
      { name: 'rating', kind: 'number', valid: 5 },
    ],
    foreign: () => [{ cycleId: NOPE, sessionId: NOPE, rating: 5 }],
    allowed: ['invalid-argument', 'not-found', 'permission-denied'],
    why: 'the three people of a group swap only: not-found for a cycle or session that does not exist',
    schema: exchange.confirmSwapCycleSession.input,
  },
  cycleCallHeartbeat: cycleSessionCall(exchange.cycleCallHeartbeat),
  getCycleCallToken: cycleSessionCall(exchange.getCycleCallToken),
  unpublishSessionFaq: {
    name: live.unpublishSessionFaq.name,
    adminOnly: false,
    fields: [
      { name: 'sessionId', kind: 'id', valid: NOPE },
      { name: 'questionId', kind: 'id', valid: 'q1' },
    ],
    foreign: (ids) => [
      { sessionId: ids.otherSession, questionId: 'q1' },
      { sessionId: ids.endedSession, questionId: 'q1' },
      { sessionId: NOPE, questionId: 'q1' },
    ],
    allowed: ['invalid-argument', 'not-found', 'permission-denied'],
    why: 'host (and course instructor) only: permission-denied for someone else’s session, not-found for none',
    schema: live.unpublishSessionFaq.input,
  },
  followEducator: {
    name: follows.followEducator.name,
    adminOnly: false,
    fields: [
      { name: 'educatorId', kind: 'id', valid: NOPE },
      { name: 'follow', kind: 'bool', valid: true },
    ],
    foreign: (ids) => [
      { educatorId: ids.otherUid, follow: true },
      { educatorId: NOPE, follow: false },
    ],
    allowed: ['invalid-argument', 'not-found', 'failed-precondition', 'ok'],
    why: 'not-found to follow nobody, failed-precondition to follow a non-educator; unfollowing someone not followed is a no-op (ok, nothing written)',
    schema: follows.followEducator.input,
  },
};

/**
 * The callables exported by functions/src/index.ts: every `export { a, b } from './x.function'`
 * whose module calls onCall for that name.
 */
export function deployedCallables(root: string): string[] {
  const src = join(root, 'functions', 'src');
  const index = readFileSync(join(src, 'index.ts'), 'utf8');
  const names: string[] = [];
  for (const m of index.matchAll(/export\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
    const file = readFileSync(join(src, `${m[2]}.ts`), 'utf8');
    for (const raw of (m[1] ?? '').split(',')) {
      const name = raw.trim();
      if (name && new RegExp(`export const ${name}\\s*=\\s*onCall\\(`).test(file)) names.push(name);
    }
  }
  return names.sort();
}

/**
 * Whether the callable accepts `payload` as input. The callable protocol has no "no data": a
 * request without data, or with `null`, is what a schema that is `.optional()` accepts as absent.
 */
export function acceptsInput(spec: CallableSpec, payload: unknown): boolean {
  return (
    spec.schema.safeParse(payload).success || (payload == null && spec.schema.safeParse(undefined).success)
  );
}

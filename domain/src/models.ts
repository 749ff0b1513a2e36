// Firestore document shapes (SPEC §3). Times are `Date` here: converters on each side turn
// Timestamps into Dates at the boundary, so this module needs no Firebase import.
import type { MatchBreakdown, MatchReason } from './skills';
import type { Endorser } from './endorsements';

export const ACCOUNT_STATUSES = ['active', 'suspended', 'banned'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const ROLES = ['learner', 'educator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const SKILL_LEVELS = ['beginner', 'intermediate', 'advanced', 'expert'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

export interface Skill {
  name: string;
  level: SkillLevel;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A weekly availability slot in the user's own timezone; minutes from midnight. */
export interface AvailabilitySlot {
  day: Weekday;
  startMin: number;
  endMin: number;
}

export const FIRST_GOALS = ['learn', 'teach', 'exchange'] as const;
export type FirstGoal = (typeof FIRST_GOALS)[number];

export interface Gamification {
  points: number;
  level: number;
  badges: string[];
  currentStreak: number;
  longestStreak: number;
  /** Local date (YYYY-MM-DD in the user's timezone) of the last learning activity. */
  lastActiveDay: string | null;
  /** Badge id → when it was earned. */
  badgeEarnedAt?: Record<string, Date>;
  /** When the latest learning activity (a streak-counting ledger entry) happened, UTC. */
  lastActiveAt?: Date | null;
  /** Streak freezes held (0–2), earned by verified teaching; each bridges one missed day. */
  streakFreezes?: number;
  /** The zone streak days are counted in (server-kept; a profile change applies next day, ≤ weekly). */
  streakTimezone?: string | null;
  /** When streakTimezone last changed. */
  streakTimezoneChangedAt?: Date | null;
}

/** users/{uid}/private/activity: local day ('YYYY-MM-DD', user's time zone) → points from learning. */
export interface UserActivity {
  days: Record<string, number>;
  timezone: string;
  updatedAt: Date;
}

export interface UserStats {
  coursesCompleted: number;
  lecturesCompleted: number;
  perfectQuizzes: number;
  exchangesCompleted: number;
  coursesPublished: number;
  reviewsWritten: number;
  sessionsAttended: number;
  sessionsHosted: number;
  referrals: number;
  /** Observed learning time in seconds (recordLectureProgress, server clock); missing before any. */
  learningSeconds?: number;
}

/** The profile fields an owner may write (everything else on users/{uid} is server-owned). */
export const PROFILE_FIELDS = [
  'displayName',
  'photoURL',
  'bio',
  'headline',
  'interests',
  'skills',
  'offeredSkills',
  'desiredSkills',
  'availability',
  'timezone',
  'onboarded',
  'firstGoal',
  'updatedAt',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** users/{uid}: the public profile. */
export interface UserProfile {
  uid: string;
  displayName: string;
  photoURL: string | null;
  bio: string;
  headline: string;
  interests: string[];
  skills: Skill[];
  offeredSkills: Skill[];
  desiredSkills: Skill[];
  availability: AvailabilitySlot[];
  timezone: string;
  onboarded: boolean;
  firstGoal: FirstGoal | null;
  // server-only
  roles: Role[];
  status: AccountStatus;
  gamification: Gamification;
  rating: { average: number; count: number };
  /** Skill key (normaliseSkill) → how many people endorsed it (domain/src/endorsements.ts). */
  endorsements: Record<string, number>;
  /** Skill key → its most recent endorsers, newest first (at most three). */
  endorsers: Record<string, Endorser[]>;
  stats: UserStats;
  createdAt: Date;
  updatedAt: Date;
  /** Who invited this user (set once by the owner before onboarding; see domain/src/referrals.ts). */
  referredBy?: string | null;
  /** How many people follow this educator (server-kept by followEducator; domain/src/follows.ts). */
  followerCount?: number;
}

export const NOTIFICATION_TYPES = [
  'enrollment',
  'payment_receipt',
  'exchange_request',
  'exchange_accepted',
  'exchange_message',
  'session_scheduled',
  'session_reminder',
  'badge_earned',
  'certificate_issued',
  'course_approved',
  'course_rejected',
  'educator_application',
  'account',
  'referral',
  'nudge',
  /** Educators the user follows: a new course published or a live session scheduled (issue 16 §3). */
  'followed_educator',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export interface ChannelPreference {
  inApp: boolean;
  email: boolean;
}
export type NotificationPreferences = Record<NotificationType, ChannelPreference>;

/** users/{uid}/private/account */
export interface PrivateAccount {
  email: string | null;
  stripeCustomerId: string | null;
  notificationPreferences: NotificationPreferences;
  referredBy: string | null;
  createdAt: Date;
}

/** users/{uid}/pointEvents/{eventId} — the points ledger. */
export interface PointEvent {
  points: number;
  reason: PointReason;
  refPath: string | null;
  createdAt: Date;
  /** Set by the ledger trigger once the totals include this entry. */
  appliedAt?: Date;
}

export const POINT_REASONS = [
  'lecture_completed',
  'course_completed',
  'quiz_mastered',
  'exchange_completed',
  'review_written',
  'daily_streak',
  'referral',
  'session_attended',
  'session_hosted',
  /** A compensating (negative) entry: a refund took back what the purchase earned. */
  'refund_reversal',
] as const;
export type PointReason = (typeof POINT_REASONS)[number];

/** notifications/{uid}/items/{id} */
export interface AppNotification {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  read: boolean;
  createdAt: Date;
}

/** leaderboards/{period}/entries/{uid} with period `allTime` or an ISO week like `2026-W48`. */
export interface LeaderboardEntry {
  uid: string;
  points: number;
  displayName: string;
  photoURL: string | null;
  updatedAt: Date;
}

/** badges/{badgeId} */
export interface BadgeDefinition {
  id: string;
  name: string;
  description: string;
  icon: string;
  criteria: string;
  order: number;
}

// ---------------------------------------------------------------------------------------------
// Catalogue

export const CATEGORIES = [
  'Programming',
  'Design',
  'Data Science',
  'Business',
  'Music',
  'Languages',
  'Photography',
  'Marketing',
  'Personal Development',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const COURSE_STATUSES = ['draft', 'pending', 'published', 'rejected', 'archived'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export const COURSE_LEVELS = ['beginner', 'intermediate', 'advanced', 'all'] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];

export interface RatingSummary {
  average: number;
  count: number;
}

/** One entry of a course outline; lectures point back with `sectionId`. */
export interface CourseSection {
  id: string;
  title: string;
  order: number;
  lectureIds?: string[];
}

export interface CertificateRule {
  enabled: boolean;
  /** Quiz score (percent) needed for the certificate when the course has a quiz. */
  passingScore: number;
}

/** courses/{courseId} */
export interface Course {
  id: string;
  instructorId: string;
  title: string;
  description: string;
  category: Category;
  tags: string[];
  level: CourseLevel;
  /** Minor units (cents); 0 is free. */
  price: number;
  /** ISO 4217, e.g. 'USD'. */
  currency: string;
  thumbnailUrl: string | null;
  status: CourseStatus;
  /** Set by an admin when rejecting; null otherwise. */
  rejectionReason?: string | null;
  sections: CourseSection[];
  totalLectures: number;
  // server-maintained
  rating: RatingSummary;
  enrollmentCount: number;
  /** Enrolments that completed the course, counted once each by the completion transaction. */
  completionCount?: number;
  certificate: CertificateRule;
  /** Plus membership (domain/plus.ts): the educator's choice, on when absent. Paid courses only. */
  includedInPlus?: boolean;
  /** Plus membership: an admin's exclusion; only an admin may set it. Absent means not excluded. */
  plusExcluded?: boolean;
  // denormalised display fields, written by the server so a listing is one query
  instructorName: string;
  instructorPhotoURL: string | null;
  totalDurationSec: number;
  featured: boolean;
  /** Lowercased words of title, tags, category and instructor name, for `array-contains` search. */
  searchTokens: string[];
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface LectureResource {
  title: string;
  url: string;
}

/** courses/{courseId}/lectures/{lectureId} */
export interface Lecture {
  id: string;
  title: string;
  order: number;
  sectionId: string;
  videoUrl: string | null;
  /** Cloud Storage path when the video was uploaded rather than linked. */
  videoPath?: string | null;
  durationSec: number;
  preview: boolean;
  body: string;
  resources: LectureResource[];
  quizId?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const QUESTION_TYPES = ['single', 'multiple', 'boolean'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A question as learners see it: no answers. `boolean` questions have options ['True', 'False']. */
export interface QuizQuestion {
  id: string;
  prompt: string;
  type: QuestionType;
  options: string[];
}

/** courses/{courseId}/quizzes/{quizId} */
export interface Quiz {
  id: string;
  title: string;
  questions: QuizQuestion[];
  /** Percent needed to pass. */
  passingScore: number;
  /** Attempts a learner may start, 1–10 (default 3; quizzes.ts). */
  attemptLimit?: number;
  /** Minutes per attempt, 1–180, or null/absent for no time limit. */
  timeLimitMinutes?: number | null;
  /** Questions and options in a new random order for each attempt. */
  shuffle?: boolean;
  /** When per-question correctness is shown (default: after passing or the last attempt). */
  showCorrectness?: 'afterPassOrLast' | 'never';
  sectionId?: string | null;
  lectureId?: string | null;
  order?: number;
  createdAt: Date;
  updatedAt: Date;
}

/** courses/{courseId}/quizKeys/{quizId}: question id → indexes of the correct options. */
export interface QuizKey {
  answers: Record<string, number[]>;
}

/** courses/{courseId}/reviews/{uid}; `uid` is the document id (not stored). */
export interface Review {
  uid: string;
  rating: number;
  comment: string;
  createdAt: Date;
  updatedAt?: Date;
}

// ---------------------------------------------------------------------------------------------
// Learning records

export const ENROLLMENT_STATUSES = ['active', 'refunded'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** `plus`: opened through an active Plus membership (issue 18; domain/plus.ts), not bought. */
export const ENROLLMENT_SOURCES = ['free', 'stripe', 'admin', 'plus'] as const;
export type EnrollmentSource = (typeof ENROLLMENT_SOURCES)[number];

/** enrollments/{courseId}_{uid} */
export interface Enrollment {
  id: string;
  uid: string;
  courseId: string;
  instructorId: string;
  status: EnrollmentStatus;
  source: EnrollmentSource;
  completedLectureIds: string[];
  /** 0–100. */
  progress: number;
  lastLectureId: string | null;
  lastPositionSec: number;
  completedAt: Date | null;
  certificateId: string | null;
  /** Observed watching/reading per lecture (recordLectureProgress, server-written; domain/watch-time). */
  watch?: Record<string, { seconds: number; measuredSec: number | null }>;
  /** Observed learning time on this course, seconds (sum of `watch`). */
  watchedSeconds?: number;
  /** Denormalised for "my learning" lists. */
  courseTitle?: string;
  courseThumbnailUrl?: string | null;
  /** For the instructor's students view (domain/students.ts), server-written. */
  learnerName?: string;
  /** Server time of the last observed activity (enrolment, credited watching, lecture, quiz). */
  lastActivityAt?: Date | null;
  /** Best graded quiz score, 0–100; null before the first. */
  bestQuizScore?: number | null;
  createdAt: Date;
  updatedAt?: Date;
}

/** quizAttempts/{attemptId} */
export interface QuizAttempt {
  id: string;
  uid: string;
  courseId: string;
  quizId: string;
  instructorId?: string;
  /** 1-based attempt number (id `{courseId}_{quizId}_{uid}_{number}`); absent on older attempts. */
  number?: number;
  /** Issued by startQuizAttempt ('open'), graded by submitQuiz ('submitted'). Older attempts: absent. */
  status?: 'open' | 'submitted';
  startedAt?: Date;
  /** Server-time deadline, or null without a time limit. */
  deadline?: Date | null;
  /** Question ids in the order this attempt shows them. */
  questionOrder?: string[];
  /** Question id → stored option index at each shown position. */
  optionOrder?: Record<string, number[]>;
  /** Percent, 0–100 (once submitted). */
  score?: number;
  passed?: boolean;
  /** Question id → chosen option indexes (stored order). */
  answers?: Record<string, number[]>;
  /** Per-question right/wrong: stored only when the attempt shows it. */
  results?: { questionId: string; correct: boolean }[];
  feedbackShown?: boolean;
  submittedAt?: Date;
  createdAt: Date;
}

export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** payments/{paymentId} */
export interface Payment {
  id: string;
  uid: string;
  courseId: string;
  instructorId?: string;
  /** Minor units. */
  amount: number;
  currency: string;
  status: PaymentStatus;
  stripeCheckoutSessionId: string | null;
  stripePaymentIntentId?: string | null;
  createdAt: Date;
  paidAt?: Date | null;
}

/** certificates/{certificateId}; the id is unguessable and is the public verification key. */
export interface Certificate {
  id: string;
  uid: string;
  userName: string;
  courseId: string;
  courseTitle: string;
  instructorId?: string;
  instructorName: string;
  issuedAt: Date;
  /** Verifiable credentials (issue 8): 'course' for certificates issued before them too. */
  kind?: 'course' | 'exchange';
  /** exchange credentials: the skill the holder taught, the exchange, the partner taught. */
  skill?: string;
  exchangeId?: string;
  partnerName?: string;
  /** The signed Open Badges 3.0 credential (VC-JWT, EdDSA); null until the signer has run. */
  credentialJwt?: string | null;
  statusListId?: string | null;
  statusListIndex?: number | null;
  /** Set by the admin revokeCredential callable. */
  revocation?: { revokedAt: Date; reason: string } | null;
}

// ---------------------------------------------------------------------------------------------
// Skill exchange

export const EXCHANGE_STATUSES = [
  'pending',
  'accepted',
  'rejected',
  'cancelled',
  'active',
  'completed',
] as const;
export type ExchangeStatus = (typeof EXCHANGE_STATUSES)[number];

/** Suggested values for ExchangeTerms.frequency (the field is free text of up to 100 chars). */
export const EXCHANGE_FREQUENCIES = ['once', 'weekly', 'twice a week', 'every two weeks', 'monthly'] as const;

export interface ExchangeTerms {
  commitmentHours: number;
  frequency: string;
  cancellationPolicy: string;
  notes?: string;
}

/** exchanges/{exchangeId} */
export interface Exchange {
  id: string;
  requesterId: string;
  providerId: string;
  /** [requesterId, providerId] */
  participants: string[];
  /** Skill name the requester teaches. */
  offeredSkill: string;
  /** Skill name the requester wants to learn. */
  requestedSkill: string;
  message: string;
  status: ExchangeStatus;
  terms: ExchangeTerms | null;
  termsAcceptedBy: string[];
  completedBy: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface MessageAttachment {
  name: string;
  url: string;
}

/** exchanges/{id}/messages/{messageId} */
export interface ExchangeMessage {
  id: string;
  senderId: string;
  text: string;
  attachments: MessageAttachment[];
  createdAt: Date;
}

/** 'held' is server-owned (confirmExchangeSession); 'completed' is legacy and counts for nothing. */
export const EXCHANGE_SESSION_STATUSES = ['scheduled', 'held', 'completed', 'cancelled'] as const;
export type ExchangeSessionStatus = (typeof EXCHANGE_SESSION_STATUSES)[number];

/** exchanges/{id}/sessions/{sessionId} */
export interface ExchangeSession {
  id: string;
  scheduledAt: Date;
  durationMin: number;
  status: ExchangeSessionStatus;
  notes: string;
  /** Server-owned: who confirmed the session took place (after its end), in order. */
  confirmedBy?: string[];
  /** Server-owned: set once the session is held (see domain/src/exchange-rewards.ts). */
  held?: {
    evidence: 'self-reported' | 'observed';
    heldAt: Date;
    confirmedBy: string[];
    observedMinutes: number | null;
  };
  createdBy?: string;
  createdAt?: Date;
  updatedAt?: Date;
}

/** exchanges/{id}/feedback/{uid}; `uid` is the document id (not stored). */
export interface ExchangeFeedback {
  uid: string;
  rating: number;
  comment: string;
  endorsedSkills: string[];
  createdAt: Date;
}

/** exchanges/{id}/typing/{uid}; `uid` is the document id (not stored). */
export interface TypingIndicator {
  uid: string;
  typing: boolean;
  at: Date;
}

// ---------------------------------------------------------------------------------------------
// Live sessions

export const LIVE_SESSION_STATUSES = ['scheduled', 'live', 'ended', 'cancelled'] as const;
export type LiveSessionStatus = (typeof LIVE_SESSION_STATUSES)[number];

/** liveSessions/{sessionId} */
export interface LiveSession {
  id: string;
  hostId: string;
  title: string;
  description: string;
  courseId: string | null;
  scheduledAt: Date;
  durationMin: number;
  capacity: number;
  status: LiveSessionStatus;
  registeredCount: number;
  recordingEnabled: boolean;
  startedAt?: Date | null;
  endedAt?: Date | null;
  /** Server-written at the end: whether the host earned hosting points, and why (issue 15). */
  hosting?: LiveHostingOutcome | null;
  /** Server-written when it went live: `livekit` when it has a LiveKit video room. */
  attendanceSource?: 'livekit' | 'presence' | null;
  // denormalised by the server
  hostName: string;
  hostPhotoURL: string | null;
  createdAt: Date;
  updatedAt?: Date;
}

/** liveSessions/{id}/registrations/{uid} */
export interface LiveRegistration {
  uid: string;
  displayName?: string;
  createdAt: Date;
}

/** liveSessions/{id}.hosting: the end-of-session verdict on hosting points (server-written). */
export interface LiveHostingOutcome {
  earned: boolean;
  reason: string;
  ranSec: number;
  qualifiedAttendees: number;
  attendeeMinSec: number;
}

/** liveSessions/{id}/attendance/{uid} */
export interface LiveAttendance {
  uid: string;
  joinedAt: Date;
  leftAt: Date | null;
  totalSec: number;
  /** Set at the end: seconds present inside the live window, and whether that earned attendance. */
  presentSec?: number;
  qualified?: boolean;
}

/** liveSessions/{id}/chat/{messageId} */
export interface LiveChatMessage {
  id: string;
  senderId: string;
  text: string;
  createdAt: Date;
}

/** liveSessions/{id}/questions/{questionId} */
export interface LiveQuestion {
  id: string;
  authorId: string;
  text: string;
  upvoterIds: string[];
  answered: boolean;
  createdAt: Date;
  /** The host's written answer (session-qa.ts; optional: a question may be answered out loud). */
  answer?: string;
  answeredAt?: Date | null;
  /** Server-written by publishSessionFaq: the lecture FAQ entry it was published as, or null. */
  faq?: { courseId: string; lectureId: string; faqId: string; publishedAt: Date } | null;
}

/** liveSessions/{id}/polls/{pollId} */
export interface LivePoll {
  id: string;
  question: string;
  options: string[];
  open: boolean;
  createdAt: Date;
  updatedAt?: Date;
  /** Server-kept tally (onPollVoteCreated): option index → votes. */
  counts?: Record<string, number>;
  /** Server-kept: all counted votes. */
  totalVotes?: number;
}

/** liveSessions/{id}/polls/{pollId}/votes/{uid}; `uid` is the document id (not stored). */
export interface LivePollVote {
  uid: string;
  /** Index into the poll's `options`. */
  optionIndex: number;
  createdAt: Date;
}

/** liveSessions/{id}/hands/{uid}; `uid` is the document id (not stored). */
export interface RaisedHand {
  uid: string;
  raisedAt: Date;
}

// ---------------------------------------------------------------------------------------------
// Educators and platform

export const EDUCATOR_APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type EducatorApplicationStatus = (typeof EDUCATOR_APPLICATION_STATUSES)[number];

/** educatorApplications/{uid} */
export interface EducatorApplication {
  uid: string;
  expertise: string[];
  motivation: string;
  sampleUrl?: string;
  status: EducatorApplicationStatus;
  /** Set when an admin decides. */
  decidedBy?: string | null;
  decidedAt?: Date | null;
  decisionReason?: string | null;
  createdAt: Date;
}

// stats/platform (counters), stats/history and the daily rollup: see ./stats.ts.

// ---------------------------------------------------------------------------------------------
// Skill exchange: matches and server-maintained exchange fields

/** users/{uid}/matches/{otherUid}, written by the matching trigger; display fields denormalised. */
export interface ExchangeMatch {
  uid: string;
  score: number;
  breakdown: MatchBreakdown;
  theyOffer: string[];
  theyWant: string[];
  /** Which wanted name met which offered name ("you want JavaScript; they offer JS"); absent on old matches. */
  reasons?: MatchReason[];
  /** How many people endorsed each skill in `theyOffer` (endorsed ones only). */
  endorsements: Record<string, number>;
  displayName: string;
  photoURL: string | null;
  headline: string;
  computedAt: Date;
}

/** exchanges/{id}.lastMessage, maintained by the message trigger for one-query lists. */
export interface ExchangeLastMessage {
  text: string;
  senderId: string;
  at: Date;
}

/** exchanges/{id}.milestones[]: progress milestones the participants tick off. */
export interface ExchangeMilestone {
  id: string;
  title: string;
  done: boolean;
}

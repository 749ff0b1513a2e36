// Firestore document shapes (SPEC §3). Times are `Date` here: converters on each side turn
// Timestamps into Dates at the boundary, so this module needs no Firebase import.

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
  stats: UserStats;
  createdAt: Date;
  updatedAt: Date;
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
  'account',
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

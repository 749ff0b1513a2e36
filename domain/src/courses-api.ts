// Courses and learning: request/response types of the course and billing functions (SPEC §4),
// and the pure helpers both sides need (progress, completion, prices, search tokens).
// Plain TypeScript; the callables' names and zod schemas are in contracts/.
import type { CertificateRule, Course, Enrollment, PaymentStatus, QuizQuestion } from './models';
import { cachedNumberFormat, formatCurrencyFast } from './number-format';

// ---------------------------------------------------------------------------------------------
// enrollInFreeCourse

export interface EnrollInFreeCourseRequest {
  courseId: string;
}

export interface EnrollInFreeCourseResponse {
  /** `{courseId}_{uid}` */
  enrollmentId: string;
  /** True when the learner was already enrolled (a repeat returns the existing enrolment). */
  alreadyEnrolled: boolean;
}

// ---------------------------------------------------------------------------------------------
// createCheckoutSession / completeLocalCheckout

export interface CreateCheckoutSessionRequest {
  courseId: string;
  /** Absolute http(s) URL Stripe returns to after paying; defaults to the course page. */
  successUrl?: string;
  /** Absolute http(s) URL Stripe returns to when the learner cancels; defaults to the course page. */
  cancelUrl?: string;
}

/**
 * `stripe`: redirect the browser to `url` (Stripe Checkout).
 * `local`: no STRIPE_SECRET_KEY is configured (emulator, SPEC §7); navigate inside the app to
 * `url` (`/checkout/local?payment=<paymentId>`), a clearly labelled test checkout that calls
 * `completeLocalCheckout`.
 */
export type CreateCheckoutSessionResponse =
  | { mode: 'stripe'; url: string; sessionId: string; paymentId: string }
  | { mode: 'local'; url: string; sessionId: string; paymentId: string };

/** Path of the local test checkout page; the payment id is in `?payment=`. */
export const LOCAL_CHECKOUT_PATH = '/checkout/local';

export function localCheckoutUrl(paymentId: string): string {
  return `${LOCAL_CHECKOUT_PATH}?payment=${encodeURIComponent(paymentId)}`;
}

export const LOCAL_CHECKOUT_OUTCOMES = ['paid', 'failed', 'expired'] as const;
export type LocalCheckoutOutcome = (typeof LOCAL_CHECKOUT_OUTCOMES)[number];

/** Emulator only, payer only: drives the real `stripeWebhook` with a locally signed event. */
export interface CompleteLocalCheckoutRequest {
  paymentId: string;
  outcome: LocalCheckoutOutcome;
}

export interface CompleteLocalCheckoutResponse {
  paymentId: string;
  /** The Stripe event id that was delivered to the webhook. */
  eventId: string;
  /** Payment status after the webhook ran. */
  status: PaymentStatus;
  /** True when the learner is now enrolled (outcome `paid`). */
  enrolled: boolean;
}

/**
 * Webhook signing secret used when STRIPE_WEBHOOK_SECRET is not set. Only ever accepted while
 * running in the Firebase emulator (FUNCTIONS_EMULATOR=true): it lets the local test checkout
 * and the webhook tests sign events with no set-up. Never valid in production.
 */
export const LOCAL_STRIPE_WEBHOOK_SECRET = 'whsec_skillverse_local_emulator_only';

/** Stripe events `stripeWebhook` acts on; every other type is acknowledged and ignored. */
export const HANDLED_STRIPE_EVENTS = [
  'checkout.session.completed',
  'checkout.session.expired',
  'payment_intent.payment_failed',
  'charge.refunded',
  // Instructor payouts (Stripe Connect): the transfer of a destination charge, connected accounts'
  // onboarding state, and their payouts (see payouts.ts).
  'charge.succeeded',
  'account.updated',
  'payout.paid',
  'payout.failed',
  // Plus membership (issue 18; docs/plus.md): the subscription's state and its invoices.
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.paid',
  'invoice.payment_failed',
] as const;
export type HandledStripeEvent = (typeof HANDLED_STRIPE_EVENTS)[number];

// ---------------------------------------------------------------------------------------------
// completeLecture / submitQuiz

export interface CompleteLectureRequest {
  courseId: string;
  lectureId: string;
}

/** What a completion step changed; shared by completeLecture and submitQuiz. */
export interface CompletionOutcome {
  /** 0–100 after this call. */
  progress: number;
  completedLectureIds: string[];
  /** True when this call finished the course (false when it was already complete). */
  courseCompleted: boolean;
  /** The course is complete (now or earlier). */
  complete: boolean;
  /** Set once the certificate exists (issued now or earlier). */
  certificateId: string | null;
}

/** How the player reports watching: `start` (play began/resumed: the gap before it credits nothing), `tick`, `pause`. */
export const PROGRESS_EVENTS = ['start', 'tick', 'pause'] as const;
export type ProgressEvent = (typeof PROGRESS_EVENTS)[number];

export interface RecordLectureProgressRequest {
  courseId: string;
  lectureId: string;
  event: ProgressEvent;
  /** The duration the player measured (used, bounded, only when the educator stored none). */
  measuredDurationSec?: number;
}

/** Observed time on the lecture after this report (server clock), and whether it may be completed. */
export interface RecordLectureProgressResponse {
  /** Seconds this report credited. */
  creditedSeconds: number;
  observedSeconds: number;
  /** Null while a video's duration is unknown. */
  requiredSeconds: number | null;
  canComplete: boolean;
  /** Why completing is not allowed yet (null when it is). */
  message: string | null;
}

export interface CompleteLectureResponse extends CompletionOutcome {
  /** False when the lecture was already completed (a repeat changes nothing). */
  newlyCompleted: boolean;
}

export interface SubmitQuizRequest {
  courseId: string;
  quizId: string;
  /** The attempt startQuizAttempt issued: its order, deadline and number. */
  attemptId: string;
  /**
   * Question id → chosen option positions as the attempt showed them (one for `single`/`boolean`,
   * any for `multiple`); the server maps them back to the stored key.
   */
  answers: Record<string, number[]>;
}

/** startQuizAttempt: { courseId, quizId } → an attempt issued by the server. */
export interface StartQuizAttemptRequest {
  courseId: string;
  quizId: string;
}

export interface StartQuizAttemptResponse {
  attemptId: string;
  /** 1-based: this is the learner's n-th attempt at this quiz. */
  attemptNumber: number;
  attemptLimit: number;
  /** Attempts the learner can still start after this one. */
  attemptsLeft: number;
  /** False when an attempt still open was handed back instead of a new one. */
  newAttempt: boolean;
  /** Server time, epoch ms, when the attempt started. */
  startedAt: number;
  /** Epoch ms (server time) by which to submit, or null without a time limit. */
  deadline: number | null;
  /** The server's clock when it answered (epoch ms), so the player can correct its own clock. */
  serverNow: number;
  timeLimitMinutes: number | null;
  /** The questions in this attempt's order, each with its options in this attempt's order. */
  questions: QuizQuestion[];
}

/** Per question: only whether it was right. The correct options never leave the server. */
export interface QuizQuestionResult {
  questionId: string;
  correct: boolean;
}

export interface SubmitQuizResponse extends CompletionOutcome {
  attemptId: string;
  /** Percent, 0–100 (rounded). */
  score: number;
  passed: boolean;
  passingScore: number;
  /**
   * Score this quiz needs to count towards completion: its pass mark, raised to the certificate's
   * when the course grants one (see requiredQuizScore). Can exceed `passingScore`.
   */
  requiredScore: number;
  /** Per-question right/wrong, only when `feedbackShown` (passed or last attempt); else empty. */
  results: QuizQuestionResult[];
  /** Whether this attempt shows per-question correctness (the quiz's feedback rule). */
  feedbackShown: boolean;
  attemptNumber: number;
  /** Attempts the learner can still start. */
  attemptsLeft: number;
}

// ---------------------------------------------------------------------------------------------
// moderateCourse

export const MODERATION_ACTIONS = ['publish', 'reject'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export const REJECTION_REASON_MIN = 10;
export const REJECTION_REASON_MAX = 1000;

export interface ModerateCourseRequest {
  courseId: string;
  action: ModerationAction;
  /** Required for `reject`: 10–1000 characters, shown to the instructor. */
  reason?: string;
}

export interface ModerateCourseResponse {
  courseId: string;
  status: 'published' | 'rejected';
}

/** setCourseFeatured: admins put a published course in the home page's featured row, or take it out. */
export interface SetCourseFeaturedRequest {
  courseId: string;
  featured: boolean;
}

export interface SetCourseFeaturedResponse {
  courseId: string;
  featured: boolean;
  /** False when the course was already in that state (a repeat writes nothing). */
  changed: boolean;
}

export interface SetCoursePlusExcludedRequest {
  courseId: string;
  excluded: boolean;
}

export interface SetCoursePlusExcludedResponse {
  courseId: string;
  excluded: boolean;
  /** False when the course was already in that state (a repeat writes nothing). */
  changed: boolean;
}

/**
 * Server-written enrolment fields beyond SPEC §3 (on enrollments/{courseId}_{uid}): quizzes passed
 * at the score completion needs, quizzes already counted as perfect, the payment that granted a
 * paid enrolment, and when it was refunded.
 */
export interface EnrollmentServerFields {
  passedQuizIds?: string[];
  perfectQuizIds?: string[];
  paymentId?: string | null;
  refundedAt?: Date | null;
}

// ---------------------------------------------------------------------------------------------
// Earnings (server-written; instructor and admin read)

/** earnings/{instructorId}: running totals per currency, in minor units. */
export interface InstructorEarnings {
  instructorId: string;
  /** Currency (ISO, upper case) → minor units credited, net of refunds. */
  totals: Record<string, number>;
  paymentsCount: number;
  refundsCount: number;
  updatedAt: Date;
}

/** earnings/{instructorId}/entries/{paymentId}: one credit per payment (idempotent by payment). */
export interface EarningsEntry {
  paymentId: string;
  courseId: string;
  /** The learner who paid. */
  payerUid: string;
  /** Minor units credited. */
  amount: number;
  currency: string;
  /** Minor units refunded so far (partial refunds accumulate). */
  refundedAmount: number;
  /** `reversed` once the payment was fully refunded. */
  status: 'credited' | 'reversed';
  createdAt: Date;
  updatedAt: Date;
  reversedAt: Date | null;
}

// ---------------------------------------------------------------------------------------------
// Pure helpers

/**
 * Course progress in whole percent, 0–100, from the distinct completed lecture ids. Rounded,
 * but 100 only when every lecture is done (199 of 200 is 99, not 100). No lectures → 0.
 */
export function courseProgress(completedLectureIds: readonly string[], totalLectures: number): number {
  if (!Number.isFinite(totalLectures) || totalLectures <= 0) return 0;
  const done = new Set(completedLectureIds).size;
  if (done >= totalLectures) return 100;
  return Math.min(99, Math.round((done / totalLectures) * 100));
}

/** The parts of a course that decide completion; `quizIds` lists the course's quizzes. */
export type CompletionCourse = Pick<Course, 'totalLectures'> & {
  certificate?: CertificateRule | null;
  quizIds?: readonly string[];
};

/** A course requires its quizzes to be passed when it grants a certificate with a passing score. */
export function requiresQuiz(course: CompletionCourse): boolean {
  const rule = course.certificate;
  return Boolean(rule?.enabled && rule.passingScore > 0 && (course.quizIds?.length ?? 0) > 0);
}

/**
 * Score (percent) a quiz attempt needs to count towards completion: the quiz's own pass mark,
 * raised to the certificate's when the course grants a certificate.
 */
export function requiredQuizScore(
  quizPassingScore: number,
  rule: CertificateRule | null | undefined,
): number {
  return rule?.enabled ? Math.max(quizPassingScore, rule.passingScore) : quizPassingScore;
}

/**
 * Complete = progress 100 and, when the course requires it (certificate enabled with a passing
 * score, and the course has quizzes), every quiz in `course.quizIds` passed.
 */
export function isCourseComplete(
  enrollment: Pick<Enrollment, 'completedLectureIds'>,
  course: CompletionCourse,
  passedQuizIds: readonly string[],
): boolean {
  if (courseProgress(enrollment.completedLectureIds, course.totalLectures) < 100) return false;
  if (!requiresQuiz(course)) return true;
  const passed = new Set(passedQuizIds);
  return (course.quizIds ?? []).every((id) => passed.has(id));
}

/** Currencies without minor units (Stripe's list of zero-decimal currencies we may meet). */
const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);

/** Currencies with three decimal places (Stripe's three-decimal currencies). */
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

/** Digits after the decimal point in a currency's minor unit: JPY 0, USD 2, KWD 3. */
export function minorUnitDigits(currency: string): number {
  const c = currency.toUpperCase();
  return ZERO_DECIMAL.has(c) ? 0 : THREE_DECIMAL.has(c) ? 3 : 2;
}

/**
 * An amount in the currency's minor units, formatted with that currency's decimals:
 * `formatMoney(123450, 'USD')` → "$1,234.50", `formatMoney(1500, 'JPY')` → "¥1,500",
 * `formatMoney(1500, 'KWD')` → "KWD 1.500". Zero stays "$0.00" (see formatPrice for "Free").
 */
export function formatMoney(minor: number, currency: string, locale = 'en-US'): string {
  const code = currency.toUpperCase();
  const digits = minorUnitDigits(code);
  const units = Number.isFinite(minor) ? minor : 0;
  const fast = formatCurrencyFast(units, code, digits, locale);
  if (fast !== undefined) return fast;
  const amount = units / 10 ** digits;
  try {
    return cachedNumberFormat(locale, {
      style: 'currency',
      currency: code,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${code}`;
  }
}

/** `formatPrice(4999, 'USD')` → "$49.99"; 0 → "Free". Locale defaults to en-US. */
export function formatPrice(cents: number, currency: string, locale = 'en-US'): string {
  if (!Number.isFinite(cents) || cents <= 0) return 'Free';
  return formatMoney(cents, currency, locale);
}

function stripAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{Diacritic}/gu, '');
}

/**
 * Lowercased words of the given texts for `array-contains` search, with accent-free variants
 * ("lópez" → also "lopez"), sorted and distinct. Words shorter than two characters are dropped;
 * `+` and `#` stay inside words ("c++", "c#").
 */
export function tokenize(...texts: readonly string[]): string[] {
  const tokens = new Set<string>();
  for (const text of texts) {
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}+#]+/u)) {
      if (word.length < 2) continue;
      tokens.add(word);
      tokens.add(stripAccents(word));
    }
  }
  return [...tokens].sort();
}

/** Normalises a search box entry to the single token the catalogue queries with; null if none. */
export function searchQueryToken(query: string): string | null {
  const tokens = tokenize(query);
  if (tokens.length === 0) return null;
  // The longest word is the most selective one for a single array-contains.
  return [...tokens].sort((a, b) => b.length - a.length || a.localeCompare(b))[0] ?? null;
}

/** `courses/{id}.searchTokens`: words of the title, tags, instructor name (and e.g. the category). */
export function searchTokens(
  title: string,
  tags: readonly string[],
  instructorName: string,
  ...extra: readonly string[]
): string[] {
  return tokenize(title, ...tags, instructorName, ...extra);
}

/** Enrolment document id: `{courseId}_{uid}`. */
export function enrollmentId(courseId: string, uid: string): string {
  return `${courseId}_${uid}`;
}

/** Public verification page of a certificate (SPEC §6). */
export function certificateVerifyPath(certificateId: string): string {
  return `/certificates/${encodeURIComponent(certificateId)}/verify`;
}

// Rules of the game for quiz attempts (issue 15 item 3, SPEC §4): the educator's per-quiz settings,
// the order an attempt shows (shuffled per attempt when enabled, mapped back to the stored key when
// grading), the deadline in server time with a small grace, and when per-question correctness may
// be shown. Pure: the functions issue and grade attempts with these; the web shows the same numbers.

export const QUIZ_ATTEMPT_LIMIT_DEFAULT = 3;
export const QUIZ_ATTEMPT_LIMIT_MIN = 1;
export const QUIZ_ATTEMPT_LIMIT_MAX = 10;
export const QUIZ_TIME_LIMIT_MIN_MINUTES = 1;
export const QUIZ_TIME_LIMIT_MAX_MINUTES = 180;
/** A submission this long after the deadline is still accepted (network, auto-submit). */
export const QUIZ_DEADLINE_GRACE_MS = 30_000;

/**
 * When per-question correctness is shown: after the learner passed or used their last attempt
 * (default), or never (only the score).
 */
export const QUIZ_FEEDBACK_MODES = ['afterPassOrLast', 'never'] as const;
export type QuizFeedbackMode = (typeof QUIZ_FEEDBACK_MODES)[number];

/** The educator's settings on courses/{c}/quizzes/{q} (fields beside the questions). */
export interface QuizSettings {
  /** Attempts a learner may start, 1–10. */
  attemptLimit: number;
  /** Minutes from the start of an attempt, or null for no time limit. */
  timeLimitMinutes: number | null;
  /** Each attempt shows the questions, and each question's options, in its own random order. */
  shuffle: boolean;
  showCorrectness: QuizFeedbackMode;
}

export const DEFAULT_QUIZ_SETTINGS: QuizSettings = {
  attemptLimit: QUIZ_ATTEMPT_LIMIT_DEFAULT,
  timeLimitMinutes: null,
  shuffle: false,
  showCorrectness: 'afterPassOrLast',
};

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/** Reads the settings from a stored quiz document; anything missing or out of range is the default. */
export function readQuizSettings(data: Readonly<Record<string, unknown>> | undefined): QuizSettings {
  const d = data ?? {};
  const limit = d.attemptLimit;
  const time = d.timeLimitMinutes;
  return {
    attemptLimit:
      isInt(limit) && limit >= QUIZ_ATTEMPT_LIMIT_MIN && limit <= QUIZ_ATTEMPT_LIMIT_MAX
        ? limit
        : QUIZ_ATTEMPT_LIMIT_DEFAULT,
    timeLimitMinutes:
      isInt(time) && time >= QUIZ_TIME_LIMIT_MIN_MINUTES && time <= QUIZ_TIME_LIMIT_MAX_MINUTES ? time : null,
    shuffle: d.shuffle === true,
    showCorrectness: d.showCorrectness === 'never' ? 'never' : 'afterPassOrLast',
  };
}

// ---------------------------------------------------------------- order

/** A random source in [0, 1); Math.random in production, a seeded one in tests. */
export type Random = () => number;

/** A Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * An attempt's order: question ids in the order shown, and per question the stored option index
 * shown at each position (`optionOrder[q][shown] = stored`).
 */
export interface AttemptOrder {
  questionOrder: string[];
  optionOrder: Record<string, number[]>;
}

export function attemptOrder(
  questions: readonly { id: string; options: readonly unknown[] }[],
  shuffle: boolean,
  random: Random,
): AttemptOrder {
  const identity = (n: number) => Array.from({ length: n }, (_, i) => i);
  const ids = questions.map((q) => q.id);
  return {
    questionOrder: shuffle ? shuffled(ids, random) : ids,
    optionOrder: Object.fromEntries(
      questions.map((q) => [
        q.id,
        shuffle ? shuffled(identity(q.options.length), random) : identity(q.options.length),
      ]),
    ),
  };
}

/** The questions as an attempt shows them: in its order, each with its options in its order. */
export function orderedQuestions<Q extends { id: string; options: readonly string[] }>(
  questions: readonly Q[],
  order: AttemptOrder,
): Q[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  return order.questionOrder.flatMap((id) => {
    const q = byId.get(id);
    if (!q) return [];
    const positions = order.optionOrder[id] ?? q.options.map((_, i) => i);
    return [{ ...q, options: positions.map((stored) => q.options[stored] ?? '') }];
  });
}

/**
 * Maps answers given as shown positions back to the stored option indexes the key uses. A position
 * the attempt did not show is kept as is (out of range), so grading reports it as a bad option.
 */
export function toStoredAnswers(
  answers: Readonly<Record<string, readonly number[]>>,
  order: AttemptOrder,
): Record<string, number[]> {
  return Object.fromEntries(
    Object.entries(answers).map(([questionId, shown]) => {
      const positions = order.optionOrder[questionId];
      return [questionId, positions ? shown.map((p) => positions[p] ?? p) : [...shown]];
    }),
  );
}

// ---------------------------------------------------------------- time

/** When an attempt started at `startedAt` must be submitted, or null without a time limit. */
export function attemptDeadline(startedAt: Date, timeLimitMinutes: number | null): Date | null {
  return timeLimitMinutes === null ? null : new Date(startedAt.getTime() + timeLimitMinutes * 60_000);
}

/** A submission at `now` is in time: no deadline, or not later than the deadline plus the grace. */
export function isInTime(deadline: Date | null, now: Date, graceMs = QUIZ_DEADLINE_GRACE_MS): boolean {
  return deadline === null || now.getTime() <= deadline.getTime() + graceMs;
}

/** Whole seconds left until the deadline (0 once passed), or null without a deadline. */
export function secondsLeft(deadline: Date | null, now: Date): number | null {
  if (deadline === null) return null;
  return Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / 1000));
}

/** "4:05" for 245 seconds; "1:02:03" from an hour up. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

// ---------------------------------------------------------------- attempts and feedback

export function attemptsLeft(limit: number, used: number): number {
  return Math.max(0, limit - used);
}

/**
 * Whether a graded attempt shows per-question correctness: never in "never" mode; otherwise when
 * it passed or was the learner's last allowed attempt — so spending attempts cannot reveal the key
 * while attempts remain.
 */
export function showsCorrectness(
  mode: QuizFeedbackMode,
  attempt: { passed: boolean; number: number },
  attemptLimit: number,
): boolean {
  if (mode === 'never') return false;
  return attempt.passed || attempt.number >= attemptLimit;
}

/** The id of a learner's n-th attempt at a quiz: one document per attempt number, so it is counted once. */
export function quizAttemptId(courseId: string, quizId: string, uid: string, number: number): string {
  return `${courseId}_${quizId}_${uid}_${number}`;
}

import { CATEGORIES, COURSE_LEVELS, QUESTION_TYPES } from '@skillverse/domain/models';
import {
  QUIZ_ATTEMPT_LIMIT_DEFAULT,
  QUIZ_ATTEMPT_LIMIT_MAX,
  QUIZ_ATTEMPT_LIMIT_MIN,
  QUIZ_FEEDBACK_MODES,
  QUIZ_TIME_LIMIT_MAX_MINUTES,
  QUIZ_TIME_LIMIT_MIN_MINUTES,
} from '@skillverse/domain/quizzes';
import { z } from '@/lib/zod';

/** Dollars as typed ("49", "49.99", "") → integer cents; anything else fails with a message. */
export function dollarsToCents(input: string): number | null {
  const text = input.trim().replace(/^\$/, '');
  if (text === '') return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  return Math.round(Number(text) * 100);
}

export function centsToDollars(cents: number): string {
  if (!cents) return '0';
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

const url = (message: string) =>
  z
    .string()
    .trim()
    .max(2048, 'Keep the link under 2,048 characters.')
    .refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), message);

/** The details form (what the person types). */
export const courseDetailsSchema = z.object({
  title: z
    .string()
    .trim()
    .min(5, 'Give the course a title of at least 5 characters.')
    .max(200, 'Keep the title under 200 characters.'),
  description: z
    .string()
    .trim()
    .min(30, 'Describe the course in at least 30 characters: what will people learn?')
    .max(20000, 'Keep the description under 20,000 characters.'),
  category: z.enum(CATEGORIES, { error: 'Choose a category.' }),
  tags: z.array(z.string().trim().min(1).max(40)).max(20, 'Use at most 20 tags.'),
  level: z.enum(COURSE_LEVELS, { error: 'Choose a level.' }),
  price: z
    .string()
    .transform((v, ctx) => {
      const cents = dollarsToCents(v);
      if (cents === null) {
        ctx.addIssue({ code: 'custom', message: 'Enter a price like 0, 19 or 49.99 (0 makes it free).' });
        return z.NEVER;
      }
      return cents;
    })
    .pipe(z.number().int().min(0).max(100_000_00, 'The price can be at most $100,000.')),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, 'Use a three-letter currency code such as USD.')
    .transform((v) => v.toUpperCase()),
  thumbnailUrl: url('Enter a thumbnail link that starts with https://, or leave it empty.'),
});
export type CourseDetailsInput = z.input<typeof courseDetailsSchema>;
export type CourseDetails = z.output<typeof courseDetailsSchema>;

export const resourceSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Give the resource a name.')
    .max(200, 'Keep the name under 200 characters.'),
  url: z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/\S+$/i.test(v), 'Enter a link that starts with https://.'),
});

export const lectureSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Give the lecture a title.')
    .max(200, 'Keep the title under 200 characters.'),
  videoUrl: url('Enter a video link that starts with https://, or leave it empty.'),
  durationSec: z.coerce
    .number({ error: 'Enter the length in seconds.' })
    .int('Enter whole seconds.')
    .min(0, 'The length cannot be negative.')
    .max(24 * 3600, 'A lecture can be at most 24 hours.'),
  preview: z.boolean(),
  body: z.string().max(100000, 'Keep the text under 100,000 characters.'),
  resources: z.array(resourceSchema).max(50, 'Use at most 50 resources.'),
});
export type LectureInput = z.input<typeof lectureSchema>;
export type LectureData = z.output<typeof lectureSchema>;

export const questionSchema = z
  .object({
    id: z.string().min(1),
    prompt: z
      .string()
      .trim()
      .min(1, 'Write the question.')
      .max(1000, 'Keep the question under 1,000 characters.'),
    type: z.enum(QUESTION_TYPES),
    options: z
      .array(
        z.string().trim().min(1, 'Options cannot be empty.').max(500, 'Keep options under 500 characters.'),
      )
      .min(2, 'Give at least two options.')
      .max(10, 'Use at most 10 options.'),
    correct: z.array(z.number().int().min(0)),
  })
  .superRefine((q, ctx) => {
    if (q.correct.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['correct'], message: 'Mark the correct answer.' });
    } else if (q.type !== 'multiple' && q.correct.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['correct'],
        message: 'This question type has exactly one correct answer.',
      });
    }
    if (q.correct.some((i) => i >= q.options.length)) {
      ctx.addIssue({
        code: 'custom',
        path: ['correct'],
        message: 'A correct answer points at a missing option.',
      });
    }
  });

export const quizSchema = z.object({
  title: z.string().trim().min(1, 'Give the quiz a title.').max(200, 'Keep the title under 200 characters.'),
  passingScore: z.coerce
    .number({ error: 'Enter a pass mark from 0 to 100.' })
    .int('Enter a whole number.')
    .min(0, 'Enter a pass mark from 0 to 100.')
    .max(100, 'Enter a pass mark from 0 to 100.'),
  lectureId: z.string().min(1, 'Choose the lecture the quiz follows.'),
  // Attempt settings (issue 15): enforced by startQuizAttempt/submitQuiz on the server.
  attemptLimit: z.coerce
    .number({ error: `Enter ${QUIZ_ATTEMPT_LIMIT_MIN} to ${QUIZ_ATTEMPT_LIMIT_MAX} attempts.` })
    .int('Enter a whole number.')
    .min(QUIZ_ATTEMPT_LIMIT_MIN, `Enter ${QUIZ_ATTEMPT_LIMIT_MIN} to ${QUIZ_ATTEMPT_LIMIT_MAX} attempts.`)
    .max(QUIZ_ATTEMPT_LIMIT_MAX, `Enter ${QUIZ_ATTEMPT_LIMIT_MIN} to ${QUIZ_ATTEMPT_LIMIT_MAX} attempts.`)
    .default(QUIZ_ATTEMPT_LIMIT_DEFAULT),
  /** Empty for no time limit. */
  timeLimitMinutes: z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? null : Number(v)),
    z
      .number({ error: 'Enter minutes as a number, or leave empty for no time limit.' })
      .int('Enter whole minutes.')
      .min(
        QUIZ_TIME_LIMIT_MIN_MINUTES,
        `Enter ${QUIZ_TIME_LIMIT_MIN_MINUTES} to ${QUIZ_TIME_LIMIT_MAX_MINUTES} minutes, or leave empty.`,
      )
      .max(
        QUIZ_TIME_LIMIT_MAX_MINUTES,
        `Enter ${QUIZ_TIME_LIMIT_MIN_MINUTES} to ${QUIZ_TIME_LIMIT_MAX_MINUTES} minutes, or leave empty.`,
      )
      .nullable(),
  ),
  shuffle: z.boolean().default(false),
  showCorrectness: z.enum(QUIZ_FEEDBACK_MODES).default('afterPassOrLast'),
  questions: z
    .array(questionSchema)
    .min(1, 'Add at least one question.')
    .max(200, 'Use at most 200 questions.'),
});
export type QuizInput = z.input<typeof quizSchema>;
export type QuizData = z.output<typeof quizSchema>;

export const certificateRuleSchema = z.object({
  enabled: z.boolean(),
  passingScore: z.coerce
    .number({ error: 'Enter a score from 0 to 100.' })
    .int('Enter a whole number.')
    .min(0, 'Enter a score from 0 to 100.')
    .max(100, 'Enter a score from 0 to 100.'),
});

export const sectionTitleSchema = z
  .string()
  .trim()
  .min(1, 'Give the section a title.')
  .max(200, 'Keep the title under 200 characters.');

/** What must be true before a course goes to review; each problem is a sentence for the educator. */
export function submissionProblems(course: {
  title: string;
  description: string;
  sections: { title: string; lectureIds?: string[] | undefined }[];
  lectures: { title: string; videoUrl: string | null; body: string }[];
}): string[] {
  const problems: string[] = [];
  const details = courseDetailsSchema.shape;
  if (!details.title.safeParse(course.title).success)
    problems.push('Give the course a title of at least 5 characters.');
  if (!details.description.safeParse(course.description).success) {
    problems.push('Describe the course in at least 30 characters.');
  }
  if (course.sections.length === 0) problems.push('Add at least one section.');
  if (course.lectures.length === 0) problems.push('Add at least one lecture.');
  if (course.sections.some((s) => (s.lectureIds?.length ?? 0) === 0)) {
    problems.push('Every section needs at least one lecture (or delete the empty section).');
  }
  const empty = course.lectures.filter((l) => !l.videoUrl && !l.body.trim());
  if (empty.length > 0) {
    problems.push(
      `Give every lecture a video link or text (${empty.map((l) => `“${l.title}”`).join(', ')}).`,
    );
  }
  return problems;
}

/** Moves item `index` one place up (-1) or down (+1); out-of-range moves return the list unchanged. */
export function move<T>(list: readonly T[], index: number, direction: -1 | 1): T[] {
  const target = index + direction;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target] as T, next[index] as T];
  return next;
}

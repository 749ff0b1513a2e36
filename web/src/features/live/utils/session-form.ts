// The scheduling form: what the educator types (date and time in their timezone) and what is
// written to liveSessions/{id}. Pure, unit-tested; the rules enforce the same limits.
import { utcToZonedDateTime, zonedDateTimeToUtc } from '@skillverse/domain/live';
import { z } from '@/lib/zod';

export const SESSION_LIMITS = {
  title: 200,
  description: 5000,
  minDuration: 5,
  maxDuration: 480,
  maxCapacity: 10000,
} as const;

export interface SessionFormValues {
  title: string;
  description: string;
  /** YYYY-MM-DD in `timeZone`. */
  date: string;
  /** HH:mm in `timeZone`. */
  time: string;
  timeZone: string;
  durationMin: string;
  capacity: string;
  /** '' for none. */
  courseId: string;
  recordingEnabled: boolean;
}

export interface SessionFormOutput {
  title: string;
  description: string;
  scheduledAt: Date;
  durationMin: number;
  capacity: number;
  courseId: string | null;
  recordingEnabled: boolean;
}

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: `Enter the ${label}.`, abort: true })
    .regex(/^\d+$/, `The ${label} must be a whole number.`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `The ${label} must be between ${min} and ${max}.`);

/**
 * `now`: start times must be later than this (for new sessions and new times).
 * `minCapacity`: people already registered (capacity cannot go below it).
 */
export function sessionFormSchema(options: { now: Date; minCapacity?: number; keepTime?: Date | null }) {
  const minCapacity = Math.max(1, options.minCapacity ?? 1);
  return z
    .object({
      title: z
        .string()
        .trim()
        .min(1, 'Give the session a title.')
        .max(SESSION_LIMITS.title, `Keep the title under ${SESSION_LIMITS.title} characters.`),
      description: z
        .string()
        .trim()
        .max(
          SESSION_LIMITS.description,
          `Keep the description under ${SESSION_LIMITS.description} characters.`,
        ),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Pick a date.'),
      time: z.string().regex(/^\d{2}:\d{2}$/, 'Pick a start time.'),
      timeZone: z.string().min(1),
      durationMin: wholeNumber('duration', SESSION_LIMITS.minDuration, SESSION_LIMITS.maxDuration),
      capacity: wholeNumber('capacity', 1, SESSION_LIMITS.maxCapacity).refine(
        (n) => n < 1 || n >= minCapacity,
        `${minCapacity} ${minCapacity === 1 ? 'person is' : 'people are'} already registered; the capacity cannot be lower.`,
      ),
      courseId: z.string(),
      recordingEnabled: z.boolean(),
    })
    .transform((v, ctx): SessionFormOutput => {
      const scheduledAt = zonedDateTimeToUtc(v.date, v.time, v.timeZone);
      if (!scheduledAt) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: 'That date doesn’t exist.' });
        return z.NEVER;
      }
      const unchanged = options.keepTime && options.keepTime.getTime() === scheduledAt.getTime();
      if (!unchanged && scheduledAt.getTime() <= options.now.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['time'], message: 'Choose a start time in the future.' });
        return z.NEVER;
      }
      return {
        title: v.title,
        description: v.description,
        scheduledAt,
        durationMin: v.durationMin,
        capacity: v.capacity,
        courseId: v.courseId || null,
        recordingEnabled: v.recordingEnabled,
      };
    });
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Blank form: tomorrow at 18:00 in `timeZone`, an hour, 50 seats. */
export function emptySessionForm(timeZone: string, now: Date = new Date()): SessionFormValues {
  const tomorrow = utcToZonedDateTime(new Date(now.getTime() + 24 * 3600_000), timeZone);
  return {
    title: '',
    description: '',
    date: tomorrow.date,
    time: '18:00',
    timeZone,
    durationMin: '60',
    capacity: '50',
    courseId: '',
    recordingEnabled: false,
  };
}

export function sessionToForm(
  session: Pick<
    SessionFormOutput,
    'title' | 'description' | 'scheduledAt' | 'durationMin' | 'capacity' | 'courseId' | 'recordingEnabled'
  >,
  timeZone: string,
): SessionFormValues {
  const { date, time } = utcToZonedDateTime(session.scheduledAt, timeZone);
  return {
    title: session.title,
    description: session.description,
    date,
    time,
    timeZone,
    durationMin: String(session.durationMin),
    capacity: String(session.capacity),
    courseId: session.courseId ?? '',
    recordingEnabled: session.recordingEnabled,
  };
}

// ---------------------------------------------------------------------------------------------
// Room inputs

export const chatMessageSchema = z
  .string()
  .trim()
  .min(1, 'Type a message first.')
  .max(2000, 'Keep messages under 2000 characters.');

export const questionSchema = z
  .string()
  .trim()
  .min(1, 'Type your question first.')
  .max(1000, 'Keep questions under 1000 characters.');

export const pollSchema = z.object({
  question: z.string().trim().min(1, 'Ask a question.').max(300, 'Keep the question under 300 characters.'),
  options: z
    .array(z.string().trim().max(100, 'Keep options under 100 characters.'))
    .transform((options) => options.filter((o) => o.length > 0))
    .pipe(z.array(z.string()).min(2, 'Give at least two options.').max(10, 'Give at most ten options.')),
});

export const feedbackSchema = z.object({
  rating: z.number({ error: 'Choose a rating.' }).int().min(1, 'Choose a rating.').max(5),
  comment: z.string().trim().max(2000, 'Keep your comment under 2000 characters.'),
});

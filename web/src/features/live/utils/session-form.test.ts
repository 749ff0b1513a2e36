import { describe, expect, it } from 'vitest';
import {
  chatMessageSchema,
  emptySessionForm,
  feedbackSchema,
  pollSchema,
  type SessionFormValues,
  sessionFormSchema,
  sessionToForm,
} from './session-form';

const now = new Date('2026-11-25T12:00:00Z');
const valid: SessionFormValues = {
  title: '  React Hooks Q&A ',
  description: 'Bring questions',
  date: '2026-12-10',
  time: '18:30',
  timeZone: 'Europe/Paris',
  durationMin: '90',
  capacity: '25',
  courseId: '',
  recordingEnabled: true,
};

function errors(values: Partial<SessionFormValues>, options = {}) {
  const result = sessionFormSchema({ now, ...options }).safeParse({ ...valid, ...values });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('sessionFormSchema', () => {
  it('turns the date and time in my timezone into the UTC start, and trims text', () => {
    expect(sessionFormSchema({ now }).parse(valid)).toEqual({
      title: 'React Hooks Q&A',
      description: 'Bring questions',
      scheduledAt: new Date('2026-12-10T17:30:00Z'),
      durationMin: 90,
      capacity: 25,
      courseId: null,
      recordingEnabled: true,
    });
  });

  it('keeps a linked course', () => {
    expect(sessionFormSchema({ now }).parse({ ...valid, courseId: 'c1' }).courseId).toBe('c1');
  });

  it('says clearly what is wrong', () => {
    expect(errors({ title: '   ' })).toEqual({ title: 'Give the session a title.' });
    expect(errors({ durationMin: '2' })).toEqual({ durationMin: 'The duration must be between 5 and 480.' });
    expect(errors({ durationMin: '1.5' })).toEqual({ durationMin: 'The duration must be a whole number.' });
    expect(errors({ capacity: '' })).toEqual({ capacity: 'Enter the capacity.' });
    expect(errors({ capacity: '0' })).toEqual({ capacity: 'The capacity must be between 1 and 10000.' });
    expect(errors({ date: '' })).toEqual({ date: 'Pick a date.' });
    expect(errors({ date: '2026-02-30' })).toEqual({ date: 'That date doesn’t exist.' });
  });

  it('refuses a start in the past, unless editing keeps the original time', () => {
    expect(errors({ date: '2026-11-25', time: '12:30', timeZone: 'UTC' })).toEqual({});
    expect(errors({ date: '2026-11-25', time: '11:59', timeZone: 'UTC' })).toEqual({
      time: 'Choose a start time in the future.',
    });
    expect(
      errors(
        { date: '2026-11-25', time: '11:00', timeZone: 'UTC' },
        { keepTime: new Date('2026-11-25T11:00:00Z') },
      ),
    ).toEqual({});
  });

  it('does not let capacity drop below the people already registered', () => {
    expect(errors({ capacity: '3' }, { minCapacity: 4 })).toEqual({
      capacity: '4 people are already registered; the capacity cannot be lower.',
    });
  });

  it('round-trips a session through the form in a timezone', () => {
    const output = sessionFormSchema({ now }).parse(valid);
    const back = sessionToForm(output, 'Europe/Paris');
    expect(back).toMatchObject({ date: '2026-12-10', time: '18:30', durationMin: '90', capacity: '25' });
  });

  it('starts a blank form tomorrow at 18:00', () => {
    expect(emptySessionForm('UTC', now)).toMatchObject({
      date: '2026-11-26',
      time: '18:00',
      timeZone: 'UTC',
    });
  });
});

describe('room inputs', () => {
  it('validates chat, polls and feedback', () => {
    expect(chatMessageSchema.safeParse('  ').success).toBe(false);
    expect(chatMessageSchema.parse(' hi ')).toBe('hi');
    expect(pollSchema.parse({ question: 'Next?', options: ['A', ' ', 'B'] })).toEqual({
      question: 'Next?',
      options: ['A', 'B'],
    });
    expect(pollSchema.safeParse({ question: 'Next?', options: ['A', ''] }).error?.issues[0]?.message).toBe(
      'Give at least two options.',
    );
    expect(feedbackSchema.safeParse({ rating: 0, comment: '' }).error?.issues[0]?.message).toBe(
      'Choose a rating.',
    );
    expect(feedbackSchema.parse({ rating: 5, comment: ' great ' })).toEqual({ rating: 5, comment: 'great' });
  });
});

import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../../lib/forms';
import { availabilitySchema, formatSlot, minutesToTime, slotToDraft, timeToMinutes } from './availability';

describe('time conversions', () => {
  it('turns HH:MM into minutes from midnight and back', () => {
    expect(timeToMinutes('09:30')).toBe(570);
    expect(timeToMinutes('0:05')).toBe(5);
    expect(timeToMinutes('23:59')).toBe(1439);
    expect(minutesToTime(570)).toBe('09:30');
    expect(minutesToTime(1440)).toBe('24:00');
  });

  it('rejects what is not a 24-hour time', () => {
    expect(timeToMinutes('')).toBeNull();
    expect(timeToMinutes('24:00')).toBeNull();
    expect(timeToMinutes('12:60')).toBeNull();
    expect(timeToMinutes('noon')).toBeNull();
  });

  it('shows the end of the day in a time input as 23:59', () => {
    expect(slotToDraft({ day: 'mon', startMin: 1320, endMin: 1440 })).toEqual({
      day: 'mon',
      start: '22:00',
      end: '23:59',
    });
    expect(formatSlot({ day: 'sat', startMin: 600, endMin: 720 })).toBe('Sat 10:00–12:00');
  });
});

describe('availabilitySchema', () => {
  it('stores valid slots as minutes, sorted by day and start', () => {
    const result = availabilitySchema.parse([
      { day: 'wed', start: '18:00', end: '20:00' },
      { day: 'mon', start: '12:00', end: '13:00' },
      { day: 'mon', start: '07:00', end: '08:30' },
    ]);
    expect(result).toEqual([
      { day: 'mon', startMin: 420, endMin: 510 },
      { day: 'mon', startMin: 720, endMin: 780 },
      { day: 'wed', startMin: 1080, endMin: 1200 },
    ]);
  });

  it('requires the end to be after the start', () => {
    const result = availabilitySchema.safeParse([{ day: 'tue', start: '10:00', end: '09:00' }]);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)['0.end']).toBe('The end time must be after the start time.');
  });

  it('requires both times', () => {
    const result = availabilitySchema.safeParse([{ day: 'tue', start: '', end: '' }]);
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = fieldErrors(result.error);
    expect(errors['0.start']).toBe('Enter a start time.');
    expect(errors['0.end']).toBe('Enter an end time.');
  });

  it('flags a slot that overlaps an earlier one on the same day', () => {
    const result = availabilitySchema.safeParse([
      { day: 'fri', start: '09:00', end: '12:00' },
      { day: 'fri', start: '11:00', end: '13:00' },
      { day: 'sat', start: '11:00', end: '13:00' },
    ]);
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = fieldErrors(result.error);
    expect(errors['1.start']).toMatch(/overlaps your Friday slot 09:00–12:00/);
    expect(errors['2.start']).toBeUndefined();
  });

  it('allows back-to-back slots', () => {
    expect(
      availabilitySchema.safeParse([
        { day: 'fri', start: '09:00', end: '12:00' },
        { day: 'fri', start: '12:00', end: '13:00' },
      ]).success,
    ).toBe(true);
  });
});

import { type AvailabilitySlot, WEEKDAYS, type Weekday } from '@skillverse/domain/models';
import { z } from '@/lib/zod';

export const MAX_SLOTS = 42;

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export const WEEKDAY_SHORT: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** A slot as edited in the form: times as "HH:MM" strings from <input type="time">. */
export interface SlotDraft {
  day: Weekday;
  start: string;
  end: string;
}

/** "09:30" → 570; anything that is not a 24-hour time → null. */
export function timeToMinutes(value: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** 570 → "09:30". 1440 (the end of the day) → "24:00". */
export function minutesToTime(total: number): string {
  const clamped = Math.min(1440, Math.max(0, Math.round(total)));
  const h = Math.floor(clamped / 60);
  const m = clamped % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** For <input type="time">, which cannot show 24:00. */
export function minutesToInputTime(total: number): string {
  return minutesToTime(Math.min(total, 1439));
}

export function slotToDraft(slot: AvailabilitySlot): SlotDraft {
  return { day: slot.day, start: minutesToInputTime(slot.startMin), end: minutesToInputTime(slot.endMin) };
}

export function formatSlot(slot: AvailabilitySlot): string {
  return `${WEEKDAY_SHORT[slot.day]} ${minutesToTime(slot.startMin)}–${minutesToTime(slot.endMin)}`;
}

export function sortSlots(slots: AvailabilitySlot[]): AvailabilitySlot[] {
  return [...slots].sort(
    (a, b) =>
      WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || a.startMin - b.startMin || a.endMin - b.endMin,
  );
}

const slotDraftSchema = z
  .object({
    day: z.enum(WEEKDAYS, { error: 'Choose a day.' }),
    start: z.string(),
    end: z.string(),
  })
  .superRefine((slot, ctx) => {
    const start = timeToMinutes(slot.start);
    const end = timeToMinutes(slot.end);
    if (start === null) ctx.addIssue({ code: 'custom', path: ['start'], message: 'Enter a start time.' });
    if (end === null) ctx.addIssue({ code: 'custom', path: ['end'], message: 'Enter an end time.' });
    if (start !== null && end !== null && end <= start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'The end time must be after the start time.' });
    }
  });

/**
 * Weekly availability as edited → stored slots (minutes from midnight, sorted). Each slot needs a
 * start before its end, and slots on the same day must not overlap.
 */
export const availabilitySchema = z
  .array(slotDraftSchema)
  .max(MAX_SLOTS, `Add at most ${MAX_SLOTS} time slots.`)
  .superRefine((slots, ctx) => {
    slots.forEach((slot, i) => {
      const start = timeToMinutes(slot.start);
      const end = timeToMinutes(slot.end);
      if (start === null || end === null || end <= start) return;
      for (let j = 0; j < i; j++) {
        const other = slots[j];
        if (!other || other.day !== slot.day) continue;
        const oStart = timeToMinutes(other.start);
        const oEnd = timeToMinutes(other.end);
        if (oStart === null || oEnd === null || oEnd <= oStart) continue;
        if (start < oEnd && oStart < end) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'start'],
            message: `This overlaps your ${WEEKDAY_LABELS[slot.day]} slot ${other.start}–${other.end}.`,
          });
          return;
        }
      }
    });
  })
  .transform((slots) =>
    sortSlots(
      slots.map((s) => ({
        day: s.day,
        startMin: timeToMinutes(s.start) ?? 0,
        endMin: timeToMinutes(s.end) ?? 0,
      })),
    ),
  );

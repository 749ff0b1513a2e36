// Platform statistics callables (admins). Types live in stats.ts.
import { type RefreshPlatformStatsResult, utcDayRange } from '../stats';
import { defineCallable } from './callable';
import { z } from './zod';

const isDay = (value: string) => {
  try {
    utcDayRange(value);
    return true;
  } catch {
    return false;
  }
};

/** Admin only: roll up a day now (default: today so far) and reconcile the counters. */
export const refreshPlatformStats = defineCallable<RefreshPlatformStatsResult>()(
  'refreshPlatformStats',
  z
    .strictObject({
      day: z.string().refine(isDay, 'day must be a UTC date like 2026-11-25').optional(),
    })
    .optional(),
);

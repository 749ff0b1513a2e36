// Plus revenue share callables (issue 18 item 5). Types live in plus-split.ts.
import { type ClosePlusMonthResponse, PLUS_MONTH_PATTERN } from '../plus-split';
import { defineCallable } from './callable';
import { z } from './zod';

/** Admin only: { month: 'YYYY-MM' } → closes that month's revenue share (idempotent). */
export const runPlusMonthClose = defineCallable<ClosePlusMonthResponse>()(
  'runPlusMonthClose',
  z.strictObject({
    month: z.string().regex(PLUS_MONTH_PATTERN, 'month must look like 2026-11'),
  }),
);

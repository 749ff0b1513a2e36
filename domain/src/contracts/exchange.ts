// Skill exchange callables: answering a proposed swap cycle. Types live in swap-cycles.ts.
import type { RespondToSwapCycleResponse } from '../swap-cycles';
import { defineCallable } from './callable';
import { documentId } from './ids';
import { z } from './zod';

/** A participant: { cycleId, decision: 'accept' | 'decline' } → the proposal's status and who accepted. */
export const respondToSwapCycle = defineCallable<RespondToSwapCycleResponse>()(
  'respondToSwapCycle',
  z.strictObject({
    cycleId: documentId('cycleId'),
    decision: z.enum(['accept', 'decline'], { error: 'decision must be "accept" or "decline"' }),
  }),
);

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

export interface ConfirmExchangeSessionResponse {
  /** The session's status after the call: 'held' once both people confirmed. */
  status: 'scheduled' | 'held';
  /** Who has confirmed it took place. */
  confirmedBy: string[];
  /** true when this caller had already confirmed (a repeat changes nothing). */
  alreadyConfirmed: boolean;
}

/**
 * A participant confirms a session took place, only after its end (scheduledAt + durationMin,
 * server time). Once both have, the session is held with evidence 'self-reported'.
 */
export const confirmExchangeSession = defineCallable<ConfirmExchangeSessionResponse>()(
  'confirmExchangeSession',
  z.strictObject({
    exchangeId: documentId('exchangeId'),
    sessionId: documentId('sessionId'),
  }),
);

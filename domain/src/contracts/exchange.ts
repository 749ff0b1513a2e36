// Skill exchange callables: answering a proposed swap cycle. Types live in swap-cycles.ts.
import type { CycleStatus, RespondToSwapCycleResponse } from '../swap-cycles';
import { defineCallable } from './callable';
import { documentId, userId } from './ids';
import { z } from './zod';

/** A participant: { cycleId, decision: 'accept' | 'decline' } → the proposal's status and who accepted. */
export const respondToSwapCycle = defineCallable<RespondToSwapCycleResponse>()(
  'respondToSwapCycle',
  z.strictObject({
    cycleId: documentId('cycleId'),
    decision: z.enum(['accept', 'decline'], { error: 'decision must be "accept" or "decline"' }),
  }),
);

/** What requestExchange answers: the exchange's id (the same one on a retry). */
export interface RequestExchangeResponse {
  exchangeId: string;
}

/**
 * A verified member asks another for a swap: { requestId, providerId, offeredSkill,
 * requestedSkill, message? } → { exchangeId }. `requestId` is chosen by the client (a new id per
 * request) and becomes the exchange id, so a retried call creates nothing twice. The server caps
 * open requests (10 pending) and new ones (20 per UTC day); see exchange-limits.ts.
 */
export const requestExchange = defineCallable<RequestExchangeResponse>()(
  'requestExchange',
  z.strictObject({
    requestId: documentId('requestId'),
    providerId: userId('providerId'),
    offeredSkill: z.string().trim().min(1, 'Choose a skill you will teach').max(100),
    requestedSkill: z.string().trim().min(1, 'Choose a skill you want to learn').max(100),
    message: z.string().trim().max(2000, 'Keep the message under 2000 characters').optional(),
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

/** What exchangeCallHeartbeat answers: what the platform has seen of this session's call so far. */
export interface ExchangeCallHeartbeatResponse {
  /** Whole minutes both people were seen together inside the session's time (server time). */
  observedMinutes: number;
  /** Minutes together that make the session held (observed). */
  heldAtMinutes: number;
  /** Whether the session is held (by this observation or before). */
  held: boolean;
  /** Whether the partner was present in the last heartbeat gap. */
  partnerPresent: boolean;
  /** The call window, ISO times: opens a few minutes before the start, closes at the end. */
  opensAt: string;
  endsAt: string;
}

/**
 * A participant's open call page reports presence: { exchangeId, sessionId } → what the platform
 * has seen so far. Stamped with server time, accepted only while the call window is open; both
 * people together for 10 minutes inside the session's time make it held (evidence 'observed').
 */
export const exchangeCallHeartbeat = defineCallable<ExchangeCallHeartbeatResponse>()(
  'exchangeCallHeartbeat',
  z.strictObject({
    exchangeId: documentId('exchangeId'),
    sessionId: documentId('sessionId'),
  }),
);

/** What getExchangeCallToken answers: a LiveKit join token, or that video is not configured. */
export type ExchangeCallTokenResponse =
  | { video: false; message: string }
  | {
      video: true;
      token: string;
      url: string;
      identity: string;
      /** The LiveKit room: `exchange/{exchangeId}/{sessionId}`. */
      room: string;
      ttlSec: number;
    };

/**
 * A participant asks to join a session's video call: { exchangeId, sessionId } → a LiveKit token
 * for the room named after the session (only the two participants, only while the call is open),
 * or { video: false } when no LiveKit server is configured (chat and presence still work).
 */
export const getExchangeCallToken = defineCallable<ExchangeCallTokenResponse>()(
  'getExchangeCallToken',
  z.strictObject({
    exchangeId: documentId('exchangeId'),
    sessionId: documentId('sessionId'),
  }),
);

// ---------------------------------------------------------------------------------------------
// Swap cycle group sessions (issue 16, item 7): the same call room and evidence as an exchange,
// for three people. Types of the cycle itself live in swap-cycles.ts.

export interface ConfirmSwapCycleSessionResponse {
  /** The session's status after the call: 'held' once observed, or once all three confirmed. */
  status: 'scheduled' | 'held';
  /** Who has confirmed it took place. */
  confirmedBy: string[];
  /** true when this caller had already confirmed (a repeat changes nothing). */
  alreadyConfirmed: boolean;
  /** The cycle's status after the call: 'completed' once all three confirmed a held session. */
  cycleStatus: CycleStatus;
}

/**
 * A participant of an active swap cycle confirms a group session took place, only after its end
 * (server time), and rates the person who taught them (1–5). All three confirming a session
 * planned in advance makes it held (self-reported); all three confirming a held session completes
 * the cycle, which rewards each for what they taught.
 */
export const confirmSwapCycleSession = defineCallable<ConfirmSwapCycleSessionResponse>()(
  'confirmSwapCycleSession',
  z.strictObject({
    cycleId: documentId('cycleId'),
    sessionId: documentId('sessionId'),
    rating: z
      .number({ error: 'rating must be a whole number from 1 to 5' })
      .int('rating must be a whole number from 1 to 5')
      .min(1, 'rating must be a whole number from 1 to 5')
      .max(5, 'rating must be a whole number from 1 to 5'),
  }),
);

/** What cycleCallHeartbeat answers: what the platform has seen of the group call so far. */
export interface CycleCallHeartbeatResponse {
  /** Whole minutes ALL THREE were seen together inside the session's time (server time). */
  observedMinutes: number;
  heldAtMinutes: number;
  held: boolean;
  /** The other participants present in the last heartbeat gap. */
  present: string[];
  opensAt: string;
  endsAt: string;
}

/** The open group call page reports presence (server time): { cycleId, sessionId }. */
export const cycleCallHeartbeat = defineCallable<CycleCallHeartbeatResponse>()(
  'cycleCallHeartbeat',
  z.strictObject({
    cycleId: documentId('cycleId'),
    sessionId: documentId('sessionId'),
  }),
);

/** A LiveKit token for a group session's room `cycle/{cycleId}/{sessionId}` (its three people, while open). */
export const getCycleCallToken = defineCallable<ExchangeCallTokenResponse>()(
  'getCycleCallToken',
  z.strictObject({
    cycleId: documentId('cycleId'),
    sessionId: documentId('sessionId'),
  }),
);

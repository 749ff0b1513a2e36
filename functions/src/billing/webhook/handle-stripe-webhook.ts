// Stripe webhook, the HTTP entry: verify the signature on the raw body, allow-list the event
// types, apply each event in ONE transaction that is idempotent on the event id
// (stripeEvents/{id}), then send the receipt. What each event type does lives beside this file:
// dispatch.ts routes it to checkout.ts, refund.ts or connect.ts; receipts.ts sends the notices.
//
// Out-of-order deliveries are safe: a refund is terminal (a later "completed" never
// re-grants access), "expired"/"failed" only touch a pending payment, and enrolment, course
// count and instructor earnings each change at most once per payment.
//
// Contention: the transaction reads only what decides idempotency — the event record, the
// payment, the enrolment, the earnings entry and the early-refund marker, all per event or per
// payment, each by document (no query). Documents every purchase of a course shares (the course,
// the instructor's earnings total) are never read in it: the course is an input (title,
// instructor, whether it exists), read before the transaction, and both are changed by blind
// FieldValue.increment writes. Reading the course (and querying stripeEvents) inside made 50
// simultaneous purchases of one course contend on the same locks (bench:faults scenario 2: 44 of
// 50 first deliveries answered 500 on a lock timeout).
//
// Duplicates: of deliveries of ONE event at the same moment, the first claims the event (its
// stripeEvents record, `state: 'processing'`) and applies it; the others wait for the record
// without taking a lock (claimOrAwait, lib/duplicate-delivery.ts: up to 40 s, inside the 60 s
// function timeout) and answer 200 `duplicate`. A 500 only when this delivery failed and nothing
// recorded the event, when another delivery still holds the claim at the deadline, or when the
// steps after its own commit (receipt, transfer reversal) failed.
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import type Stripe from 'stripe';
import { stripeEventRef } from '../../lib/data/payments';
import { isRecord } from '@skillverse/domain/fields';
import {
  assertStillClaimed,
  claimOrAwait,
  DUPLICATE_WAIT_MS,
  isDoneRecord,
  type RaceOptions,
  releaseClaim,
  StillProcessing,
} from '../../lib/duplicate-delivery';
import { runTransactionRetrying } from '../../lib/firestore';
import { verifyStripeEvent } from '../stripe-config';
import { afterCommit, applyEvent, readInputs } from './dispatch';
import { type ApplyResult, type EventOutcome, isHandled, type WebhookDeps } from './webhook-data';

function eventRecord(event: Stripe.Event, now: Date, fields: Record<string, unknown>) {
  return {
    type: event.type,
    livemode: event.livemode,
    stripeCreatedAt: new Date(event.created * 1000),
    processedAt: now,
    ...fields,
  };
}

/** The event was recorded, but a step after the commit (receipt, transfer reversal) failed. */
export class AfterCommitError extends Error {
  constructor(readonly cause: unknown) {
    super(`after the commit: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** The stripeEvents record of an event once applied (a plain read: it takes no lock). */
async function recordOf(db: Firestore, eventId: string): Promise<{ paymentId: string | null } | null> {
  const snap = await stripeEventRef(db, eventId).get();
  return isDoneRecord(snap)
    ? { paymentId: (snap.get('paymentId') as string | null | undefined) ?? null }
    : null;
}

/**
 * Applies one verified event exactly once (by event id). Deliveries of one event at the same
 * moment would each open a transaction on stripeEvents/{id} and time each other out on its lock
 * ("ABORTED: Transaction lock timeout"), so the first delivery CLAIMS the event (claimOrAwait:
 * creates its record as `state: 'processing'`) and only it runs the transaction, which turns the
 * claim into the record. The others wait for that record (until `race.deadline`) and answer
 * `duplicate` without the after-commit steps (the winner runs them, and answers 500 if they fail,
 * so Stripe's retry finishes them). A redelivery that finds the record runs them again
 * (idempotent): a receipt lost to a crash after the commit is sent then.
 */
export async function applyStripeEvent(
  deps: WebhookDeps,
  event: Stripe.Event,
  race: Partial<RaceOptions> = {},
): Promise<ApplyResult> {
  const { db, now } = deps;
  if (!isHandled(event.type))
    return { eventId: event.id, type: event.type, outcome: 'ignored-type', paymentId: null };
  const eventRef = stripeEventRef(db, event.id);
  const options: RaceOptions = {
    deadline: race.deadline ?? Date.now() + DUPLICATE_WAIT_MS,
    sleep: race.sleep,
    clock: race.clock,
  };

  const existing = await eventRef.get();
  let result: { outcome: EventOutcome; paymentId: string | null };
  if (isDoneRecord(existing)) {
    result = { outcome: 'duplicate', paymentId: (existing.get('paymentId') as string | null) ?? null };
  } else {
    const claim = await claimOrAwait(eventRef, { type: event.type }, options);
    if ('done' in claim) {
      logger.info('stripe webhook: event applied by a concurrent delivery', { eventId: event.id });
      const paymentId = (claim.done.get('paymentId') as string | null | undefined) ?? null;
      return { eventId: event.id, type: event.type, outcome: 'duplicate', paymentId };
    }
    try {
      const inputs = await readInputs(db, event);
      result = await runTransactionRetrying(db, async (tx) => {
        const seen = await tx.get(eventRef);
        if (isDoneRecord(seen)) {
          return {
            outcome: 'duplicate' as EventOutcome,
            paymentId: (seen.get('paymentId') as string | null) ?? null,
          };
        }
        assertStillClaimed(seen, claim.claimed);
        const applied = await applyEvent(deps, tx, inputs, event);
        // The claim becomes the record (set: it replaces the claim's fields).
        tx.set(
          eventRef,
          eventRecord(event, now, { ...applied.record, outcome: applied.outcome, state: 'done' }),
        );
        return { outcome: applied.outcome, paymentId: applied.paymentId };
      });
    } catch (error) {
      await releaseClaim(eventRef, claim.claimed);
      throw error;
    }
  }
  logger.info('stripe webhook: event applied', { eventId: event.id, type: event.type, ...result });
  try {
    await afterCommit(deps, event, result.paymentId);
  } catch (error) {
    throw new AfterCommitError(error);
  }
  return { eventId: event.id, type: event.type, ...result };
}

// ---------------------------------------------------------------------------------------------
// HTTP

export interface WebhookRequest {
  method: string;
  rawBody?: Buffer;
  header(name: string): string | undefined;
}

export interface WebhookResponse {
  status(code: number): { json(body: unknown): unknown };
}

/** The whole onRequest handler: 405 / 400 (bad signature, nothing written) / 200 / 500 (retry). */
export async function handleStripeWebhook(
  deps: WebhookDeps & {
    signingSecret: string;
    /**
     * The Connect endpoint's signing secret (STRIPE_CONNECT_WEBHOOK_SECRET): Stripe sends
     * connected accounts' events (account.updated, payout.*) to a separate Connect endpoint with its
     * own secret; pointed at this same URL, a signature valid for either secret is accepted.
     */
    connectSigningSecret?: string;
    /** How long a delivery that lost the race to a concurrent one waits for its record (tests). */
    duplicateWaitMs?: number;
  },
  req: WebhookRequest,
  res: WebhookResponse,
): Promise<void> {
  if (req.method !== 'POST') {
    res.status(405).json({ error: 'Use POST.' });
    return;
  }
  if (!deps.signingSecret) {
    logger.error('stripe webhook: STRIPE_WEBHOOK_SECRET is not configured');
    res.status(500).json({ error: 'Webhook secret not configured.' });
    return;
  }
  const signature = req.header('stripe-signature');
  if (!signature || !req.rawBody || req.rawBody.length === 0) {
    res.status(400).json({ error: 'Missing Stripe-Signature header or body.' });
    return;
  }
  let event: Stripe.Event;
  try {
    try {
      event = verifyStripeEvent(req.rawBody, signature, deps.signingSecret);
    } catch (first) {
      if (!deps.connectSigningSecret) throw first;
      event = verifyStripeEvent(req.rawBody, signature, deps.connectSigningSecret);
    }
  } catch (error) {
    logger.warn('stripe webhook: signature verification failed', {
      reason: error instanceof Error ? error.message : String(error),
    });
    res.status(400).json({ error: 'Invalid signature.' });
    return;
  }
  if (!isRecord(event) || typeof event.type !== 'string' || !isHandled(event.type)) {
    res.status(200).json({ received: true, ignored: true });
    return;
  }
  const deadline = Date.now() + (deps.duplicateWaitMs ?? DUPLICATE_WAIT_MS);
  try {
    const result = await applyStripeEvent(deps, event, { deadline });
    res.status(200).json({ received: true, outcome: result.outcome, paymentId: result.paymentId });
  } catch (error) {
    // The receipt or transfer reversal of an event this delivery recorded failed: 500, so Stripe
    // delivers again and the redelivery (a `duplicate`) finishes them.
    const afterCommitFailed = error instanceof AfterCommitError;
    // Otherwise, a concurrent delivery may have recorded the event while this one failed (the
    // contention it waits out itself is handled in applyStripeEvent): then this is a duplicate.
    const recorded = afterCommitFailed ? null : await recordOf(deps.db, event.id).catch(() => null);
    if (recorded) {
      logger.info('stripe webhook: event applied by a concurrent delivery', { eventId: event.id });
      res.status(200).json({ received: true, outcome: 'duplicate', paymentId: recorded.paymentId });
      return;
    }
    if (error instanceof StillProcessing) {
      logger.warn('stripe webhook: a concurrent delivery is still applying this event', {
        eventId: event.id,
      });
      res.status(500).json({ error: 'This event is still being applied; please retry.' });
      return;
    }
    logger.error('stripe webhook: processing failed; Stripe will retry', {
      eventId: event.id,
      type: event.type,
      afterCommit: afterCommitFailed,
      reason: error instanceof Error ? error.message : String(error),
    });
    res.status(500).json({ error: 'Processing failed; please retry.' });
  }
}

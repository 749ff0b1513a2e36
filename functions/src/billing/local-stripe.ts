// The keyless local mode's stand-in for Stripe (emulator only): what the local checkout and the
// local payouts path share to build a Stripe event, sign it like Stripe and POST it to
// stripeWebhook, so the webhook runs exactly the code production runs.
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError } from 'firebase-functions/v2/https';
import { signStripePayload } from './stripe-config';

export interface LocalStripeDeps {
  db: Firestore;
  now: Date;
  /** True only when running in the Firebase emulator. */
  emulator: boolean;
  signingSecret: string;
  /** The stripeWebhook URL to deliver the event to. */
  webhookUrl: () => Promise<string>;
  fetch?: typeof fetch;
}

const API_VERSION = '2026-10-28.endive';

/** A Stripe event envelope around `object`, as Stripe sends it (`account` for a Connect event). */
export function localStripeEvent<T extends string, O>(
  id: string,
  type: T,
  object: O,
  now: Date,
  account?: string,
) {
  return {
    id,
    object: 'event' as const,
    api_version: API_VERSION,
    created: Math.floor(now.getTime() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    ...(account === undefined ? {} : { account }),
    type,
    data: { object },
  };
}

/**
 * Signs `event` with the webhook's secret and POSTs it to stripeWebhook; a refusal is logged as
 * `what` and answers `internal` with "The webhook answered <status>; <consequence>."
 */
export async function deliverLocalStripeEvent(
  deps: Pick<LocalStripeDeps, 'signingSecret' | 'webhookUrl' | 'fetch'>,
  event: { id: string },
  refused: { what: string; consequence: string },
): Promise<void> {
  const payload = JSON.stringify(event);
  const url = await deps.webhookUrl();
  const res = await (deps.fetch ?? fetch)(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': signStripePayload(payload, deps.signingSecret),
    },
    body: payload,
  });
  if (!res.ok) {
    logger.error(refused.what, { status: res.status, eventId: event.id, url });
    throw new HttpsError('internal', `The webhook answered ${res.status}; ${refused.consequence}.`);
  }
}

// Stripe secrets and client. Secrets are bound per function and read only inside handlers; the
// client is built per call (never at import) and can be pointed at a local fake API for tests.
import { LOCAL_STRIPE_WEBHOOK_SECRET } from '@skillverse/domain/courses-api';
import { defineSecret } from 'firebase-functions/params';
import type Stripe from 'stripe';
import { optionalSecret } from '../config/params';
import { lazyModule } from '../lib/lazy-module';

/** The Stripe SDK, loaded by the first function that uses it (lib/lazy-module.ts says why). */
const stripeSdk = lazyModule(() => require('stripe') as typeof Stripe);

/** Stripe API key; without it checkout runs as the local test checkout (SPEC §7). */
export const STRIPE_SECRET_KEY = defineSecret('STRIPE_SECRET_KEY');
/** Webhook signing secret; in the emulator it defaults to LOCAL_STRIPE_WEBHOOK_SECRET. */
export const STRIPE_WEBHOOK_SECRET = defineSecret('STRIPE_WEBHOOK_SECRET');

/** Signing secret of the Stripe Connect webhook endpoint (connected accounts' events); optional. */
export const STRIPE_CONNECT_WEBHOOK_SECRET = defineSecret('STRIPE_CONNECT_WEBHOOK_SECRET');

/** STRIPE_CONNECT_WEBHOOK_SECRET, or '' when not configured (one endpoint secret is enough locally). */
export function connectWebhookSigningSecret(): string {
  return optionalSecret(STRIPE_CONNECT_WEBHOOK_SECRET).trim();
}

/** Where the Stripe SDK sends API requests; tests point it at a local fake server. */
export interface StripeHostOverride {
  host: string;
  port: number;
  protocol: 'http' | 'https';
}

export function isEmulator(): boolean {
  return process.env.FUNCTIONS_EMULATOR === 'true';
}

/** Builds a Stripe API client for `apiKey`; no network until a request is made. */
export function createStripeClient(apiKey: string, override?: StripeHostOverride): Stripe {
  const StripeClient = stripeSdk();
  return new StripeClient(apiKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: 'SkillVerse' },
    ...(override ? { host: override.host, port: override.port, protocol: override.protocol } : {}),
  });
}

/** The configured API key, or '' (local checkout). Call inside handlers only. */
export function stripeSecretKey(): string {
  return optionalSecret(STRIPE_SECRET_KEY).trim();
}

/**
 * The secret webhook signatures are checked against: STRIPE_WEBHOOK_SECRET, or — only in the
 * emulator — the documented local default. '' when neither applies (production without a secret).
 */
export function webhookSigningSecret(): string {
  const configured = optionalSecret(STRIPE_WEBHOOK_SECRET).trim();
  if (configured) return configured;
  return isEmulator() ? LOCAL_STRIPE_WEBHOOK_SECRET : '';
}

/** Verifies a signed payload (Stripe's own check: HMAC-SHA256, 5-minute tolerance). Throws when bad. */
export function verifyStripeEvent(rawBody: Buffer | string, signature: string, secret: string): Stripe.Event {
  return stripeSdk().webhooks.constructEvent(rawBody, signature, secret);
}

/** Signs `payload` the way Stripe does, for the local test checkout and tests. */
export function signStripePayload(payload: string, secret: string, timestamp?: number): string {
  return stripeSdk().webhooks.generateTestHeaderString({
    payload,
    secret,
    ...(timestamp === undefined ? {} : { timestamp }),
  });
}

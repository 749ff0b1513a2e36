// For the billing integration tests: where the emulator's stripeWebhook listens and the secret it
// checks signatures with, so tests can deliver signed events to the real endpoint.
import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { httpFunctionUrl } from './emulator';
import { LOCAL_STRIPE_WEBHOOK_SECRET } from '@skillverse/domain/courses-api';

/** The secret the emulator's stripeWebhook checks: functions/.secret.local, else the local default. */
export function webhookSecret(): string {
  try {
    const file = readFileSync(join(__dirname, '..', '.secret.local'), 'utf8');
    const line = file.split('\n').find((l) => l.startsWith('STRIPE_WEBHOOK_SECRET='));
    const value = line?.slice('STRIPE_WEBHOOK_SECRET='.length).trim().replace(/^"|"$/g, '');
    if (value) return value;
  } catch {
    // no local secrets file
  }
  return LOCAL_STRIPE_WEBHOOK_SECRET;
}

/** The emulator's stripeWebhook URL. */
export const webhookUrl = () => httpFunctionUrl(HTTP_FUNCTIONS.stripeWebhook);

// Plus prices (issue 18 item 1): the Stripe Price ids of the monthly and yearly plans. Without
// STRIPE_SECRET_KEY (the emulator) the local checkout charges PLUS_PRICES instead.
import type { PlusPlan } from '@skillverse/domain/plus';
import { defineString } from 'firebase-functions/params';

export const PLUS_MONTHLY_PRICE_ID = defineString('PLUS_MONTHLY_PRICE_ID', { default: '' });
export const PLUS_YEARLY_PRICE_ID = defineString('PLUS_YEARLY_PRICE_ID', { default: '' });

/** The configured Stripe Price id of `plan`, or '' (call inside handlers only). */
export function plusPriceId(plan: PlusPlan): string {
  return (plan === 'monthly' ? PLUS_MONTHLY_PRICE_ID : PLUS_YEARLY_PRICE_ID).value().trim();
}

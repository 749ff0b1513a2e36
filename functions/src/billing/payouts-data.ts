// Instructor payouts (Stripe Connect Express): the platform fee and the ids billing derives. The
// documents (educatorPayouts, payouts, stripeAccounts) and their reader are in lib/data/payouts.ts.
import { DEFAULT_PLATFORM_FEE_BPS } from '@skillverse/domain/payouts';
import { defineInt } from 'firebase-functions/params';

/** Platform fee on destination charges, in basis points (2000 = 20 %). */
export const PLATFORM_FEE_BPS = defineInt('PLATFORM_FEE_BPS', {
  default: DEFAULT_PLATFORM_FEE_BPS,
  description: 'Platform fee on course sales by educators with payouts set up, in basis points',
});

/** A Stripe id we may use as a document id (no slash, bounded). */
export function safeStripeId(id: unknown): string | null {
  return typeof id === 'string' && /^[A-Za-z0-9_]{1,128}$/.test(id) ? id : null;
}

/** The deterministic simulated account of an educator in the keyless local mode. */
export const localAccountId = (uid: string) => `acct_local_${uid.replace(/[^A-Za-z0-9]/g, '').slice(0, 64)}`;

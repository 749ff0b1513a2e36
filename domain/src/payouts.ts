// Instructor payouts (Stripe Connect Express, destination charges): the platform fee, the
// onboarding state shown on the educator dashboard, and the callable contract. Pure: shared by
// functions and web.

/** Platform fee in basis points (2000 = 20 %). Functions may override it with a param. */
export const DEFAULT_PLATFORM_FEE_BPS = 2000;

/**
 * Three-decimal currencies: Stripe requires amounts that are a multiple of 10 (SDK docs). Zero-decimal
 * ones need nothing here (their amounts are whole units already; `minorUnitDigits` in courses-api.ts
 * knows them).
 */
export const THREE_DECIMAL_CURRENCIES = ['BHD', 'JOD', 'KWD', 'OMR', 'TND'] as const;

/**
 * The platform's application fee for `amount` (Stripe minor units of `currency`, or whole units
 * for a zero-decimal currency), rounded half-up to an amount Stripe accepts — an integer, and a
 * multiple of 10 for three-decimal currencies — never negative and never more than the amount.
 */
export function platformFee(
  amount: number,
  currency: string,
  bps: number = DEFAULT_PLATFORM_FEE_BPS,
): number {
  if (!Number.isFinite(amount) || amount <= 0) return 0;
  if (!Number.isFinite(bps) || bps <= 0) return 0;
  const rate = Math.min(bps, 10_000);
  const step = (THREE_DECIMAL_CURRENCIES as readonly string[]).includes(currency.toUpperCase()) ? 10 : 1;
  // Integer arithmetic: amount × bps is exact; half-up on the step.
  const raw = Math.round(amount) * rate;
  const unit = 10_000 * step;
  const fee = Math.floor((raw + unit / 2) / unit) * step;
  return Math.min(Math.max(0, fee), Math.round(amount));
}

/** What the instructor keeps of a sale: the amount minus the platform fee. */
export function netOfFee(amount: number, fee: number): number {
  return Math.max(0, Math.round(amount) - Math.max(0, Math.round(fee)));
}

/**
 * The instructor's share of a (partial) refund of `refunded` out of `gross`, when they kept
 * `net`: proportional, rounded half-up, at most `net`.
 */
export function netRefundShare(refunded: number, gross: number, net: number): number {
  if (gross <= 0 || refunded <= 0 || net <= 0) return 0;
  if (refunded >= gross) return net;
  return Math.min(net, Math.floor((refunded * net + gross / 2) / gross));
}

export const ONBOARDING_STATES = ['not_started', 'incomplete', 'pending_verification', 'active'] as const;
export type OnboardingState = (typeof ONBOARDING_STATES)[number];

export interface ConnectAccountFlags {
  accountId: string | null;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  requirementsDue: readonly string[];
}

/**
 * not_started: no account; incomplete: details missing or requirements due (Continue setup);
 * pending_verification: submitted, Stripe still checking; active: charges and payouts enabled.
 */
export function onboardingState(a: ConnectAccountFlags | null | undefined): OnboardingState {
  if (!a?.accountId) return 'not_started';
  if (a.chargesEnabled && a.payoutsEnabled) return 'active';
  if (!a.detailsSubmitted || a.requirementsDue.length > 0) return 'incomplete';
  return 'pending_verification';
}

/** Destination charges go only to accounts that can take charges and receive payouts. */
export function canReceiveDestinationCharges(a: ConnectAccountFlags | null | undefined): boolean {
  return onboardingState(a) === 'active';
}

/** Stripe requirement ids ("individual.verification.document") as words a person understands. */
export function requirementLabel(id: string): string {
  const last = id.split('.').filter(Boolean).slice(-2).join(' ');
  const words = last.replace(/[_.]/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : id;
}

export const PAYOUT_STATUSES = ['pending', 'in_transit', 'paid', 'failed', 'canceled'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/** Web route of the simulated onboarding (no Stripe keys, emulator only). */
export const LOCAL_ONBOARDING_PATH = '/educator/payouts/local-onboarding';
/** Where Stripe sends the educator back (return and refresh). */
export const PAYOUTS_RETURN_PATH = '/educator';

export interface CreateConnectOnboardingLinkResponse {
  mode: 'stripe' | 'local';
  url: string;
  accountId: string;
}

export interface CompleteLocalOnboardingResponse {
  accountId: string;
  eventId: string;
  state: OnboardingState;
}

export interface RunLocalPayoutResponse {
  /** One payout per currency with a pending balance; empty when nothing was pending. */
  payouts: { payoutId: string; amount: number; currency: string; status: string }[];
}

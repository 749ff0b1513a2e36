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

// ---------------------------------------------------------------------------------------------
// Held earnings (issue 16 item 9). A sale made before the educator could receive destination
// charges stays on the platform's balance (earning entry `payout: 'pending'`). When their account
// becomes active (account.updated), ONE transfer per currency moves what is held to their
// connected account: educatorPayouts/{uid}/heldReleases/{releaseId}, a record created in the same
// transaction that marks its entries 'releasing', then driven through these states. The Stripe
// Transfer's idempotency key is derived from the record, so a retry after a crash anywhere —
// before the call, during it, or after it but before the record says so — reuses the same
// transfer instead of making a second one.

export const HELD_RELEASE_STATES = ['pending', 'transferring', 'paid'] as const;
export type HeldReleaseState = (typeof HELD_RELEASE_STATES)[number];

/** The Stripe idempotency key of a held release's transfer (stable for the record's life). */
export const heldReleaseIdempotencyKey = (uid: string, releaseId: string) =>
  `held_release_${uid}_${releaseId}`;

/** Deterministic id of the release of `currency` held in entries `entryIds` (sorted, hashed by caller). */
export const heldReleaseId = (currency: string, digest: string) => `held_${currency.toUpperCase()}_${digest}`;

/** What the next run of the job does with a release in `state`. */
export function heldReleaseAction(state: string): 'transfer' | 'done' | 'unknown' {
  if (state === 'pending' || state === 'transferring') return 'transfer';
  if (state === 'paid') return 'done';
  return 'unknown';
}

/** What an earning entry still holds for the educator (its net minus refunds); 0 once reversed. */
export function heldAmountOfEntry(entry: {
  amount?: unknown;
  refundedAmount?: unknown;
  status?: unknown;
}): number {
  if (entry.status === 'reversed') return 0;
  const amount = typeof entry.amount === 'number' ? entry.amount : 0;
  const refunded = typeof entry.refundedAmount === 'number' ? entry.refundedAmount : 0;
  return Math.max(0, Math.round(amount - refunded));
}

/**
 * Held per currency from the earnings totals: what was credited (net of refunds) minus what went
 * to the connected account (destination charges and released holds). Never negative.
 */
export function heldBalances(earnings: { totals?: unknown; transferred?: unknown } | null | undefined) {
  const totals = isNumberMap(earnings?.totals) ? earnings.totals : {};
  const transferred = isNumberMap(earnings?.transferred) ? earnings.transferred : {};
  const out: { currency: string; amount: number }[] = [];
  for (const [currency, total] of Object.entries(totals)) {
    const held = Math.round(total - (transferred[currency] ?? 0));
    if (held > 0) out.push({ currency, amount: held });
  }
  return out.sort((a, b) => a.currency.localeCompare(b.currency));
}

function isNumberMap(v: unknown): v is Record<string, number> {
  return (
    typeof v === 'object' &&
    v !== null &&
    Object.values(v as Record<string, unknown>).every((x) => typeof x === 'number')
  );
}

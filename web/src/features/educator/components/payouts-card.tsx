import { formatMoney } from '@skillverse/domain/educator';
import { heldBalances, onboardingState, requirementLabel } from '@skillverse/domain/payouts';
import { type ReactNode, useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { LoadError } from '@/components/ui/load-error';
import { Skeleton } from '@/components/ui/skeleton';
import { friendlyError } from '@/lib/errors';
import {
  useCreateOnboardingLink,
  useEarningsTotals,
  useHeldReleases,
  usePayoutAccount,
  useRecentPayouts,
  useRecentSales,
  useRunLocalPayout,
} from '../api/payouts';
import type { SaleEntryDoc } from '@/lib/data/earnings';
import type { HeldReleaseDoc, PayoutDoc } from '@/lib/data/educator-payouts';

const dateFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });

const PAYOUT_TONE = {
  paid: 'success',
  failed: 'danger',
  canceled: 'danger',
  pending: 'neutral',
  in_transit: 'brand',
} as const;

const PAYOUT_LABEL: Record<PayoutDoc['status'], string> = {
  paid: 'Paid',
  failed: 'Failed',
  canceled: 'Canceled',
  pending: 'Pending',
  in_transit: 'In transit',
};

function saleStatus(s: SaleEntryDoc): { label: string; tone: 'success' | 'neutral' | 'danger' | 'brand' } {
  if (s.status === 'reversed') {
    return { label: s.transferId ? 'Refunded · transfer reversed' : 'Refunded', tone: 'danger' };
  }
  if (s.payout === 'transferred') return { label: 'Transferred', tone: 'success' };
  if (s.payout === 'releasing') return { label: 'Being transferred', tone: 'brand' };
  return { label: 'Held by SkillVerse', tone: 'neutral' };
}

/**
 * Payouts (Stripe Connect Express): onboarding state with requirements due, the sales net of the
 * platform fee with their transfer, and recent payouts. Live reads: the account doc, the 5 latest
 * payouts and the 5 latest sales.
 */
export function PayoutsCard({ uid }: { uid: string }) {
  const account = usePayoutAccount(uid);
  const payouts = useRecentPayouts(uid);
  const sales = useRecentSales(uid);
  const totals = useEarningsTotals(uid);
  const releases = useHeldReleases(uid);
  const link = useCreateOnboardingLink();
  const localPayout = useRunLocalPayout();
  const navigate = useNavigate();
  const client = useQueryClient();

  // The earnings totals are a one-shot read (get-earnings); when a new sale or payout arrives on
  // these live lists, refresh them so the figures above agree with the lists.
  const latest = `${sales.data?.[0]?.id ?? ''}:${sales.data?.[0]?.status ?? ''}:${payouts.data?.[0]?.id ?? ''}:${payouts.data?.[0]?.status ?? ''}`;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (sales.isPending || payouts.isPending) return;
    if (seen.current !== null && seen.current !== latest) {
      void client.invalidateQueries({ queryKey: ['educator', 'earnings'] });
    }
    seen.current = latest;
  }, [latest, sales.isPending, payouts.isPending, client]);

  const startOnboarding = () =>
    link.mutate(undefined, {
      onSuccess: (res) => {
        if (res.mode === 'local') void navigate(res.url);
        else window.location.assign(res.url);
      },
    });

  let body: ReactNode;
  if (account.isPending) {
    body = (
      <div className="flex flex-col gap-3" aria-busy="true">
        <Skeleton className="h-10" />
        <Skeleton className="h-24" />
      </div>
    );
  } else if (account.error) {
    body = (
      <LoadError
        title="We couldn’t load your payouts"
        error={account.error}
        onRetry={() => void account.refetch()}
      />
    );
  } else {
    const a = account.data;
    const state = onboardingState(a);
    body = (
      <div className="flex flex-col gap-5">
        <section aria-labelledby="payouts-setup-heading" className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center gap-2">
            <h3 id="payouts-setup-heading" className="text-sm font-semibold text-stone-900">
              Payout setup
            </h3>
            <Badge
              tone={state === 'active' ? 'success' : state === 'not_started' ? 'neutral' : 'warning'}
              data-testid="payouts-state"
            >
              {state === 'active'
                ? 'Payouts active'
                : state === 'not_started'
                  ? 'Not set up'
                  : state === 'incomplete'
                    ? 'Setup incomplete'
                    : 'Being verified'}
            </Badge>
            {a?.mode === 'local' ? <Badge tone="warning">Test mode</Badge> : null}
          </div>
          {state === 'not_started' ? (
            <p className="text-sm text-stone-700">
              Set up payouts with Stripe to be paid for each sale directly, minus the platform fee. Until
              then, what you earn stays pending with SkillVerse and is paid out later.
            </p>
          ) : state === 'active' ? (
            <p className="text-sm text-stone-700">
              Each sale goes to your Stripe account minus the platform fee; Stripe pays it out on your
              schedule.
            </p>
          ) : state === 'pending_verification' ? (
            <p className="text-sm text-stone-700">
              Stripe is checking your details. Sales stay pending with SkillVerse until it’s done.
            </p>
          ) : (
            <p className="text-sm text-stone-700">Stripe needs a few more details before it can pay you.</p>
          )}
          {a && a.requirementsDue.length > 0 ? (
            <div>
              <p className="text-sm font-medium text-stone-900">Still needed:</p>
              <ul className="ml-5 list-disc text-sm text-stone-700">
                {a.requirementsDue.map((r) => (
                  <li key={r}>{requirementLabel(r)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {state !== 'active' ? (
            <div>
              <Button onClick={startOnboarding} loading={link.isPending}>
                {state === 'not_started' ? 'Set up payouts' : 'Continue setup'}
              </Button>
            </div>
          ) : null}
          {link.error ? (
            <Alert tone="error" title="Couldn’t open payout setup">
              {friendlyError(link.error)}
            </Alert>
          ) : null}
        </section>

        <HeldEarnings
          active={state === 'active'}
          held={heldBalances(totals.data)}
          releases={releases.data ?? []}
        />

        <section aria-labelledby="payouts-sales-heading">
          <h3 id="payouts-sales-heading" className="mb-2 text-sm font-semibold text-stone-900">
            Recent sales
          </h3>
          {sales.isPending ? (
            <Skeleton className="h-16" />
          ) : sales.error ? (
            <LoadError
              title="We couldn’t load your sales"
              error={sales.error}
              onRetry={() => void sales.refetch()}
            />
          ) : (sales.data ?? []).length === 0 ? (
            <p className="text-sm text-stone-600">No sales yet.</p>
          ) : (
            <ul className="flex flex-col divide-y divide-stone-200" data-testid="payouts-sales">
              {(sales.data ?? []).map((s) => {
                const st = saleStatus(s);
                return (
                  <li
                    key={s.id}
                    className="flex flex-col gap-1 py-2 text-sm sm:flex-row sm:items-center sm:justify-between"
                  >
                    <div>
                      <p className="font-medium text-stone-900">
                        You earned {formatMoney(s.amount, s.currency)}
                      </p>
                      <p className="text-stone-600">
                        {s.kind === 'plus'
                          ? `Plus revenue share${s.month ? `, ${s.month}` : ''} (after the platform fee)`
                          : s.platformFee > 0
                            ? `${formatMoney(s.grossAmount, s.currency)} sale − ${formatMoney(s.platformFee, s.currency)} platform fee`
                            : `${formatMoney(s.grossAmount, s.currency)} sale · no platform fee`}
                        {' · '}
                        {dateFormat.format(s.createdAt)}
                      </p>
                      {s.transferId ? (
                        <p className="text-xs text-stone-600">
                          Transfer <span className="font-mono">{s.transferId}</span>
                        </p>
                      ) : null}
                    </div>
                    <Badge tone={st.tone} className="self-start sm:self-center">
                      {st.label}
                    </Badge>
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <section aria-labelledby="payouts-list-heading">
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <h3 id="payouts-list-heading" className="text-sm font-semibold text-stone-900">
              Recent payouts
            </h3>
            {a?.mode === 'local' && state === 'active' ? (
              <Button
                variant="secondary"
                size="sm"
                onClick={() => localPayout.mutate()}
                loading={localPayout.isPending}
              >
                Run test payout
              </Button>
            ) : null}
          </div>
          {localPayout.error ? (
            <Alert tone="error" title="The test payout failed">
              {friendlyError(localPayout.error)}
            </Alert>
          ) : null}
          {localPayout.data && localPayout.data.payouts.length === 0 ? (
            <Alert tone="info">Nothing is pending: there was nothing to pay out.</Alert>
          ) : null}
          {payouts.isPending ? (
            <Skeleton className="h-16" />
          ) : payouts.error ? (
            <LoadError
              title="We couldn’t load your payouts"
              error={payouts.error}
              onRetry={() => void payouts.refetch()}
            />
          ) : (payouts.data ?? []).length === 0 ? (
            <p className="text-sm text-stone-600">No payouts yet.</p>
          ) : (
            <ul className="flex flex-col divide-y divide-stone-200" data-testid="payouts-list">
              {(payouts.data ?? []).map((p) => (
                <li key={p.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                  <div>
                    <p className="font-medium tabular-nums text-stone-900">
                      {formatMoney(p.amount, p.currency)}
                    </p>
                    <p className="text-stone-600">
                      {p.arrivalDate
                        ? `Arrival ${dateFormat.format(p.arrivalDate)}`
                        : dateFormat.format(p.createdAt)}
                      {p.failureMessage ? ` · ${p.failureMessage}` : ''}
                    </p>
                  </div>
                  <Badge tone={PAYOUT_TONE[p.status]}>{PAYOUT_LABEL[p.status]}</Badge>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    );
  }

  return (
    <Card>
      <CardHeader id="payouts-heading" title="Payouts" description="How you get paid for your courses." />
      <CardBody>{body}</CardBody>
    </Card>
  );
}

/**
 * Sales made before payouts were set up are held by SkillVerse; when onboarding finishes they are
 * transferred once (billing/release-held.ts). "Held: €Y until you finish onboarding", then
 * "Paid out €X on …".
 */
function HeldEarnings({
  active,
  held,
  releases,
}: {
  active: boolean;
  held: { currency: string; amount: number }[];
  releases: HeldReleaseDoc[];
}) {
  const paid = releases.filter((r) => r.state === 'paid');
  const moving = releases.filter((r) => r.state !== 'paid');
  if (held.length === 0 && releases.length === 0) return null;
  const heldText = held.map((h) => formatMoney(h.amount, h.currency)).join(' + ');
  return (
    <section
      aria-labelledby="payouts-held-heading"
      className="flex flex-col gap-2"
      data-testid="payouts-held"
    >
      <h3 id="payouts-held-heading" className="text-sm font-semibold text-stone-900">
        Earnings held before setup
      </h3>
      {held.length > 0 && !active ? (
        <p className="text-sm text-stone-800">
          <span className="font-semibold tabular-nums">Held: {heldText}</span> until you finish onboarding. It
          is transferred to your Stripe account once, as soon as Stripe enables payouts.
        </p>
      ) : null}
      {held.length > 0 && active && moving.length === 0 ? (
        <p className="text-sm text-stone-800">
          <span className="font-semibold tabular-nums">{heldText}</span> held for you is being transferred.
        </p>
      ) : null}
      {moving.map((r) => (
        <p key={r.id} className="text-sm text-stone-800" role="status">
          Transferring {formatMoney(r.amount, r.currency)} held for you… (retried automatically if Stripe is
          busy)
        </p>
      ))}
      {paid.map((r) => (
        <p key={r.id} className="text-sm text-stone-800">
          <Badge tone="success" className="mr-2">
            Paid out
          </Badge>
          <span className="font-semibold tabular-nums">{formatMoney(r.amount, r.currency)}</span> on{' '}
          {dateFormat.format(r.paidAt ?? r.createdAt)}
          {r.transferId ? (
            <span className="block text-xs text-stone-600">
              Transfer <span className="font-mono">{r.transferId}</span>
            </span>
          ) : null}
        </p>
      ))}
    </section>
  );
}

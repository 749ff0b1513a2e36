import type { ReactNode } from 'react';
import { earningsByMonth, earningsTotals, formatMoney } from '@skillverse/domain/educator';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { LoadError } from '@/components/ui/load-error';
import { Skeleton } from '@/components/ui/skeleton';
import { EARNINGS_MONTHS, useEducatorEarnings } from '../api/get-earnings';
import { EarningsChart } from './earnings-chart';

/** Earnings: total, pending and paid out per currency, and the last months as a bar chart. */
export function EarningsCard({ uid }: { uid: string }) {
  const earnings = useEducatorEarnings(uid);
  const now = new Date();

  let body: ReactNode;
  if (earnings.isPending) {
    body = (
      <div className="flex flex-col gap-3" aria-busy="true">
        <Skeleton className="h-16" />
        <Skeleton className="h-48" />
      </div>
    );
  } else if (earnings.error) {
    body = (
      <LoadError
        title="We couldn’t load your earnings"
        error={earnings.error}
        onRetry={() => void earnings.refetch()}
      />
    );
  } else {
    const { summary, recent, truncated } = earnings.data;
    const totals = earningsTotals(summary.totals, summary.paidOut);
    const main = totals[0]?.currency ?? recent[0]?.currency ?? 'USD';
    const months = earningsByMonth(recent, main, now, EARNINGS_MONTHS);
    const anyPaidOut = totals.some((t) => t.paidOut > 0);
    body = (
      <div className="flex flex-col gap-5">
        {totals.length === 0 ? (
          <p className="text-sm text-stone-700">
            No sales yet. When learners buy one of your paid courses, what you earn shows up here.
          </p>
        ) : (
          totals.map((t) => (
            <dl
              key={t.currency}
              className="grid grid-cols-1 gap-3 sm:grid-cols-3"
              data-testid="earnings-totals"
            >
              <div className="rounded-lg bg-stone-50 p-3">
                <dt className="text-sm text-stone-600">
                  Total earned{totals.length > 1 ? ` (${t.currency})` : ''}
                </dt>
                <dd className="text-xl font-bold tabular-nums text-stone-900">
                  {formatMoney(t.total, t.currency)}
                </dd>
              </div>
              <div className="rounded-lg bg-stone-50 p-3">
                <dt className="text-sm text-stone-600">Pending payout</dt>
                <dd className="text-xl font-bold tabular-nums text-stone-900">
                  {formatMoney(t.pending, t.currency)}
                </dd>
              </div>
              <div className="rounded-lg bg-stone-50 p-3">
                <dt className="text-sm text-stone-600">Paid out</dt>
                <dd className="text-xl font-bold tabular-nums text-stone-900">
                  {formatMoney(t.paidOut, t.currency)}
                </dd>
              </div>
            </dl>
          ))
        )}
        {totals.length > 0 && !anyPaidOut ? (
          <p className="text-sm text-stone-600">
            Nothing has been paid out yet, so everything you’ve earned is pending until a payout marks it paid
            (see Payouts below). Amounts are after the platform fee and refunds.
          </p>
        ) : null}
        <div>
          <h3 className="mb-2 text-sm font-semibold text-stone-900">
            By month{totals.length > 1 ? ` (${main})` : ''}
          </h3>
          <EarningsChart months={months} currency={main} />
          {truncated ? (
            <p className="mt-2 text-xs text-stone-600">The chart shows your most recent sales only.</p>
          ) : null}
        </div>
      </div>
    );
  }

  return (
    <Card>
      <CardHeader
        id="earnings-heading"
        title="Earnings"
        description="From your paid courses, after refunds."
      />
      <CardBody>{body}</CardBody>
    </Card>
  );
}

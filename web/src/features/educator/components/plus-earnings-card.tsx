import { formatMoney } from '@skillverse/domain/educator';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { LoadError } from '@/components/ui/load-error';
import { Skeleton } from '@/components/ui/skeleton';
import type { PlusStatementDoc } from '@/lib/data/plus-statements';
import { usePlusStatements } from '../api/get-plus-statements';

const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthLabel = (month: string) => {
  const at = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? month : monthFormat.format(at);
};
const percent = (share: number) =>
  `${(share * 100).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 0 })}%`;
const minutes = (m: number) => `${m.toLocaleString('en-US', { maximumFractionDigits: 1 })} min`;

const TRANSFER: Record<
  PlusStatementDoc['transferState'],
  { label: string; tone: 'success' | 'neutral' | 'brand' }
> = {
  paid: { label: 'Transferred', tone: 'success' },
  held: { label: 'Held until payouts are set up', tone: 'neutral' },
  pending: { label: 'Transfer pending', tone: 'brand' },
  transferring: { label: 'Transfer pending', tone: 'brand' },
  none: { label: 'Nothing to transfer', tone: 'neutral' },
};

/**
 * Plus earnings: one statement per closed month — the observed minutes in the educator's Plus
 * courses, their share of all Plus minutes, and the amount (after the platform fee; carried refunds
 * shown as their own line). Loaded lazily with its own query.
 */
export function PlusEarningsCard({ uid }: { uid: string }) {
  const statements = usePlusStatements(uid);
  let body: ReactNode;
  if (statements.isPending) {
    body = (
      <div className="flex flex-col gap-3" aria-busy="true">
        <Skeleton className="h-12" />
        <Skeleton className="h-12" />
      </div>
    );
  } else if (statements.error) {
    body = (
      <LoadError
        title="We couldn’t load your Plus earnings"
        error={statements.error}
        onRetry={() => void statements.refetch()}
      />
    );
  } else if (statements.data.length === 0) {
    body = (
      <p className="text-sm text-stone-700">
        No Plus statements yet. Each month, after it ends, Plus members’ observed learning time in your Plus
        courses earns you a share of Plus revenue; the statement appears here.
      </p>
    );
  } else {
    body = (
      <ul className="flex flex-col divide-y divide-stone-100" data-testid="plus-statements">
        {statements.data.map((s) => (
          <li
            key={s.id}
            className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0"
            data-testid="plus-statement"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="text-sm font-semibold text-stone-900">{monthLabel(s.month)}</h3>
              <span className="text-lg font-bold tabular-nums text-stone-900">
                {formatMoney(s.payable, s.currency)}
              </span>
            </div>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
              <div>
                <dt className="text-stone-600">Observed minutes</dt>
                <dd className="tabular-nums text-stone-900">{minutes(s.minutes)}</dd>
              </div>
              <div>
                <dt className="text-stone-600">Share of Plus time</dt>
                <dd className="tabular-nums text-stone-900">{percent(s.share)}</dd>
              </div>
              <div>
                <dt className="text-stone-600">Your share</dt>
                <dd className="tabular-nums text-stone-900">{formatMoney(s.amount, s.currency)}</dd>
              </div>
              <div>
                <dt className="text-stone-600">Shared this month</dt>
                <dd className="tabular-nums text-stone-900">
                  {formatMoney(s.totals.distributable, s.currency)}
                </dd>
              </div>
            </dl>
            {s.carryIn !== 0 ? (
              <p className="text-sm text-stone-700">
                Refunds carried from earlier months: {formatMoney(s.carryIn, s.currency)}
                {s.carryOut < 0 ? ` (${formatMoney(-s.carryOut, s.currency)} carries into next month)` : ''}
              </p>
            ) : null}
            <div>
              <Badge tone={TRANSFER[s.transferState].tone}>{TRANSFER[s.transferState].label}</Badge>
            </div>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Card>
      <CardHeader
        id="plus-earnings-heading"
        title="Plus earnings"
        description="Your share of Plus revenue, by observed learning time in your Plus courses (after the platform fee)."
      />
      <CardBody>{body}</CardBody>
    </Card>
  );
}

import { formatMoney } from '@skillverse/domain/courses-api';
import type { DailyStats, PlatformStats } from '@skillverse/domain/stats';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Icon, type IconName } from '@/components/icon';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadError } from '@/components/ui/load-error';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { friendlyError } from '@/lib/errors';
import { formatDateTime, formatRelativeTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePlatformStats } from '../api/get-platform-stats';
import { useStatsHistory } from '../api/get-stats-history';
import { useRefreshPlatformStats } from '../api/refresh-platform-stats';
import { AuditLogPanel } from '../components/audit-log-panel';
import { TrendChart } from '../components/trend-chart';

const number = (n: number) => n.toLocaleString('en-US');

/** Minor units → "$1,234.50", "¥1,500" (the currency's own decimals; zero stays "$0.00"). */
const money = (minor: number, currency: string) => formatMoney(minor, currency);

/** Revenue per currency, largest first: "$1,234.00 · €56.00"; "$0.00" when there is none. */
function formatRevenue(revenue: Record<string, number>): string {
  const entries = Object.entries(revenue)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return money(0, 'USD');
  return entries.map(([currency, cents]) => money(cents, currency)).join(' · ');
}

/** The main currency of a history (most revenue), for the revenue chart. */
function mainCurrency(days: readonly DailyStats[]): string {
  const totals = new Map<string, number>();
  for (const d of days)
    for (const [c, n] of Object.entries(d.revenue)) totals.set(c, (totals.get(c) ?? 0) + n);
  return [...totals.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'USD';
}

function Figure({
  label,
  value,
  detail,
  icon,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  icon: IconName;
}) {
  return (
    <Card className="flex min-w-0 flex-col gap-1 p-4">
      <dt className="flex items-center gap-2 text-sm font-medium text-stone-600">
        <Icon name={icon} className="size-4 text-brand-700" />
        {label}
      </dt>
      <dd className="text-2xl font-bold tracking-tight text-stone-900 tabular-nums">{value}</dd>
      {detail ? <dd className="text-xs text-stone-600">{detail}</dd> : null}
    </Card>
  );
}

/** "3 pending · 12 published · 1 rejected" — statuses with a count, in the given order. */
function byStatus(record: Record<string, number>, order: readonly string[]): string {
  const parts = order.filter((k) => (record[k] ?? 0) > 0).map((k) => `${number(record[k] ?? 0)} ${k}`);
  return parts.length > 0 ? parts.join(' · ') : 'none yet';
}

const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);

function Headline({ stats }: { stats: PlatformStats }) {
  const { users, courses, enrollments, exchanges, liveSessions, payments } = stats;
  const active = stats.activeLearners;
  return (
    <section aria-labelledby="headline-heading">
      <h2 id="headline-heading" className="sr-only">
        Headline figures
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
        <Figure
          icon="compass"
          label="Users"
          value={number(users.total)}
          detail={`${number(users.educators)} educators · ${number(users.suspended)} suspended · ${number(users.banned)} banned`}
        />
        <Figure
          icon="flame"
          label="Active learners, 7 days"
          value={active ? number(active.last7Days) : '—'}
          detail={active ? `as of ${formatRelativeTime(active.asOf)}` : 'computed by the daily rollup'}
        />
        <Figure
          icon="trending"
          label="Active learners, 30 days"
          value={active ? number(active.last30Days) : '—'}
          detail={
            active && users.total > 0
              ? `${Math.round((active.last30Days / users.total) * 100)}% of users`
              : undefined
          }
        />
        <Figure
          icon="book"
          label="Published courses"
          value={number(courses.published)}
          detail={byStatus(courses, ['pending', 'draft', 'rejected', 'archived'])}
        />
        <Figure
          icon="graduation"
          label="Enrolments"
          value={number(enrollments.active)}
          detail={`${number(enrollments.completed)} completed · ${number(enrollments.refunded)} refunded`}
        />
        <Figure
          icon="award"
          label="Revenue"
          value={formatRevenue(stats.revenue)}
          detail={`${number(payments.paid)} paid · ${number(payments.refunded)} refunded`}
        />
        <Figure
          icon="swap"
          label="Skill exchanges"
          value={number(exchanges.active)}
          detail={`active · ${byStatus(exchanges, ['pending', 'accepted', 'completed', 'cancelled', 'rejected'])}`}
        />
        <Figure
          icon="video"
          label="Live sessions"
          value={number(liveSessions.scheduled + liveSessions.live)}
          detail={`upcoming or live · ${number(liveSessions.ended)} ended · ${number(sum(liveSessions))} in all`}
        />
      </dl>
    </section>
  );
}

function QuickLinks({ stats }: { stats: PlatformStats | null }) {
  const links = [
    {
      to: paths.adminCourses.href(),
      label: 'Course moderation',
      count: stats?.courses.pending,
      what: 'waiting for review',
      icon: 'check' as const,
    },
    {
      to: paths.adminApplications.href(),
      label: 'Educator applications',
      count: stats?.educatorApplications.pending,
      what: 'pending',
      icon: 'pencil' as const,
    },
    {
      to: paths.adminUsers.href(),
      label: 'Users',
      count: stats?.users.total,
      what: 'accounts',
      icon: 'shield' as const,
    },
  ];
  return (
    <nav aria-label="Admin areas">
      <ul className="grid gap-3 sm:grid-cols-3">
        {links.map((l) => (
          <li key={l.to}>
            <Link
              to={l.to}
              className="flex items-center gap-3 rounded-(--radius-card) border border-stone-200 bg-white p-4 shadow-(--shadow-card) hover:border-brand-300 hover:bg-brand-50/40 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              <span className="inline-flex size-10 items-center justify-center rounded-full bg-brand-50 text-brand-700">
                <Icon name={l.icon} />
              </span>
              <span className="min-w-0">
                <span className="block font-semibold text-stone-900">{l.label}</span>
                <span className="text-sm text-stone-600">
                  {l.count === undefined ? '…' : `${number(l.count)} ${l.what}`}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Charts({ days }: { days: DailyStats[] }) {
  const currency = mainCurrency(days);
  const series = (pick: (d: DailyStats) => number) => days.map((d) => ({ day: d.day, value: pick(d) }));
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <TrendChart title="Sign-ups per day" points={series((d) => d.newUsers)} />
      <TrendChart title="Enrolments per day" points={series((d) => d.newEnrollments)} />
      <TrendChart
        title={`Revenue per day (${currency})`}
        points={series((d) => d.revenue[currency] ?? 0)}
        format={(n) => money(n, currency)}
      />
      <TrendChart
        title="Active learners (30 days)"
        kind="line"
        cumulative
        points={series((d) => d.activeLearners30d)}
      />
    </div>
  );
}

/** /admin — platform figures at a glance (two documents, live) and charts of the daily rollup. */
export function AdminConsolePage() {
  useDocumentTitle('Admin console');
  const stats = usePlatformStats();
  const history = useStatsHistory();
  const refresh = useRefreshPlatformStats();
  const { toast } = useToast();

  const onRefresh = () =>
    refresh.mutate(
      {},
      {
        onSuccess: (r) =>
          toast({
            title: 'Figures refreshed',
            description:
              r.corrected > 0
                ? `${r.corrected} counter${r.corrected === 1 ? ' was' : 's were'} off and have been corrected.`
                : 'Every counter matched the data.',
          }),
        onError: (error) =>
          toast({
            title: 'We couldn’t refresh the figures',
            description: friendlyError(error),
            tone: 'error',
          }),
      },
    );

  const updated = stats.data?.updatedAt;
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader
        flush
        title="Admin console"
        description={
          updated ? (
            <>
              Live platform figures, updated{' '}
              <time dateTime={updated.toISOString()} title={formatDateTime(updated)}>
                {formatRelativeTime(updated)}
              </time>
              .
            </>
          ) : (
            'Live platform figures.'
          )
        }
        actions={
          <Button variant="secondary" size="sm" onClick={onRefresh} loading={refresh.isPending}>
            Recount now
          </Button>
        }
      />

      {stats.isPending ? (
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" aria-busy="true">
          {Array.from({ length: 8 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
            <Skeleton key={i} className="h-24" />
          ))}
          <span className="sr-only">Loading figures…</span>
        </div>
      ) : stats.error && !stats.data ? (
        <LoadError
          title="We couldn’t load the figures"
          error={stats.error}
          onRetry={() => void stats.refetch()}
        />
      ) : stats.data ? (
        <Headline stats={stats.data} />
      ) : (
        <EmptyState
          icon="trending"
          title="No figures yet"
          description="The counters start with the first rollup. Count everything now, or wait for tonight’s run (00:10 UTC)."
          action={
            <Button onClick={onRefresh} loading={refresh.isPending}>
              Count now
            </Button>
          }
        />
      )}

      <QuickLinks stats={stats.data ?? null} />

      <Card>
        <section aria-labelledby="trends-heading">
          <CardHeader
            id="trends-heading"
            title="Over time"
            description={
              history.data?.days.length
                ? `The last ${history.data.days.length} days (UTC), from the daily rollup.`
                : 'From the daily rollup.'
            }
          />
          <CardBody>
            {history.isPending ? (
              <Skeleton className="h-48" />
            ) : history.error && !history.data ? (
              <LoadError
                title="We couldn’t load the history"
                error={history.error}
                onRetry={() => void history.refetch()}
              />
            ) : history.data && history.data.days.length > 0 ? (
              <Charts days={history.data.days} />
            ) : (
              <EmptyState
                icon="trending"
                title="No history yet"
                description="The daily rollup adds a day every night just after midnight (UTC)."
              />
            )}
          </CardBody>
        </section>
      </Card>

      <AuditLogPanel max={5} title="Latest admin actions" />
    </div>
  );
}

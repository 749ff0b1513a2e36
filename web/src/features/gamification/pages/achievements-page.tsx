import {
  badgeStatuses,
  type LedgerTarget,
  ledgerTarget,
  ledgerTargetLabel,
  levelLadder,
  pointReasonLabel,
} from '@skillverse/domain/achievements';
import { BADGES } from '@skillverse/domain/gamification';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { BADGE_ICONS } from '@/components/gamification/badge-list';
import { LevelSummary } from '@/components/gamification/level-summary';
import { Icon } from '@/components/icon';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadError } from '@/components/ui/load-error';
import { PageHeader } from '@/components/ui/page-header';
import { ProgressBar } from '@/components/ui/progress-bar';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { cn } from '@/lib/cn';
import { formatDateTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePointsHistory } from '../api/get-points-history';

const number = new Intl.NumberFormat();
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function targetHref(target: LedgerTarget): string {
  switch (target.kind) {
    case 'lecture':
      return paths.lecture.href(target.courseId, target.lectureId);
    case 'course':
      return paths.course.href(target.courseId);
    case 'exchange':
      return paths.exchange.href(target.exchangeId);
    case 'liveSession':
      return paths.liveSession.href(target.sessionId);
    case 'profile':
      return paths.publicProfile.href(target.uid);
  }
}

function LevelLadder({ points }: { points: number }) {
  const ladder = levelLadder(points);
  return (
    <ol className="mt-4 grid gap-2 sm:grid-cols-5" aria-label="Levels">
      {ladder.map((step) => (
        <li
          key={step.level}
          aria-current={step.state === 'current' ? 'step' : undefined}
          className={cn(
            'rounded-lg border p-3 text-sm',
            step.state === 'current' && 'border-brand-500 bg-brand-50 ring-1 ring-brand-500',
            step.state === 'reached' && 'border-emerald-200 bg-emerald-50/60',
            step.state === 'ahead' && 'border-stone-200 bg-white',
          )}
        >
          <span className="flex items-center justify-between gap-2">
            <span className="font-semibold text-stone-900">
              {step.level}. {step.name}
            </span>
            {step.state === 'reached' ? (
              <span className="text-emerald-700">
                <Icon name="check" className="size-4" />
                <span className="sr-only">reached</span>
              </span>
            ) : null}
          </span>
          <span className="block text-xs text-stone-600">
            {step.max === null
              ? `${number.format(step.min)}+ points`
              : `${number.format(step.min)}–${number.format(step.max - 1)} points`}
          </span>
          {step.state === 'current' ? (
            <span className="mt-1 block text-xs font-semibold text-brand-800">You are here</span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function PointsHistory({ uid }: { uid: string }) {
  const history = usePointsHistory(uid);
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card>
      <CardHeader title="Points history" description="Every award, newest first." />
      <CardBody>
        {history.isPending ? (
          <div className="flex flex-col gap-2" aria-hidden="true">
            <Skeleton className="h-10" />
            <Skeleton className="h-10" />
            <Skeleton className="h-10" />
          </div>
        ) : history.error && items.length === 0 ? (
          <LoadError
            title="Couldn’t load your points history"
            error={history.error}
            onRetry={() => void history.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState
            icon="sparkles"
            title="No points yet"
            description="Complete a lecture to earn your first 10 points."
            action={
              <ButtonLink to={paths.courses.href()} size="sm">
                Browse courses
              </ButtonLink>
            }
          />
        ) : (
          <>
            <ul className="-my-2 divide-y divide-stone-100" aria-label="Points history">
              {items.map((e) => {
                const target = ledgerTarget(e.refPath);
                return (
                  <li key={e.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2.5">
                    {/* A refund's compensating entry is negative: shown as taken back, in red. */}
                    <span
                      className={`w-14 shrink-0 font-bold tabular-nums ${e.points < 0 ? 'text-red-700' : 'text-emerald-700'}`}
                    >
                      {e.points < 0 ? `−${number.format(-e.points)}` : `+${number.format(e.points)}`}
                    </span>
                    <span className="min-w-0 flex-1">
                      <span className="block text-sm font-medium text-stone-900">
                        {pointReasonLabel(e.reason)}
                      </span>
                      <time
                        dateTime={e.createdAt.toISOString()}
                        title={formatDateTime(e.createdAt)}
                        className="text-xs text-stone-600"
                      >
                        {dateFormat.format(e.createdAt)}
                      </time>
                    </span>
                    {target ? (
                      <Link
                        to={targetHref(target)}
                        className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline"
                      >
                        {ledgerTargetLabel(target)}
                        <span className="sr-only">: {pointReasonLabel(e.reason)}</span>
                      </Link>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            {history.error ? (
              <p role="alert" className="mt-3 text-sm text-red-700">
                Couldn’t load more. Try again.
              </p>
            ) : null}
            {history.hasNextPage ? (
              <div className="mt-4 flex justify-center">
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => void history.fetchNextPage()}
                  disabled={history.isFetchingNextPage}
                >
                  {history.isFetchingNextPage ? 'Loading…' : 'Load more'}
                </Button>
              </div>
            ) : null}
          </>
        )}
      </CardBody>
    </Card>
  );
}

/** Every badge with its date or my progress toward it, the level ladder, and my points ledger. */
export function AchievementsPage() {
  useDocumentTitle('Achievements');
  const { user, profile } = useAuth();
  const p = profile!;
  const uid = user?.uid ?? p.uid;
  const g = p.gamification;
  const badges = useMemo(
    () =>
      badgeStatuses({
        stats: p.stats,
        gamification: g,
        rating: p.rating,
        held: g.badges,
        earnedAt: g.badgeEarnedAt ?? null,
      }),
    [p.stats, g, p.rating],
  );
  const earned = badges.filter((b) => b.earned).length;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        flush
        title="Achievements"
        description="Your level, every badge and what it takes, and where each of your points came from."
      />

      <Card>
        <CardHeader title="Level" />
        <CardBody>
          <LevelSummary points={g.points} />
          <LevelLadder points={g.points} />
        </CardBody>
      </Card>

      <section aria-labelledby="badges-heading">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="badges-heading" className="text-lg font-semibold text-stone-900">
            Badges
          </h2>
          <p className="text-sm text-stone-600">
            {earned} of {BADGES.length} earned
          </p>
        </div>
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {badges.map(({ badge, progress, earned: isEarned, earnedAt }) => (
            <li
              key={badge.id}
              className={cn(
                'flex gap-3 rounded-xl border p-4',
                isEarned ? 'border-amber-200 bg-amber-50/60' : 'border-stone-200 bg-white',
              )}
            >
              <span
                className={cn(
                  'inline-flex size-11 shrink-0 items-center justify-center rounded-full',
                  isEarned ? 'bg-amber-100 text-amber-800' : 'bg-stone-100 text-stone-500',
                )}
              >
                <Icon name={BADGE_ICONS[badge.id]} />
              </span>
              <div className="min-w-0 flex-1">
                <h3 className="flex flex-wrap items-center gap-2 font-semibold text-stone-900">
                  {badge.name}
                  {isEarned ? <Badge tone="success">Earned</Badge> : null}
                </h3>
                <p className="text-sm text-stone-700">{isEarned ? badge.description : badge.criteria}</p>
                {isEarned ? (
                  <p className="mt-1 text-xs text-stone-600">
                    {earnedAt ? `Earned ${dateFormat.format(earnedAt)}` : 'Earned'}
                  </p>
                ) : (
                  <div className="mt-2">
                    <ProgressBar
                      value={progress.current / progress.target}
                      label={`Progress toward ${badge.name}`}
                      valueText={`${progress.current} of ${progress.target}`}
                    />
                    <p className="mt-1 text-xs text-stone-600">
                      {progress.current}/{progress.target}
                    </p>
                  </div>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>

      <PointsHistory uid={uid} />
    </div>
  );
}

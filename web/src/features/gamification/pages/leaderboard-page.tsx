import { ranksOf } from '@skillverse/domain/achievements';
import { ALL_TIME_PERIOD } from '@skillverse/domain/gamification';
import type { LeaderboardEntry } from '@skillverse/domain/models';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadError } from '@/components/ui/load-error';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs } from '@/components/ui/tabs';
import { paths } from '@/config/paths';
import { useSignedInUser } from '@/lib/auth/auth-context';
import { cn } from '@/lib/cn';
import { useDocumentTitle } from '@/lib/use-document-title';
import { LEADERBOARD_SIZE, useLeaderboard } from '../api/get-leaderboard';
import { useMyEntry, useMyRank } from '../api/get-my-rank';
import { useCurrentWeek } from '../utils/use-current-week';

type Board = 'allTime' | 'week';

const number = new Intl.NumberFormat();

/** "Your rank" above the board: from the top 50 when I'm in it, otherwise from a count(). */
function MyStanding({
  board,
  period,
  uid,
  entries,
}: {
  board: Board;
  period: string;
  uid: string;
  entries: LeaderboardEntry[] | undefined;
}) {
  const mine = useMyEntry(period, uid);
  const index = entries?.findIndex((e) => e.uid === uid) ?? -1;
  const inTop = index >= 0 && entries ? ranksOf(entries.map((e) => e.points))[index]! : null;
  const points = mine.data?.points ?? null;
  // Counted only when I'm not among the top 50 shown (then the list gives my rank for free).
  const cutoff = entries?.at(-1)?.points ?? null;
  const rank = useMyRank(period, points, cutoff, entries !== undefined && inTop === null && points !== null);

  if (mine.isPending) return <Skeleton className="h-16" />;
  if (mine.error && mine.data === undefined) {
    return (
      <LoadError title="Couldn’t load your rank" error={mine.error} onRetry={() => void mine.refetch()} />
    );
  }
  if (!mine.data) {
    return (
      <Alert
        tone="info"
        title={board === 'week' ? 'No points this week yet' : 'No points yet'}
        action={
          <ButtonLink to={paths.courses.href()} size="sm" variant="subtle">
            Find a course
          </ButtonLink>
        }
      >
        {board === 'week'
          ? 'The weekly board starts fresh every Monday (UTC). Complete a lecture, a quiz or an exchange to get on it.'
          : 'Complete a lecture, a quiz or an exchange to earn points and get on the board.'}
      </Alert>
    );
  }
  const shownRank = inTop ?? rank.data ?? null;
  return (
    <Card className="flex flex-wrap items-center justify-between gap-3 border-brand-200 bg-brand-50/60 p-4">
      <p className="text-stone-900">
        <span className="block text-sm text-stone-600">Your rank</span>
        <span className="text-2xl font-bold" data-testid="my-rank">
          {shownRank !== null ? `#${number.format(shownRank)}` : rank.isError ? '—' : '…'}
        </span>
        {inTop === null && shownRank !== null ? (
          <span className="ml-2 text-sm text-stone-600">outside the top {LEADERBOARD_SIZE}</span>
        ) : null}
      </p>
      <p className="text-right">
        <span className="block text-sm text-stone-600">{board === 'week' ? 'This week' : 'All time'}</span>
        <span className="text-2xl font-bold text-stone-900">{number.format(mine.data.points)}</span>
        <span className="text-sm text-stone-600"> points</span>
      </p>
    </Card>
  );
}

function BoardTable({ entries, uid, label }: { entries: LeaderboardEntry[]; uid: string; label: string }) {
  const ranks = ranksOf(entries.map((e) => e.points));
  return (
    <Card className="overflow-hidden">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{label}</caption>
        <thead className="bg-stone-50 text-xs uppercase tracking-wide text-stone-600">
          <tr>
            <th scope="col" className="w-16 px-4 py-2">
              Rank
            </th>
            <th scope="col" className="px-4 py-2">
              Learner
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              Points
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {entries.map((e, i) => {
            const me = e.uid === uid;
            return (
              <tr key={e.uid} className={cn(me && 'bg-brand-50')} aria-current={me ? 'true' : undefined}>
                <td className="px-4 py-2 font-semibold text-stone-700">
                  {ranks[i]! <= 3 ? (
                    <span
                      className={cn(
                        'inline-flex size-7 items-center justify-center rounded-full text-xs',
                        ranks[i] === 1 && 'bg-amber-100 text-amber-900',
                        ranks[i] === 2 && 'bg-stone-200 text-stone-800',
                        ranks[i] === 3 && 'bg-orange-100 text-orange-900',
                      )}
                    >
                      {ranks[i]}
                    </span>
                  ) : (
                    ranks[i]
                  )}
                </td>
                <td className="px-4 py-2">
                  <Link
                    to={paths.publicProfile.href(e.uid)}
                    className="flex min-w-0 items-center gap-3 font-medium text-stone-900 hover:underline"
                  >
                    <Avatar name={e.displayName} src={e.photoURL} size="sm" />
                    <span className="truncate">{e.displayName}</span>
                    {me ? <Badge tone="brand">You</Badge> : null}
                  </Link>
                </td>
                <td className="px-4 py-2 text-right font-semibold tabular-nums text-stone-900">
                  {number.format(e.points)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}

function BoardPanel({ board, period, uid }: { board: Board; period: string; uid: string }) {
  const top = useLeaderboard(period);
  const label =
    board === 'week' ? `Top ${LEADERBOARD_SIZE} this week` : `Top ${LEADERBOARD_SIZE} of all time`;
  return (
    <div className="flex flex-col gap-4">
      <MyStanding board={board} period={period} uid={uid} entries={top.data} />
      {top.isPending ? (
        <div className="flex flex-col gap-2" aria-hidden="true">
          <Skeleton className="h-12" />
          <Skeleton className="h-12" />
          <Skeleton className="h-12" />
        </div>
      ) : top.error && top.data === undefined ? (
        <LoadError
          title="Couldn’t load the leaderboard"
          error={top.error}
          onRetry={() => void top.refetch()}
        />
      ) : top.data && top.data.length > 0 ? (
        <BoardTable entries={top.data} uid={uid} label={label} />
      ) : (
        <EmptyState
          icon="trophy"
          title={board === 'week' ? 'Nobody has points this week yet' : 'Nobody has points yet'}
          description="Be the first: complete a lecture and you’re on the board."
        />
      )}
    </div>
  );
}

/** All-time and this week's top learners, live, with my rank even outside the top 50. */
export function LeaderboardPage() {
  useDocumentTitle('Leaderboard');
  const user = useSignedInUser();
  const week = useCurrentWeek();
  const [board, setBoard] = useState<Board>('allTime');
  const period = board === 'week' ? week : ALL_TIME_PERIOD;
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-10">
      <PageHeader
        flush
        title="Leaderboard"
        description="Points from lectures, courses, quizzes, exchanges, reviews and streaks. The weekly board restarts every Monday (UTC)."
      />
      <Tabs
        label="Leaderboard period"
        value={board}
        onChange={setBoard}
        items={[
          { value: 'allTime', label: 'All time' },
          { value: 'week', label: 'This week' },
        ]}
      >
        <BoardPanel key={period} board={board} period={period} uid={user.uid} />
      </Tabs>
    </div>
  );
}

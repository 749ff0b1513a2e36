import {
  formatTimeLeft,
  LEAGUE_TIER_NAMES,
  type LeagueTier,
  leagueWeekKey,
  rankCohort,
  rolloverAt,
  zoneCounts,
} from '@skillverse/domain/leagues';
import { Fragment, useEffect, useState } from 'react';
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
import { paths } from '@/config/paths';
import { useSignedInUser } from '@/lib/auth/auth-context';
import { cn } from '@/lib/cn';
import type { LeagueMember, MyLeague } from '@/lib/data/leagues';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCohortStandings, useMyLeague, useStreakFreezes } from '../api/get-league';

const number = new Intl.NumberFormat();

const TIER_STYLE: Record<LeagueTier, string> = {
  bronze: 'bg-orange-100 text-orange-900 ring-orange-300',
  silver: 'bg-stone-100 text-stone-800 ring-stone-300',
  gold: 'bg-amber-100 text-amber-900 ring-amber-300',
  sapphire: 'bg-blue-100 text-blue-900 ring-blue-300',
  ruby: 'bg-rose-100 text-rose-900 ring-rose-300',
  diamond: 'bg-cyan-100 text-cyan-900 ring-cyan-300',
};

function TierBadge({ tier }: { tier: LeagueTier }) {
  return (
    <span
      className={cn(
        'inline-flex items-center rounded-full px-3 py-1 text-sm font-semibold ring-1',
        TIER_STYLE[tier],
      )}
      data-testid="tier-badge"
    >
      {LEAGUE_TIER_NAMES[tier]} league
    </span>
  );
}

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Time left until my Monday 00:00, ticking once a minute. */
function useTimeLeft(league: MyLeague | null): { text: string; timeZone: string } {
  const timeZone = league?.timezone ?? browserTimeZone();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const end =
    league?.rolloverAt && league.rolloverAt.getTime() > now
      ? league.rolloverAt
      : rolloverAt(leagueWeekKey(new Date(now), timeZone), timeZone);
  return { text: formatTimeLeft(end.getTime() - now), timeZone };
}

function LastResult({ league }: { league: MyLeague }) {
  const r = league.lastResult;
  if (!r) return <p className="text-stone-700">No finished week yet.</p>;
  const verb =
    r.outcome === 'promoted'
      ? `promoted to ${LEAGUE_TIER_NAMES[r.nextTier]}`
      : r.outcome === 'demoted'
        ? `moved down to ${LEAGUE_TIER_NAMES[r.nextTier]}`
        : `stayed in ${LEAGUE_TIER_NAMES[r.nextTier]}`;
  return (
    <p className="text-stone-900" data-testid="last-result">
      #{r.rank} of {r.size} in {LEAGUE_TIER_NAMES[r.tier]} with {number.format(r.points)} points — {verb}.
    </p>
  );
}

function Summary({ league, uid }: { league: MyLeague | null; uid: string }) {
  const time = useTimeLeft(league);
  const freezes = useStreakFreezes(uid);
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <Card className="p-4">
        <h2 className="text-sm text-stone-600">Week ends in</h2>
        <p className="text-lg font-bold text-stone-900" data-testid="time-left">
          {time.text}
        </p>
        <p className="text-xs text-stone-600">Monday 00:00, {time.timeZone}</p>
      </Card>
      <Card className="p-4">
        <h2 className="text-sm text-stone-600">Streak freezes</h2>
        {freezes.isPending ? (
          <Skeleton className="h-7 w-16" />
        ) : (
          <p className="text-lg font-bold text-stone-900" data-testid="streak-freezes">
            {number.format(freezes.data?.streakFreezes ?? 0)} of 2
          </p>
        )}
        <p className="text-xs text-stone-600">Earned by teaching; each saves a missed day.</p>
      </Card>
      <Card className="p-4">
        <h2 className="text-sm text-stone-600">Last week</h2>
        {league ? <LastResult league={league} /> : <p className="text-stone-700">No finished week yet.</p>}
      </Card>
    </div>
  );
}

function ZoneLine({ tone, children, testId }: { tone: 'up' | 'down'; children: string; testId: string }) {
  return (
    <li
      className={cn(
        'flex items-center gap-2 border-y-2 border-dashed px-4 py-2 text-sm font-semibold',
        tone === 'up' ? 'border-emerald-500 text-emerald-800' : 'border-red-500 text-red-800',
      )}
      data-testid={testId}
    >
      <span aria-hidden="true">{tone === 'up' ? '▲' : '▼'}</span>
      {children}
    </li>
  );
}

function Standings({ members, uid, tier }: { members: LeagueMember[]; uid: string; tier: LeagueTier }) {
  const ranked = rankCohort(members);
  const size = ranked.length;
  const { promote, demote } = zoneCounts(size, tier);
  const demoteFrom = size - demote + 1;
  const me = ranked.find((m) => m.uid === uid);
  const myZone =
    me && me.rank <= promote
      ? 'in the promotion zone'
      : me && me.rank >= demoteFrom
        ? 'in the demotion zone'
        : 'safe';
  return (
    <section aria-labelledby="standings-title" className="flex flex-col gap-3">
      <h2 id="standings-title" className="text-lg font-semibold text-stone-900">
        Standings
      </h2>
      <p aria-live="polite" className="text-stone-800" data-testid="my-standing">
        {me ? `You are #${me.rank} of ${size} with ${number.format(me.points)} points — ${myZone}.` : ''}
      </p>
      <Card className="overflow-hidden">
        <ol aria-label={`${LEAGUE_TIER_NAMES[tier]} league standings`} className="divide-y divide-stone-100">
          {ranked.map((m) => {
            const mine = m.uid === uid;
            const zone = m.rank <= promote ? 'Promotes' : m.rank >= demoteFrom ? 'Demotes' : null;
            return (
              <Fragment key={m.uid}>
                {m.rank === demoteFrom && demote > 0 ? (
                  <ZoneLine tone="down" testId="demotion-line">
                    {`Demotion line: the last ${demote} move down`}
                  </ZoneLine>
                ) : null}
                <li
                  className={cn('flex items-center gap-3 px-4 py-2', mine && 'bg-brand-50 font-semibold')}
                  aria-current={mine ? 'true' : undefined}
                  data-testid="standing-row"
                  data-uid={m.uid}
                >
                  <span className="w-8 shrink-0 text-right tabular-nums text-stone-700">
                    <span className="sr-only">Rank </span>
                    {m.rank}
                  </span>
                  <Avatar name={m.displayName} src={m.photoURL} size="sm" />
                  <Link
                    to={paths.publicProfile.href(m.uid)}
                    className="min-w-0 flex-1 truncate text-stone-900 hover:underline"
                  >
                    {m.displayName}
                  </Link>
                  {mine ? <Badge tone="brand">You</Badge> : null}
                  {zone ? (
                    <span
                      className={cn(
                        'sr-only text-xs sm:not-sr-only',
                        zone === 'Promotes' ? 'text-emerald-800' : 'text-red-800',
                      )}
                    >
                      {zone}
                    </span>
                  ) : null}
                  <span className="shrink-0 text-right tabular-nums text-stone-900">
                    {number.format(m.points)}
                    <span className="sr-only"> points</span>
                    <span aria-hidden="true" className="text-xs text-stone-600">
                      {' '}
                      pts
                    </span>
                  </span>
                </li>
                {m.rank === promote && promote > 0 ? (
                  <ZoneLine tone="up" testId="promotion-line">
                    {`Promotion line: the top ${promote} move up`}
                  </ZoneLine>
                ) : null}
              </Fragment>
            );
          })}
        </ol>
      </Card>
    </section>
  );
}

function CohortPanel({ league, uid }: { league: MyLeague; uid: string }) {
  const standings = useCohortStandings(league.cohortId);
  if (!league.cohortId) {
    return (
      <EmptyState
        icon="trophy"
        title="You’re not in a cohort this week yet"
        description={`Earn points this week — complete a lecture, teach a session or finish an exchange — to join a ${LEAGUE_TIER_NAMES[league.tier]} cohort of up to 30 learners.`}
      />
    );
  }
  if (standings.isPending) {
    return (
      <div className="flex flex-col gap-2" aria-hidden="true">
        <Skeleton className="h-12" />
        <Skeleton className="h-12" />
        <Skeleton className="h-12" />
      </div>
    );
  }
  if (standings.error && standings.data === undefined) {
    return (
      <LoadError
        title="Couldn’t load the standings"
        error={standings.error}
        onRetry={() => void standings.refetch()}
      />
    );
  }
  return <Standings members={standings.data ?? []} uid={uid} tier={league.tier} />;
}

/** My weekly league: live cohort standings with the promotion and demotion lines. */
export function LeaguePage() {
  useDocumentTitle('League');
  const user = useSignedInUser();
  const league = useMyLeague(user.uid);
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-10">
      <PageHeader
        flush
        title="Weekly league"
        description="Compete with up to 30 learners at your level. The top 5 move up and the bottom 5 move down every Monday at midnight in your time zone. Teaching — a session people attended, an exchange where you taught — counts double."
      />
      {league.isPending ? (
        <Skeleton className="h-24" />
      ) : league.error && league.data === undefined ? (
        <LoadError
          title="Couldn’t load your league"
          error={league.error}
          onRetry={() => void league.refetch()}
        />
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <TierBadge tier={league.data?.tier ?? 'bronze'} />
          </div>
          <Summary league={league.data ?? null} uid={user.uid} />
          {league.data ? (
            <CohortPanel league={league.data} uid={user.uid} />
          ) : (
            <Alert
              tone="info"
              title="Join your first league"
              action={
                <ButtonLink to={paths.courses.href()} size="sm" variant="subtle">
                  Find a course
                </ButtonLink>
              }
            >
              Earn your first points this week and you’ll be placed in a league by your level.
            </Alert>
          )}
        </>
      )}
    </div>
  );
}

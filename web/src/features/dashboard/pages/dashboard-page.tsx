import { badgeStatuses, recentBadges } from '@skillverse/domain/achievements';
import { BADGES } from '@skillverse/domain/gamification';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { LevelSummary } from '@/components/gamification/level-summary';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { greeting } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { ActiveExchanges } from '../components/active-exchanges';
import { ContinueLearning } from '../components/continue-learning';
import { InviteFriends } from '../components/invite-friends';
import { RecentBadges } from '../components/recent-badges';
import { RecentNotifications } from '../components/recent-notifications';
import { RecommendedCourses } from '../components/recommended-courses';
import { StatTile } from '../components/stat-tile';
import { StreakCard } from '../components/streak-card';
import { UpcomingSessions } from '../components/upcoming-sessions';

import { learningHours } from '@skillverse/domain/watch-time';

const number = new Intl.NumberFormat();

/**
 * The learner's home: what to continue, the streak and its heat-map, points and level, recent
 * badges, upcoming sessions and open exchanges. Each card reads a few documents on its own (a
 * limited query or one document) and shows its own loading, empty and error state.
 */
export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const { user, profile } = useAuth();
  // RequireAuth and RequireOnboarded guarantee both.
  const p = profile!;
  const uid = user?.uid ?? p.uid;
  const g = p.gamification;
  const name = p.displayName || user?.displayName || 'there';
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
  const profileGaps = [
    p.skills.length + p.offeredSkills.length === 0 && 'the skills you have or offer',
    p.desiredSkills.length === 0 && 'what you want to learn',
    p.availability.length === 0 && 'when you’re free',
  ].filter(Boolean) as string[];

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        flush
        title={`${greeting()}, ${name.split(' ')[0]}`}
        description="Pick up where you left off, keep your streak going and see what’s coming up."
      />

      {profileGaps.length > 0 ? (
        <Alert
          tone="info"
          title="Complete your profile"
          action={
            <ButtonLink to={paths.profile.href()} size="sm" variant="subtle">
              Edit your profile
            </ButtonLink>
          }
        >
          Add {profileGaps.join(', ')} so we can suggest skill-exchange partners and courses for you.
        </Alert>
      ) : null}

      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading" className="sr-only">
          Your progress
        </h2>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
          <StatTile icon="sparkles" label="Points" value={number.format(g.points)} />
          <StatTile icon="award" label="Badges" value={earned} hint={`of ${BADGES.length}`} />
          <StatTile
            icon="flame"
            label="Current streak"
            value={`${g.currentStreak} ${g.currentStreak === 1 ? 'day' : 'days'}`}
            hint={g.currentStreak === 0 ? 'Learn something today to start one' : undefined}
          />
          <StatTile
            icon="mountain"
            label="Longest streak"
            value={`${g.longestStreak} ${g.longestStreak === 1 ? 'day' : 'days'}`}
          />
          <StatTile
            icon="book"
            label="Learning hours"
            value={number.format(learningHours(p.stats.learningSeconds ?? 0))}
            hint="Time we saw you watching or reading lectures"
          />
        </dl>
        <Card className="mt-3 p-5">
          <LevelSummary points={g.points} />
          {g.points === 0 ? (
            <p className="mt-3 text-sm text-stone-700">
              You earn points by completing lectures (10) and courses (100), passing quizzes, finishing skill
              exchanges (75) and writing reviews (15).
            </p>
          ) : (
            <p className="mt-3 text-sm">
              <Link
                to={paths.leaderboard.href()}
                className="font-semibold text-brand-700 underline-offset-2 hover:underline"
              >
                See where you rank
              </Link>
              <span className="text-stone-600"> · </span>
              <Link
                to={paths.achievements.href()}
                className="font-semibold text-brand-700 underline-offset-2 hover:underline"
              >
                Points history
              </Link>
            </p>
          )}
        </Card>
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <ContinueLearning uid={uid} />
          <StreakCard
            uid={uid}
            timezone={p.timezone}
            currentStreak={g.currentStreak}
            longestStreak={g.longestStreak}
            lastActiveDay={g.lastActiveDay}
          />
          <RecommendedCourses />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <RecentBadges recent={recentBadges(badges, 3)} earned={earned} total={BADGES.length} />
          <UpcomingSessions uid={uid} />
          <ActiveExchanges uid={uid} />
          <InviteFriends />
          <RecentNotifications uid={uid} />
        </div>
      </div>
    </div>
  );
}

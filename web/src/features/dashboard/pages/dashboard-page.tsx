import { BadgeList } from '@/components/gamification/badge-list';
import { LevelSummary } from '@/components/gamification/level-summary';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { cn } from '@/lib/cn';
import { friendlyError } from '@/lib/errors';
import { formatDateTime, formatRelativeTime, greeting } from '@/lib/format';
import { safeRedirect } from '@/lib/redirect';
import { useDocumentTitle } from '@/lib/use-document-title';
import { Link } from 'react-router-dom';
import { levelForPoints } from '@skillverse/domain/gamification';
import { useRecentNotifications } from '../api/get-recent-notifications';
import { QuickLinks } from '../components/quick-links';
import { StatTile } from '../components/stat-tile';

const number = new Intl.NumberFormat();

export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const { user, profile, claims } = useAuth();
  const p = profile!;
  const g = p.gamification;
  const level = levelForPoints(g.points);
  const name = p.displayName || user?.displayName || 'there';
  const recent = useRecentNotifications(user?.uid);
  const profileGaps = [
    p.skills.length + p.offeredSkills.length === 0 && 'the skills you have or offer',
    p.desiredSkills.length === 0 && 'what you want to learn',
    p.availability.length === 0 && 'when you’re free',
  ].filter(Boolean) as string[];

  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        flush
        title={`${greeting()}, ${name.split(' ')[0]}`}
        description="Your points, level, streak and what’s new — all in one place."
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
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <StatTile icon="sparkles" label="Points" value={number.format(g.points)} />
          <StatTile icon="trending" label="Level" value={level.level} hint={level.name} />
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
        </dl>
        <Card className="mt-3 p-5">
          <LevelSummary points={g.points} />
          {g.points === 0 ? (
            <p className="mt-3 text-sm text-stone-700">
              You earn points by completing lectures (10) and courses (100), passing quizzes, finishing skill
              exchanges (75) and writing reviews (15).
            </p>
          ) : null}
        </Card>
      </section>

      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="Badges" description={`${g.badges.length} earned`} />
          <CardBody>
            {g.badges.length > 0 ? (
              <BadgeList badgeIds={g.badges} />
            ) : (
              <EmptyState
                icon="award"
                title="No badges yet"
                description="Complete your first course or your first skill exchange, or keep a 7-day learning streak, to earn your first badge."
              />
            )}
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Recent notifications"
            actions={
              <Link
                to={paths.notifications.href()}
                className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline"
              >
                See all<span className="sr-only"> notifications</span>
              </Link>
            }
          />
          <CardBody>
            {recent.isPending ? (
              <div className="flex flex-col gap-3" aria-hidden="true">
                <Skeleton className="h-12" />
                <Skeleton className="h-12" />
              </div>
            ) : recent.error && !recent.data ? (
              <Alert tone="error">{friendlyError(recent.error)}</Alert>
            ) : recent.data && recent.data.length > 0 ? (
              <ul className="-my-2 divide-y divide-stone-100">
                {recent.data.map((n) => {
                  const body = (
                    <>
                      <span className={cn('block text-sm text-stone-900', !n.read && 'font-semibold')}>
                        {!n.read ? <span className="sr-only">Unread: </span> : null}
                        {n.title}
                      </span>
                      <time
                        dateTime={n.createdAt.toISOString()}
                        title={formatDateTime(n.createdAt)}
                        className="text-xs text-stone-600"
                      >
                        {formatRelativeTime(n.createdAt)}
                      </time>
                    </>
                  );
                  return (
                    <li key={n.id} className="flex items-start gap-3 py-2">
                      <span
                        aria-hidden="true"
                        className={cn(
                          'mt-1.5 size-2 shrink-0 rounded-full',
                          n.read ? 'bg-transparent' : 'bg-brand-600',
                        )}
                      />
                      {n.link && safeRedirect(n.link, '') ? (
                        <Link to={safeRedirect(n.link, '')} className="min-w-0 hover:underline">
                          {body}
                        </Link>
                      ) : (
                        <span className="min-w-0">{body}</span>
                      )}
                    </li>
                  );
                })}
              </ul>
            ) : (
              <EmptyState
                icon="bell"
                title="Nothing new yet"
                description="When you enrol in a course, get an exchange request or earn a badge, it shows up here."
              />
            )}
          </CardBody>
        </Card>
      </div>

      <section aria-labelledby="areas-heading">
        <h2 id="areas-heading" className="mb-3 text-lg font-semibold text-stone-900">
          Explore SkillVerse
        </h2>
        <QuickLinks claims={claims} />
      </section>
    </div>
  );
}

import type { BadgeStatus } from '@skillverse/domain/achievements';
import { Link } from 'react-router';
import { BADGE_ICONS } from '@/components/gamification/badge-list';
import { Icon } from '@/components/icon';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { paths } from '@/config/paths';
import { formatRelativeTime } from '@/lib/format';

/** The badges I earned most recently, and how many of all badges I hold. */
export function RecentBadges({
  recent,
  earned,
  total,
}: {
  recent: BadgeStatus[];
  earned: number;
  total: number;
}) {
  return (
    <Card>
      <CardHeader
        title="Recent badges"
        description={`${earned} of ${total} earned`}
        actions={
          <Link
            to={paths.achievements.href()}
            className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline"
          >
            All achievements
          </Link>
        }
      />
      <CardBody>
        {recent.length > 0 ? (
          <ul className="flex flex-col gap-3">
            {recent.map(({ badge, earnedAt }) => (
              <li key={badge.id} className="flex items-center gap-3">
                <span className="inline-flex size-10 shrink-0 items-center justify-center rounded-full bg-amber-100 text-amber-800">
                  <Icon name={BADGE_ICONS[badge.id]} />
                </span>
                <span className="min-w-0">
                  <span className="block font-semibold text-stone-900">{badge.name}</span>
                  <span className="block text-xs text-stone-600">
                    {earnedAt ? `Earned ${formatRelativeTime(earnedAt)}` : badge.description}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState
            icon="award"
            title="No badges yet"
            description="Finish a course or a skill exchange, or learn seven days in a row, to earn your first."
            action={
              <Link
                to={paths.achievements.href()}
                className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline"
              >
                See what each badge takes
              </Link>
            }
          />
        )}
      </CardBody>
    </Card>
  );
}

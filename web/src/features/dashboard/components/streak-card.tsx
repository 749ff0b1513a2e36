import { localDay } from '@skillverse/domain/gamification';
import { ActivityHeatmap } from '@/components/gamification/activity-heatmap';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { LoadError } from '@/components/ui/load-error';
import { Skeleton } from '@/components/ui/skeleton';
import { useActivity } from '../api/get-activity';

const WIDE_WEEKS = 22;
const NARROW_WEEKS = 15;

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** Current and longest streak, and the calendar heat-map of the last weeks (in my time zone). */
export function StreakCard({
  uid,
  timezone,
  currentStreak,
  longestStreak,
  lastActiveDay,
}: {
  uid: string;
  timezone: string;
  currentStreak: number;
  longestStreak: number;
  lastActiveDay: string | null;
}) {
  const activity = useActivity(uid);
  const today = localDay(new Date(), timezone);
  const learnedToday = lastActiveDay === today;
  return (
    <Card>
      <CardHeader
        title="Learning streak"
        description={
          currentStreak === 0
            ? 'Learn something today to start a streak.'
            : learnedToday
              ? 'You learned today. See you tomorrow!'
              : 'Learn something today to keep it going.'
        }
      />
      <CardBody className="flex flex-col gap-4">
        <dl className="grid grid-cols-2 gap-3">
          <div className="rounded-lg bg-amber-50 px-3 py-2">
            <dt className="text-xs font-medium text-amber-900">Current streak</dt>
            <dd className="text-xl font-bold text-stone-900">{days(currentStreak)}</dd>
          </div>
          <div className="rounded-lg bg-stone-50 px-3 py-2">
            <dt className="text-xs font-medium text-stone-600">Longest streak</dt>
            <dd className="text-xl font-bold text-stone-900">{days(longestStreak)}</dd>
          </div>
        </dl>
        {activity.isPending ? (
          <Skeleton className="h-36" />
        ) : activity.error && activity.data === undefined ? (
          <LoadError
            title="Couldn’t load your activity"
            error={activity.error}
            onRetry={() => void activity.refetch()}
          />
        ) : (
          <>
            {/* As many weeks as fit: about five months from a tablet up, fifteen weeks on a phone. */}
            <div className="hidden sm:block">
              <ActivityHeatmap days={activity.data?.days ?? {}} today={today} weeks={WIDE_WEEKS} />
            </div>
            <div className="sm:hidden">
              <ActivityHeatmap days={activity.data?.days ?? {}} today={today} weeks={NARROW_WEEKS} />
            </div>
          </>
        )}
      </CardBody>
    </Card>
  );
}

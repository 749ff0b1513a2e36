import type { CourseStatus } from '@skillverse/domain/models';
import { completionRate } from '@skillverse/domain/educator';
import { Link } from 'react-router';
import { RatingSummary } from '@/components/courses/rating-stars';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { ProgressBar } from '@/components/ui/progress-bar';
import { paths } from '@/config/paths';
import type { CourseDoc } from '@/lib/data/courses';
import { formatRelativeTime } from '@/lib/format';

export const STATUS_BADGE: Record<
  CourseStatus,
  { label: string; tone: 'neutral' | 'warning' | 'success' | 'danger' }
> = {
  draft: { label: 'Draft', tone: 'neutral' },
  pending: { label: 'In review', tone: 'warning' },
  published: { label: 'Published', tone: 'success' },
  rejected: { label: 'Rejected', tone: 'danger' },
  archived: { label: 'Archived', tone: 'neutral' },
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** My courses with status, students, completion rate and rating; stacks into cards on phones. */
export function CourseStatsList({ courses }: { courses: CourseDoc[] }) {
  return (
    <ul className="divide-y divide-stone-100" data-testid="educator-courses">
      {courses.map((c) => {
        const rate = completionRate(c.completionCount ?? 0, c.enrollmentCount);
        return (
          <li
            key={c.id}
            className="grid grid-cols-2 gap-3 px-5 py-4 md:grid-cols-[minmax(0,1fr)_9rem_11rem_auto] md:items-center"
          >
            <div className="col-span-2 min-w-0 md:col-span-1">
              <div className="flex flex-wrap items-center gap-2">
                <Link
                  to={paths.educatorEditCourse.href(c.id)}
                  className="font-semibold text-stone-900 hover:underline"
                >
                  {c.title || 'Untitled course'}
                </Link>
                <Badge tone={STATUS_BADGE[c.status].tone}>{STATUS_BADGE[c.status].label}</Badge>
              </div>
              <p className="mt-0.5 text-sm text-stone-600">
                {plural(c.totalLectures, 'lecture', 'lectures')} · updated {formatRelativeTime(c.updatedAt)}
              </p>
              {c.status === 'rejected' && c.rejectionReason ? (
                <p className="mt-1 text-sm text-red-800">Reason: {c.rejectionReason}</p>
              ) : null}
              <div className="mt-1">
                <RatingSummary average={c.rating.average} count={c.rating.count} />
              </div>
            </div>
            <div className="text-sm">
              <span className="block text-stone-600">Students</span>
              <span className="font-semibold tabular-nums text-stone-900">{c.enrollmentCount}</span>
            </div>
            <div className="text-sm" data-testid="completion-rate">
              <span className="block text-stone-600">Completion</span>
              {rate === null ? (
                <span className="text-stone-700">No students yet</span>
              ) : (
                <span className="flex items-center gap-2">
                  <ProgressBar
                    value={rate / 100}
                    label={`Completion rate of ${c.title || 'this course'}`}
                    valueText={`${rate}% (${c.completionCount ?? 0} of ${c.enrollmentCount} completed)`}
                    className="max-w-24"
                  />
                  <span className="font-semibold tabular-nums text-stone-900">{rate}%</span>
                </span>
              )}
            </div>
            <div className="col-span-2 flex flex-wrap gap-2 md:col-span-1">
              <ButtonLink to={paths.educatorEditCourse.href(c.id)} size="sm" variant="secondary">
                Edit<span className="sr-only"> {c.title}</span>
              </ButtonLink>
              <ButtonLink to={paths.educatorCourseStudents.href(c.id)} size="sm" variant="secondary">
                Students<span className="sr-only"> of {c.title}</span>
              </ButtonLink>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

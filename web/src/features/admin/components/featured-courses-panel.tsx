import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { LoadError } from '@/components/ui/load-error';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { friendlyError } from '@/lib/errors';
import { usePublishedCourses, useSetCourseFeatured } from '../api/set-course-featured';
import { useSetCoursePlusExcluded } from '../api/set-course-plus-excluded';

/**
 * Published courses with a Feature / Remove from featured control for the home page's row, and for
 * paid courses an Exclude from Plus / Include in Plus control (issue 18).
 */
export function FeaturedCoursesPanel() {
  const list = usePublishedCourses();
  const mutation = useSetCourseFeatured();
  const plus = useSetCoursePlusExcluded();
  const { toast } = useToast();
  const courses = list.data ?? [];
  const featuredCount = courses.filter((c) => c.featured).length;

  const toggle = (courseId: string, title: string, featured: boolean) =>
    mutation.mutate(
      { courseId, featured },
      {
        onSuccess: () =>
          toast({
            title: featured ? 'Course featured' : 'Removed from featured',
            description: featured
              ? `“${title}” now appears in the home page’s featured row.`
              : `“${title}” no longer appears in the featured row.`,
          }),
        onError: (error) =>
          toast({ title: 'We couldn’t change that', description: friendlyError(error), tone: 'error' }),
      },
    );

  const togglePlus = (courseId: string, title: string, excluded: boolean) =>
    plus.mutate(
      { courseId, excluded },
      {
        onSuccess: () =>
          toast({
            title: excluded ? 'Excluded from Plus' : 'Back in Plus',
            description: excluded
              ? `“${title}” is no longer included with Plus; members learning it through Plus lose access to it.`
              : `“${title}” is included with Plus again (if its educator keeps it in).`,
          }),
        onError: (error) =>
          toast({ title: 'We couldn’t change that', description: friendlyError(error), tone: 'error' }),
      },
    );

  return (
    <section aria-labelledby="featured-courses-heading" className="mt-10">
      <h2 id="featured-courses-heading" className="text-lg font-semibold text-stone-900">
        Featured on the home page
      </h2>
      <p className="mt-1 text-sm text-stone-600">
        Published courses, most enrolled first. The home page shows up to six featured courses
        {list.data ? ` (${featuredCount} featured now)` : ''}. Paid courses are included with Plus unless
        their educator or an admin takes them out.
      </p>
      {list.isPending ? (
        <Skeleton className="mt-4 h-40" />
      ) : list.error && !list.data ? (
        <div className="mt-4">
          <LoadError
            title="We couldn’t load the published courses"
            error={list.error}
            onRetry={() => void list.refetch()}
          />
        </div>
      ) : courses.length === 0 ? (
        <p className="mt-4 text-sm text-stone-600">No published courses yet.</p>
      ) : (
        <Card className="mt-4 overflow-hidden">
          <ul className="divide-y divide-stone-100" data-testid="featurable-courses">
            {courses.map((c) => {
              const busy = mutation.isPending && mutation.variables?.courseId === c.id;
              return (
                <li key={c.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
                  <div className="min-w-0 flex-1 basis-56">
                    <Link to={paths.course.href(c.id)} className="font-medium text-stone-900 hover:underline">
                      {c.title}
                    </Link>
                    {c.featured ? (
                      <Badge tone="brand" className="ml-2">
                        Featured
                      </Badge>
                    ) : null}
                    {c.price > 0 && c.plusExcluded ? (
                      <Badge tone="neutral" className="ml-2">
                        Excluded from Plus
                      </Badge>
                    ) : c.price > 0 && !c.includedInPlus ? (
                      <Badge tone="neutral" className="ml-2">
                        Not in Plus (educator’s choice)
                      </Badge>
                    ) : null}
                    <span className="block text-stone-600">
                      {c.instructorName || 'Instructor'} · {c.enrollmentCount}{' '}
                      {c.enrollmentCount === 1 ? 'learner' : 'learners'}
                    </span>
                  </div>
                  <Button
                    size="sm"
                    variant={c.featured ? 'secondary' : 'primary'}
                    loading={busy}
                    disabled={mutation.isPending}
                    onClick={() => toggle(c.id, c.title, !c.featured)}
                    aria-label={c.featured ? `Remove from featured: “${c.title}”` : `Feature “${c.title}”`}
                  >
                    {c.featured ? 'Remove from featured' : 'Feature'}
                  </Button>
                  {c.price > 0 ? (
                    <Button
                      size="sm"
                      variant="secondary"
                      loading={plus.isPending && plus.variables?.courseId === c.id}
                      disabled={plus.isPending}
                      onClick={() => togglePlus(c.id, c.title, !c.plusExcluded)}
                      aria-label={
                        c.plusExcluded ? `Include in Plus: “${c.title}”` : `Exclude from Plus: “${c.title}”`
                      }
                    >
                      {c.plusExcluded ? 'Include in Plus' : 'Exclude from Plus'}
                    </Button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </Card>
      )}
    </section>
  );
}

import type { Course } from '@skillverse/domain/models';
import { Link } from 'react-router';
import { CourseCard, CourseCardSkeleton } from '@/components/courses/course-card';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** A titled grid of up to six course cards. */
export function CourseRail({
  id,
  title,
  description,
  courses,
  pending,
  error,
  onRetry,
  moreTo,
}: {
  id: string;
  title: string;
  description: string;
  courses: Course[] | undefined;
  pending: boolean;
  error: boolean;
  onRetry: () => void;
  moreTo: string;
}) {
  if (!pending && !error && (courses?.length ?? 0) === 0) return null;
  return (
    <section aria-labelledby={id} className="mx-auto max-w-7xl px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id={id} className="text-2xl font-bold tracking-tight text-stone-900">
            {title}
          </h2>
          <p className="mt-1 text-stone-700">{description}</p>
        </div>
        <Link to={moreTo} className="text-sm font-semibold text-brand-700 hover:underline">
          See all courses →
        </Link>
      </div>
      {error ? (
        <Alert
          tone="error"
          className="mt-6"
          title="We couldn’t load these courses"
          action={
            <Button size="sm" variant="secondary" onClick={onRetry}>
              Try again
            </Button>
          }
        />
      ) : (
        <ul className="mt-6 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          {pending
            ? Array.from({ length: 6 }, (_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
                <li key={i}>
                  <CourseCardSkeleton />
                </li>
              ))
            : courses?.map((course) => (
                <li key={course.id}>
                  <CourseCard course={course} />
                </li>
              ))}
        </ul>
      )}
    </section>
  );
}

import { LEVEL_LABELS, formatDuration } from '@skillverse/domain/catalog';
import { formatPrice } from '@skillverse/domain/courses-api';
import type { Course } from '@skillverse/domain/models';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { CourseThumbnail } from './course-thumbnail';
import { RatingSummary } from './rating-stars';

/**
 * A course in a grid or rail: everything comes from the course document itself (the server keeps
 * instructorName, rating and totalDurationSec on it), so a list is one query.
 */
export function CourseCard({ course, headingLevel = 'h3' }: { course: Course; headingLevel?: 'h2' | 'h3' }) {
  const Heading = headingLevel;
  const price = formatPrice(course.price, course.currency);
  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-(--radius-card) border border-stone-200 bg-white shadow-(--shadow-card) transition-shadow hover:shadow-md">
      <CourseThumbnail src={course.thumbnailUrl} />
      <div className="flex flex-1 flex-col gap-2 p-4">
        <div className="flex flex-wrap items-center gap-1.5">
          <Badge tone="brand">{course.category}</Badge>
          <Badge>{LEVEL_LABELS[course.level]}</Badge>
        </div>
        <Heading className="text-base leading-snug font-semibold text-stone-900">
          <Link
            to={paths.course.href(course.id)}
            className="after:absolute after:inset-0 group-hover:underline focus-visible:underline"
          >
            {course.title}
          </Link>
        </Heading>
        <p className="text-sm text-stone-600">{course.instructorName || 'SkillVerse educator'}</p>
        <RatingSummary average={course.rating.average} count={course.rating.count} />
        <div className="mt-auto flex items-center justify-between gap-2 pt-2 text-sm">
          <span className="text-stone-600">
            {course.totalLectures} {course.totalLectures === 1 ? 'lecture' : 'lectures'} ·{' '}
            {formatDuration(course.totalDurationSec)}
          </span>
          <span className={course.price > 0 ? 'font-bold text-stone-900' : 'font-bold text-emerald-700'}>
            {price}
          </span>
        </div>
      </div>
    </article>
  );
}

export function CourseCardSkeleton() {
  return (
    <div className="overflow-hidden rounded-(--radius-card) border border-stone-200 bg-white">
      <Skeleton className="aspect-video w-full rounded-none" />
      <div className="space-y-3 p-4">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-5 w-4/5" />
        <Skeleton className="h-4 w-1/2" />
        <Skeleton className="h-4 w-2/3" />
      </div>
    </div>
  );
}

/** A responsive grid of course cards. */
export function CourseGrid({ children }: { children: ReactNode }) {
  return <ul className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">{children}</ul>;
}

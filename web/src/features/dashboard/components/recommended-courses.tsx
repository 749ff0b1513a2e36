import type { ReactNode } from 'react';
import { formatPrice } from '@skillverse/domain/courses-api';
import { Link } from 'react-router';
import { CourseThumbnail } from '@/components/courses/course-thumbnail';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { LoadError } from '@/components/ui/load-error';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { useRecommendations } from '../api/get-recommendations';

/**
 * "Recommended for you": courses picked by a function from the user's interests, skills and what
 * similar learners completed, each with the reason in a few words. One document read, live.
 */
export function RecommendedCourses() {
  const { user } = useAuth();
  const recs = useRecommendations(user?.uid);
  const items = recs.data?.items ?? [];

  let body: ReactNode;
  if (recs.isPending) {
    body = (
      <div className="grid gap-3 sm:grid-cols-2" aria-busy="true">
        <Skeleton className="h-28" />
        <Skeleton className="h-28" />
      </div>
    );
  } else if (recs.error && !recs.data) {
    body = (
      <LoadError
        title="We couldn’t load your recommendations"
        error={recs.error}
        onRetry={() => void recs.refetch()}
      />
    );
  } else if (items.length === 0) {
    body = (
      <p className="text-sm text-stone-700">
        Add your interests and the skills you want to learn to your{' '}
        <Link to={paths.profile.href()} className="font-semibold text-brand-700 hover:underline">
          profile
        </Link>{' '}
        and we’ll suggest courses for you.
      </p>
    );
  } else {
    body = (
      <ul className="grid gap-3 sm:grid-cols-2" data-testid="recommendations">
        {items.map((r) => (
          <li key={r.courseId} className="flex">
            <article className="flex w-full gap-3 rounded-xl border border-stone-200 bg-white p-3">
              {/* The thumbnail is full width by default: the wrapper sets its size. */}
              <div className="w-20 shrink-0 self-start sm:w-24">
                <CourseThumbnail src={r.thumbnailUrl} className="rounded-lg" />
              </div>
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <p className="text-xs font-medium uppercase tracking-wide text-brand-800">{r.category}</p>
                <h3 className="font-semibold leading-snug text-stone-900">
                  <Link to={paths.course.href(r.courseId)} className="hover:underline">
                    {r.title}
                  </Link>
                </h3>
                <p className="text-sm text-stone-600">
                  {r.instructorName} · {formatPrice(r.price, r.currency)}
                  {r.rating.count > 0 ? (
                    <>
                      {' · '}
                      <span aria-hidden="true" className="text-amber-600">
                        ★
                      </span>{' '}
                      {r.rating.average.toFixed(1)}
                      <span className="sr-only"> out of 5</span>
                    </>
                  ) : null}
                </p>
                <ul className="mt-1 flex flex-wrap gap-1" aria-label={`Why we recommend ${r.title}`}>
                  {r.reasons.map((reason) => (
                    <li
                      key={reason}
                      className="rounded-md bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-900"
                      data-testid="recommendation-reason"
                    >
                      {reason}
                    </li>
                  ))}
                </ul>
              </div>
            </article>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <Card>
      <CardHeader
        id="recommended-heading"
        title="Recommended for you"
        description="Picked from your interests, your skills and what learners like you completed."
        actions={
          <ButtonLink to={paths.courses.href()} size="sm" variant="secondary">
            Browse all
          </ButtonLink>
        }
      />
      <CardBody>{body}</CardBody>
    </Card>
  );
}

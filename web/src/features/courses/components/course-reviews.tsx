import type { Review } from '@skillverse/domain/models';
import { lazy, Suspense, useState } from 'react';
import { RatingStars, RatingSummary } from '@/components/courses/rating-stars';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { useAuth } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import type { CourseDoc } from '@/lib/data/courses';
import { formatRelativeTime } from '@/lib/format';
import { useCourseReviews, useMyReview } from '../api/get-course-reviews';
import { useUserProfile } from '@/lib/data/users';

// Only enrolled learners see the form: its code (and zod, which validates it) loads with it.
const ReviewForm = lazy(() => import('./review-form').then((m) => ({ default: m.ReviewForm })));

function ReviewerName({ uid, mine }: { uid: string; mine: boolean }) {
  const profile = useUserProfile(uid);
  if (mine) return <>Your review</>;
  return <>{profile.data?.displayName || 'A learner'}</>;
}

function ReviewItem({ review, mine }: { review: Review; mine: boolean }) {
  return (
    <li className="py-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <RatingStars value={review.rating} />
        <span className="sr-only">{review.rating} out of 5 stars</span>
        <span className="font-medium text-stone-900">
          <ReviewerName uid={review.uid} mine={mine} />
        </span>
        <span aria-hidden="true" className="text-stone-400">
          ·
        </span>
        <time className="text-stone-600" dateTime={review.createdAt.toISOString()}>
          {formatRelativeTime(review.createdAt)}
        </time>
        {review.updatedAt && review.updatedAt.getTime() - review.createdAt.getTime() > 60_000 ? (
          <span className="text-stone-600">(edited)</span>
        ) : null}
      </div>
      {review.comment ? <p className="mt-1.5 whitespace-pre-line text-stone-800">{review.comment}</p> : null}
    </li>
  );
}

/** Live reviews with the average, and the review form for enrolled learners. */
export function CourseReviews({ course, enrolled }: { course: CourseDoc; enrolled: boolean }) {
  const { user, canWrite } = useAuth();
  const reviews = useCourseReviews(course.status === 'published' ? course.id : undefined);
  const mine = useMyReview(enrolled ? course.id : undefined, enrolled ? user?.uid : undefined);
  const [editing, setEditing] = useState(false);
  const list = reviews.data ?? [];

  return (
    <Card>
      <CardHeader
        title="Reviews"
        description={<RatingSummary average={course.rating.average} count={course.rating.count} />}
      />
      <CardBody>
        {enrolled && user ? (
          <div className="mb-4 rounded-xl bg-stone-50 p-4 ring-1 ring-stone-200">
            {mine.isPending ? (
              <Skeleton className="h-24" />
            ) : !mine.data && user.email && !user.emailVerified ? (
              <p className="text-sm text-stone-700" data-testid="verify-to-review">
                Verify your email address to review this course: open the link we sent you, then choose “I’ve
                verified — refresh” in the banner at the top of the page.
              </p>
            ) : mine.data && !editing ? (
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-sm text-stone-700">You reviewed this course. Thank you!</p>
                <Button variant="secondary" size="sm" onClick={() => setEditing(true)} disabled={!canWrite}>
                  Edit your review
                </Button>
              </div>
            ) : (
              <>
                <h3 className="mb-3 font-semibold text-stone-900">
                  {mine.data ? 'Edit your review' : 'Review this course'}
                </h3>
                <Suspense fallback={<Skeleton className="h-24" />}>
                  <ReviewForm
                    key={mine.data ? 'edit' : 'new'}
                    courseId={course.id}
                    uid={user.uid}
                    existing={mine.data ?? null}
                    disabled={!canWrite}
                    onDone={mine.data ? () => setEditing(false) : undefined}
                  />
                </Suspense>
              </>
            )}
          </div>
        ) : null}
        {reviews.isPending ? (
          <div className="flex flex-col gap-3" aria-busy="true">
            <Skeleton className="h-16" />
            <Skeleton className="h-16" />
          </div>
        ) : reviews.error && !reviews.data ? (
          <Alert tone="error" title="We couldn’t load the reviews">
            {friendlyError(reviews.error)}
          </Alert>
        ) : list.length === 0 ? (
          <EmptyState
            icon="star"
            title="No reviews yet"
            description="Learners who take this course can review it here."
          />
        ) : (
          <ul className="divide-y divide-stone-100">
            {list.map((r) => (
              <ReviewItem key={r.uid} review={r} mine={r.uid === user?.uid} />
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

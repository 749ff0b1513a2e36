// "Included with Plus" on a course page (issue 18 items 1, 4): loaded after first paint (the
// course page's budget). A member starts the course through Plus; others see the offer.
import type { Enrollment } from '@skillverse/domain/models';
import { isInPlus, plusAccess, plusEnrollmentLapsed } from '@skillverse/domain/plus';
import { useNavigate } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { paths } from '@/config/paths';
import type { CourseDoc } from '@/lib/data/courses';
import { useAuth } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { useToast } from '@/components/ui/toast';
import { usePlusSubscription } from '@/lib/data/plus-subscription';
import { Skeleton } from '@/components/ui/skeleton';
import { useStartPlusLearning } from '../api/start-plus-learning';
import type { ReactNode } from 'react';

export function PlusCoursePanel({
  course,
  enrollment,
  firstLectureId,
  buy,
  continueLearning,
}: {
  course: CourseDoc;
  enrollment: Enrollment | null | undefined;
  firstLectureId: string | null;
  /** The enrol panel's own buttons, passed in so this chunk does not split the page's. */
  buy: ReactNode;
  continueLearning: ReactNode;
}) {
  const { user, canWrite } = useAuth();
  const sub = usePlusSubscription(user?.uid);
  const start = useStartPlusLearning();
  const navigate = useNavigate();
  const { toast } = useToast();
  const active = enrollment?.status === 'active';
  // An active Plus enrolment: the enrol panel leaves its call to action to this panel, which knows
  // whether the membership (and the course's place in Plus) still grants access.
  if (active && enrollment?.source === 'plus') {
    if (sub.isPending) return <Skeleton className="h-12 w-full" />;
    if (!plusEnrollmentLapsed(enrollment, course, sub.data ?? null, new Date())) {
      return continueLearning;
    }
    return (
      <div className="flex flex-col gap-3" data-testid="plus-course-panel">
        {buy}
        <p className="text-sm text-stone-700" role="status">
          Your Plus membership no longer includes this course: your progress is saved. Renew Plus or buy the
          course to continue.{' '}
          <ButtonLink to={paths.plus.href()} variant="ghost" size="sm">
            Renew Plus
          </ButtonLink>
        </p>
      </div>
    );
  }
  if (!isInPlus(course)) return null;
  const entitled = sub.data ? plusAccess(sub.data, new Date()).entitled : false;

  return (
    <div className="flex flex-col gap-2 border-t border-stone-200 pt-3" data-testid="plus-course-panel">
      <div>
        <Badge tone="brand">Included with Plus</Badge>
      </div>
      {active ? null : entitled ? (
        <Button
          size="lg"
          block
          variant="secondary"
          loading={start.isPending}
          disabled={!canWrite}
          onClick={() =>
            start.mutate(
              { courseId: course.id },
              {
                onSuccess: () => {
                  toast({ title: 'Started with Plus', description: `Enjoy “${course.title}”.` });
                  if (firstLectureId) void navigate(paths.lecture.href(course.id, firstLectureId));
                },
                onError: (error) =>
                  toast({
                    title: 'We couldn’t start the course',
                    description: friendlyError(error),
                    tone: 'error',
                  }),
              },
            )
          }
        >
          Start learning with Plus
        </Button>
      ) : (
        <p className="text-sm text-stone-700">
          Learn this and every Plus course with one membership.{' '}
          <ButtonLink to={paths.plus.href()} variant="ghost" size="sm">
            See Plus plans
          </ButtonLink>
        </p>
      )}
    </div>
  );
}

import { formatPrice } from '@skillverse/domain/courses-api';
import type { Enrollment } from '@skillverse/domain/models';
import { useLocation, useNavigate } from 'react-router';
import { Button, ButtonLink } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import type { CourseDoc } from '@/lib/data/courses';
import { currentTarget } from '@/lib/redirect';
import { useCreateCheckoutSession } from '../api/create-checkout-session';
import { useEnrollInFreeCourse } from '../api/enroll-in-free-course';

export function firstLectureId(course: CourseDoc): string | null {
  for (const section of course.sections) {
    const id = section.lectureIds?.[0];
    if (id) return id;
  }
  return null;
}

/**
 * The one call to action that fits: sign in, enrol for free, buy, continue learning, or (for the
 * instructor) edit the course.
 */
export function EnrollPanel({
  course,
  enrollment,
  enrollmentLoading,
}: {
  course: CourseDoc;
  enrollment: Enrollment | null | undefined;
  enrollmentLoading: boolean;
}) {
  const { user, loading, canWrite } = useAuth();
  const location = useLocation();
  const { toast } = useToast();
  const enrol = useEnrollInFreeCourse();

  if (loading || (user && enrollmentLoading)) return <Skeleton className="h-12 w-full" />;

  if (user && user.uid === course.instructorId) {
    return (
      <ButtonLink to={paths.educatorEditCourse.href(course.id)} size="lg" block>
        Edit course
      </ButtonLink>
    );
  }

  if (!user) {
    return (
      <ButtonLink to={paths.signIn.href(currentTarget(location))} size="lg" block>
        Sign in to enrol
      </ButtonLink>
    );
  }

  // A Plus enrolment's call to action depends on the membership: the Plus panel (its own chunk,
  // after first paint) shows "Continue learning" while it grants access, else "Buy" and "Renew Plus".
  if (enrollment && enrollment.status === 'active' && enrollment.source === 'plus') return null;

  if (enrollment && enrollment.status === 'active') {
    return <ContinueLearning course={course} enrollment={enrollment} />;
  }

  if (course.status !== 'published') {
    return <p className="text-sm text-stone-700">This course isn’t open for enrolment.</p>;
  }

  if (course.price <= 0) {
    return (
      <Button
        size="lg"
        block
        loading={enrol.isPending}
        disabled={!canWrite}
        onClick={() =>
          enrol.mutate(
            { courseId: course.id },
            {
              onSuccess: () => toast({ title: 'You’re enrolled', description: `Enjoy “${course.title}”.` }),
              onError: (error) =>
                toast({ title: 'We couldn’t enrol you', description: friendlyError(error), tone: 'error' }),
            },
          )
        }
      >
        Enrol for free
      </Button>
    );
  }

  return <BuyCourseButton course={course} />;
}

/** "Start learning" / "Continue learning" at the learner's last lecture. */
export function ContinueLearning({ course, enrollment }: { course: CourseDoc; enrollment: Enrollment }) {
  const lectureId = enrollment.lastLectureId ?? firstLectureId(course);
  return lectureId ? (
    <ButtonLink to={paths.lecture.href(course.id, lectureId)} size="lg" block>
      {enrollment.completedLectureIds.length > 0 ? 'Continue learning' : 'Start learning'}
    </ButtonLink>
  ) : (
    <p className="text-sm text-stone-700">You’re enrolled. Lectures will appear here soon.</p>
  );
}

/** Buy the course (Stripe Checkout, or the local checkout on the emulators); verified email first. */
export function BuyCourseButton({ course }: { course: CourseDoc }) {
  const { user, canWrite } = useAuth();
  const navigate = useNavigate();
  const { toast } = useToast();
  const checkout = useCreateCheckoutSession();
  const price = formatPrice(course.price, course.currency);

  if (user?.email && !user.emailVerified) {
    // The server refuses checkout until the address is verified (issue 15 §8); say so up front.
    return (
      <div className="flex flex-col gap-2">
        <Button size="lg" block disabled>
          Buy for {price}
        </Button>
        <p className="text-sm text-stone-700" data-testid="verify-to-buy">
          Verify your email address to buy this course: open the link we sent you, then choose “I’ve verified
          — refresh” in the banner at the top of the page.
        </p>
      </div>
    );
  }

  const origin = window.location.origin;
  return (
    <Button
      size="lg"
      block
      loading={checkout.isPending}
      disabled={!canWrite}
      onClick={() =>
        checkout.mutate(
          {
            courseId: course.id,
            successUrl: `${origin}${paths.checkoutSuccess.href({ courseId: course.id })}`,
            cancelUrl: `${origin}${paths.checkoutCancel.href(course.id)}`,
          },
          {
            onSuccess: (session) => {
              if (session.mode === 'stripe') window.location.assign(session.url);
              else void navigate(session.url);
            },
            onError: (error) =>
              toast({
                title: 'We couldn’t start the checkout',
                description: friendlyError(error),
                tone: 'error',
              }),
          },
        )
      }
    >
      Buy for {price}
    </Button>
  );
}

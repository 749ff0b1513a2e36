import { useSearchParams } from 'react-router';
import { Icon } from '@/components/icon';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { LoadingState } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useSignedInUser } from '@/lib/auth/auth-context';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCourse } from '@/lib/data/courses';
import { useEnrollment } from '@/lib/data/enrollments';
import { usePayment } from '../api/get-payment';

/**
 * /checkout/success?payment=… (or ?course=… after Stripe) — waits, live, for the enrolment the
 * payment webhook creates, then offers "Start learning".
 */
export function CheckoutSuccessPage() {
  useDocumentTitle('Payment received');
  const [params] = useSearchParams();
  const { uid } = useSignedInUser();
  const payment = usePayment(params.get('payment') ?? undefined);
  const courseId = payment.data?.courseId || params.get('course') || undefined;
  const course = useCourse(courseId);
  const enrollment = useEnrollment(courseId, uid);
  const enrolled = enrollment.data?.status === 'active';
  const failed = payment.data && (payment.data.status === 'failed' || payment.data.status === 'refunded');
  const title = course.data?.title || payment.data?.courseTitle || 'your course';

  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center sm:px-6">
      {failed ? (
        <>
          <h1 tabIndex={-1} className="text-2xl font-bold text-stone-900">
            The payment didn’t go through
          </h1>
          <p className="mt-3 text-stone-700">You weren’t charged. You can try again from the course page.</p>
          {courseId ? (
            <ButtonLink to={paths.course.href(courseId)} className="mt-6">
              Back to the course
            </ButtonLink>
          ) : null}
        </>
      ) : enrolled && courseId ? (
        <>
          <span className="mx-auto inline-flex size-14 items-center justify-center rounded-full bg-emerald-50 text-emerald-700">
            <Icon name="check" className="size-8" />
          </span>
          <h1 tabIndex={-1} className="mt-4 text-2xl font-bold text-stone-900">
            You’re enrolled!
          </h1>
          <p className="mt-3 text-stone-700">
            Thanks for your purchase. “{title}” is now in your learning. We’ve emailed you a receipt.
          </p>
          <div className="mt-6 flex flex-wrap justify-center gap-2">
            <ButtonLink
              to={paths.lecture.href(courseId, enrollment.data?.lastLectureId ?? 'start')}
              size="lg"
            >
              Start learning
            </ButtonLink>
            <ButtonLink to={paths.myLearning.href()} size="lg" variant="secondary">
              My learning
            </ButtonLink>
          </div>
        </>
      ) : !courseId && !payment.isPending ? (
        <>
          <h1 tabIndex={-1} className="text-2xl font-bold text-stone-900">
            We couldn’t find this purchase
          </h1>
          <Alert tone="warning" className="mt-4 text-left">
            The link is missing its payment. Your courses are listed in My learning.
          </Alert>
          <ButtonLink to={paths.myLearning.href()} className="mt-6">
            Go to my learning
          </ButtonLink>
        </>
      ) : (
        <>
          <h1 tabIndex={-1} className="text-2xl font-bold text-stone-900">
            Confirming your payment…
          </h1>
          <p className="mt-3 text-stone-700">
            This usually takes a few seconds. You can keep this page open.
          </p>
          <LoadingState label="Waiting for your enrolment" />
        </>
      )}
    </div>
  );
}

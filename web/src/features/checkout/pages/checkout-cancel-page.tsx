import { useSearchParams } from 'react-router';
import { ButtonLink } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCourse } from '@/lib/data/courses';

/** /checkout/cancel?course=… — nothing was charged; back to the course. */
export function CheckoutCancelPage() {
  const [params] = useSearchParams();
  const declined = params.get('declined') === '1';
  useDocumentTitle(declined ? 'Payment declined' : 'Checkout cancelled');
  const courseId = params.get('course') ?? undefined;
  const course = useCourse(courseId);

  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center sm:px-6">
      <h1 tabIndex={-1} className="text-2xl font-bold text-stone-900">
        {declined ? 'Payment declined' : 'Checkout cancelled'}
      </h1>
      <p className="mt-3 text-stone-700">
        {declined ? 'The payment was declined, so' : 'You left the checkout, so'} you weren’t charged
        {course.data ? ` for “${course.data.title}”` : ''}. You can buy the course whenever you like.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-2">
        {courseId ? <ButtonLink to={paths.course.href(courseId)}>Back to the course</ButtonLink> : null}
        <ButtonLink to={paths.courses.href()} variant="secondary">
          Browse courses
        </ButtonLink>
      </div>
    </div>
  );
}

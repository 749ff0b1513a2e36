import { formatPrice } from '@skillverse/domain/courses-api';
import type { PaymentStatus } from '@skillverse/domain/models';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { friendlyError } from '@/lib/errors';
import { useCourseTitle } from '../api/get-course-title';
import { useMyPayments } from '../api/get-my-payments';

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

const STATUS: Record<PaymentStatus, { label: string; tone: 'success' | 'warning' | 'danger' | 'neutral' }> = {
  paid: { label: 'Paid', tone: 'success' },
  pending: { label: 'Pending', tone: 'warning' },
  failed: { label: 'Failed', tone: 'danger' },
  refunded: { label: 'Refunded', tone: 'neutral' },
};

function CourseName({ courseId, stored }: { courseId: string; stored: string }) {
  const title = useCourseTitle(stored ? undefined : courseId);
  return <>{stored || title || 'View course'}</>;
}

/** The course purchases of the signed-in user, newest first, live. */
export function PaymentHistory({ uid }: { uid: string }) {
  const payments = useMyPayments(uid);
  if (payments.isPending) {
    return (
      <div className="flex flex-col gap-2 px-5 pb-5" aria-busy="true">
        <Skeleton className="h-10" />
        <Skeleton className="h-10" />
      </div>
    );
  }
  if (payments.error && !payments.data) {
    return (
      <div className="px-5 pb-5">
        <Alert tone="error" title="We couldn’t load your payments">
          {friendlyError(payments.error)}
        </Alert>
      </div>
    );
  }
  const items = payments.data ?? [];
  if (items.length === 0) {
    return (
      <p className="px-5 pb-5 text-sm text-stone-600">No payments yet. Free courses never appear here.</p>
    );
  }
  return (
    <div className="overflow-x-auto px-5 pb-5">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Your payments</caption>
        <thead className="text-stone-600">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              Date
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Course
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              Amount
            </th>
            <th scope="col" className="py-2 font-medium">
              Status
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {items.map((p) => (
            <tr key={p.id}>
              <td className="py-2.5 pr-4 whitespace-nowrap text-stone-700">{day.format(p.createdAt)}</td>
              <td className="py-2.5 pr-4">
                <Link
                  to={paths.course.href(p.courseId)}
                  className="font-medium text-stone-900 hover:underline"
                >
                  <CourseName courseId={p.courseId} stored={p.courseTitle} />
                </Link>
              </td>
              <td className="py-2.5 pr-4 text-right whitespace-nowrap tabular-nums">
                {formatPrice(p.amount, p.currency)}
              </td>
              <td className="py-2.5">
                <Badge tone={STATUS[p.status].tone}>{STATUS[p.status].label}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { formatPrice, type LocalCheckoutOutcome } from '@skillverse/domain/courses-api';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCompleteLocalCheckout } from '../api/complete-local-checkout';
import { useCourse } from '@/lib/data/courses';
import { usePayment } from '../api/get-payment';

/**
 * /checkout/local?payment=… — the local test checkout used when Stripe is not configured
 * (SPEC §7). It drives the same webhook path as Stripe, with a locally signed event.
 */
export function LocalCheckoutPage() {
  useDocumentTitle('Test checkout');
  const [params] = useSearchParams();
  const paymentId = params.get('payment') ?? undefined;
  const payment = usePayment(paymentId);
  const p = payment.data;
  const course = useCourse(p?.courseId || undefined);
  const finish = useCompleteLocalCheckout();
  const navigate = useNavigate();

  const run = (outcome: LocalCheckoutOutcome) => {
    if (!paymentId || !p) return;
    finish.mutate(
      { paymentId, outcome },
      {
        onSuccess: () =>
          void navigate(
            outcome === 'paid'
              ? paths.checkoutSuccess.href({ paymentId })
              : `${paths.checkoutCancel.href(p.courseId)}${outcome === 'failed' ? '&declined=1' : ''}`,
            { replace: true },
          ),
      },
    );
  };

  return (
    <div className="mx-auto max-w-xl px-4 py-10 sm:px-6">
      <div
        role="note"
        className="mb-6 rounded-xl border-2 border-dashed border-amber-400 bg-amber-50 px-4 py-3 text-amber-950"
      >
        <p className="font-bold">Test mode — no real payment</p>
        <p className="text-sm">
          Stripe is not configured, so this is SkillVerse’s local test checkout. No card is charged and no
          money moves.
        </p>
      </div>
      <h1 tabIndex={-1} className="text-2xl font-bold tracking-tight text-stone-900">
        Local test checkout
      </h1>
      {!paymentId ? (
        <Alert tone="error" className="mt-4" title="No payment to complete">
          This page needs a payment from “Buy” on a course page.
        </Alert>
      ) : payment.isPending ? (
        <Skeleton className="mt-4 h-48" />
      ) : !p ? (
        <Alert tone="error" className="mt-4" title="Payment not found">
          {payment.error ? friendlyError(payment.error) : 'This payment doesn’t exist or isn’t yours.'}
        </Alert>
      ) : (
        <Card className="mt-4">
          <CardHeader
            title={course.data?.title || p.courseTitle || 'Course'}
            description="Lifetime access to the course"
          />
          <CardBody className="flex flex-col gap-4">
            <div className="flex items-baseline justify-between">
              <span className="text-stone-700">Total</span>
              <span className="text-2xl font-bold text-stone-900">{formatPrice(p.amount, p.currency)}</span>
            </div>
            {p.status !== 'pending' ? (
              <Alert
                tone={p.status === 'paid' ? 'success' : 'warning'}
                title={`This payment is ${p.status}.`}
              >
                {p.status === 'paid' ? (
                  <ButtonLink to={paths.checkoutSuccess.href({ paymentId: p.id })} size="sm" className="mt-2">
                    Continue
                  </ButtonLink>
                ) : (
                  'Start a new checkout from the course page.'
                )}
              </Alert>
            ) : (
              <div className="flex flex-wrap gap-2">
                <Button
                  onClick={() => run('paid')}
                  loading={finish.isPending && finish.variables?.outcome === 'paid'}
                  disabled={finish.isPending}
                >
                  Pay (test)
                </Button>
                <Button
                  variant="secondary"
                  onClick={() => run('failed')}
                  loading={finish.isPending && finish.variables?.outcome === 'failed'}
                  disabled={finish.isPending}
                >
                  Decline (test)
                </Button>
                <Button
                  variant="ghost"
                  onClick={() => run('expired')}
                  loading={finish.isPending && finish.variables?.outcome === 'expired'}
                  disabled={finish.isPending}
                >
                  Cancel
                </Button>
              </div>
            )}
            {finish.error ? <Alert tone="error">{friendlyError(finish.error)}</Alert> : null}
          </CardBody>
        </Card>
      )}
    </div>
  );
}

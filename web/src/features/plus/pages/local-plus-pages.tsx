import { formatPrice } from '@skillverse/domain/courses-api';
import { PLUS_PLANS, PLUS_PRICES, type PlusPlan, plusAccess } from '@skillverse/domain/plus';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCompleteLocalPlusCheckout, useLocalPlusPortalAction, usePlusSubscription } from '../api/plus';
import { PlusStatus } from '../components/plus-status';

function TestModeNote({ what }: { what: string }) {
  return (
    <div
      role="note"
      className="mb-6 rounded-xl border-2 border-dashed border-amber-400 bg-amber-50 px-4 py-3 text-amber-950"
    >
      <p className="font-bold">Test mode — no real payment</p>
      <p className="text-sm">
        Stripe is not configured, so this is SkillVerse’s local {what}. It sends the same signed events Stripe
        would; no card is charged and no money moves.
      </p>
    </div>
  );
}

/** /plus/checkout/local?plan=… — the emulator's stand-in for Stripe Checkout in subscription mode. */
export function LocalPlusCheckoutPage() {
  useDocumentTitle('Plus test checkout');
  const [params] = useSearchParams();
  const plan = (PLUS_PLANS as readonly string[]).includes(params.get('plan') ?? '')
    ? (params.get('plan') as PlusPlan)
    : null;
  const finish = useCompleteLocalPlusCheckout();
  const navigate = useNavigate();
  const price = plan ? PLUS_PRICES[plan] : null;

  return (
    <div className="mx-auto max-w-xl px-4 py-10 sm:px-6">
      <TestModeNote what="Plus checkout" />
      <h1 tabIndex={-1} className="text-2xl font-bold tracking-tight text-stone-900">
        Plus test checkout
      </h1>
      {!plan || !price ? (
        <Alert tone="error" className="mt-4" title="No plan chosen">
          Choose a plan on the{' '}
          <ButtonLink to={paths.plus.href()} variant="ghost" size="sm">
            Plus page
          </ButtonLink>
          .
        </Alert>
      ) : (
        <Card className="mt-4">
          <CardHeader
            title={`SkillVerse Plus — ${plan === 'yearly' ? 'Yearly' : 'Monthly'}`}
            description="Every course marked “Included with Plus”"
          />
          <CardBody className="flex flex-col gap-4">
            <div className="flex items-baseline justify-between">
              <span className="text-stone-700">Due today</span>
              <span className="text-2xl font-bold text-stone-900">
                {formatPrice(price.amount, price.currency)}
              </span>
            </div>
            <div className="flex flex-wrap gap-2">
              <Button
                onClick={() =>
                  finish.mutate(
                    { plan, outcome: 'paid' },
                    {
                      onSuccess: () =>
                        void navigate(`${paths.plus.href()}?checkout=success`, { replace: true }),
                    },
                  )
                }
                loading={finish.isPending && finish.variables?.outcome === 'paid'}
                disabled={finish.isPending}
              >
                Subscribe (test)
              </Button>
              <Button
                variant="ghost"
                onClick={() =>
                  finish.mutate(
                    { plan, outcome: 'cancelled' },
                    {
                      onSuccess: () =>
                        void navigate(`${paths.plus.href()}?checkout=cancelled`, { replace: true }),
                    },
                  )
                }
                disabled={finish.isPending}
              >
                Cancel
              </Button>
            </div>
            {finish.error ? <Alert tone="error">{friendlyError(finish.error)}</Alert> : null}
          </CardBody>
        </Card>
      )}
    </div>
  );
}

/** /plus/portal/local — the emulator's stand-in for the Stripe Customer Portal. */
export function LocalPlusPortalPage() {
  useDocumentTitle('Plus test portal');
  const { user } = useAuth();
  const sub = usePlusSubscription(user?.uid);
  const act = useLocalPlusPortalAction();
  const s = sub.data ?? null;
  const live = s ? plusAccess(s, new Date()).entitled && s.status !== 'canceled' : false;
  const other: PlusPlan = s?.plan === 'yearly' ? 'monthly' : 'yearly';
  const busy = act.isPending;

  return (
    <div className="mx-auto max-w-xl px-4 py-10 sm:px-6">
      <TestModeNote what="customer portal" />
      <h1 tabIndex={-1} className="text-2xl font-bold tracking-tight text-stone-900">
        Manage your Plus membership
      </h1>
      {sub.isPending ? (
        <Skeleton className="mt-4 h-40" />
      ) : !s ? (
        <Alert tone="info" className="mt-4" title="No membership">
          You have no Plus membership yet.
        </Alert>
      ) : (
        <div className="mt-4 flex flex-col gap-4">
          <PlusStatus sub={s} />
          {live ? (
            <div className="flex flex-wrap gap-2">
              {s.cancelAtPeriodEnd ? (
                <Button
                  onClick={() => act.mutate({ action: 'resume' })}
                  loading={busy && act.variables?.action === 'resume'}
                  disabled={busy}
                >
                  Resume membership
                </Button>
              ) : (
                <Button
                  variant="danger"
                  onClick={() => act.mutate({ action: 'cancel' })}
                  loading={busy && act.variables?.action === 'cancel'}
                  disabled={busy}
                >
                  Cancel membership
                </Button>
              )}
              <Button
                variant="secondary"
                onClick={() => act.mutate({ action: 'switch-plan', plan: other })}
                loading={busy && act.variables?.action === 'switch-plan'}
                disabled={busy}
              >
                Switch to {other}
              </Button>
              {s.status === 'past_due' ? (
                <Button variant="secondary" onClick={() => act.mutate({ action: 'pay' })} disabled={busy}>
                  Update card and pay (test)
                </Button>
              ) : (
                <Button
                  variant="ghost"
                  onClick={() => act.mutate({ action: 'fail-payment' })}
                  disabled={busy}
                >
                  Simulate a failed renewal (test)
                </Button>
              )}
            </div>
          ) : null}
          {act.error ? <Alert tone="error">{friendlyError(act.error)}</Alert> : null}
          <div>
            <ButtonLink to={paths.plus.href()} variant="ghost">
              Return to SkillVerse
            </ButtonLink>
          </div>
        </div>
      )}
    </div>
  );
}

import { formatPrice } from '@skillverse/domain/courses-api';
import { PLUS_PLANS, PLUS_PRICES, type PlusPlan, plusAccess } from '@skillverse/domain/plus';
import { useLocation, useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCreatePlusCheckout, useCreatePlusPortal, usePlusSubscription } from '../api/plus';
import { PlusStatus } from '../components/plus-status';

const PLAN_COPY: Record<PlusPlan, { name: string; per: string; note: string }> = {
  monthly: {
    name: 'Monthly',
    per: 'a month',
    note: 'Cancel any time; you keep Plus to the end of the month.',
  },
  yearly: { name: 'Yearly', per: 'a year', note: 'Two months free compared with monthly.' },
};

/** /plus — the pricing page, and for members their membership: status, past-due banner, portal. */
export function PlusPage() {
  useDocumentTitle('SkillVerse Plus');
  const { user, canWrite } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const sub = usePlusSubscription(user?.uid);
  const checkout = useCreatePlusCheckout();
  const portal = useCreatePlusPortal();
  const s = sub.data ?? null;
  const member = s ? plusAccess(s, new Date()).entitled && s.status !== 'canceled' : false;
  const origin = window.location.origin;
  const go = (r: { mode: 'stripe' | 'local'; url: string }) => {
    if (r.mode === 'stripe') window.location.assign(r.url);
    else void navigate(r.url);
  };

  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 tabIndex={-1} className="text-3xl font-bold tracking-tight text-stone-900">
        SkillVerse Plus
      </h1>
      <p className="mt-2 max-w-2xl text-stone-700">
        One membership, every course marked “Included with Plus”. Learn at your pace, earn certificates, and
        keep your progress whatever happens to your membership.
      </p>
      {new URLSearchParams(location.search).get('checkout') === 'success' ? (
        <Alert tone="success" className="mt-4" title="Thanks — your membership is being set up">
          It becomes active as soon as the payment is confirmed.
        </Alert>
      ) : null}
      {user && sub.isPending ? <Skeleton className="mt-6 h-20" /> : null}
      {s ? (
        <div className="mt-6 flex flex-col gap-3">
          <PlusStatus sub={s} />
          {member ? (
            <div>
              <Button
                variant="secondary"
                loading={portal.isPending}
                disabled={!canWrite}
                onClick={() =>
                  portal.mutate({ returnUrl: `${origin}${paths.plus.href()}` }, { onSuccess: go })
                }
              >
                Manage membership
              </Button>
            </div>
          ) : null}
          {portal.error ? <Alert tone="error">{friendlyError(portal.error)}</Alert> : null}
        </div>
      ) : null}
      {!member ? (
        <div className="mt-8 grid gap-4 sm:grid-cols-2">
          {PLUS_PLANS.map((plan) => {
            const price = PLUS_PRICES[plan];
            return (
              <Card key={plan}>
                <CardHeader title={`${PLAN_COPY[plan].name} plan`} description={PLAN_COPY[plan].note} />
                <CardBody className="flex flex-col gap-4">
                  <p>
                    <span className="text-3xl font-bold text-stone-900">
                      {formatPrice(price.amount, price.currency)}
                    </span>{' '}
                    <span className="text-stone-700">{PLAN_COPY[plan].per}</span>
                  </p>
                  {!user ? (
                    <ButtonLink to={paths.signIn.href(paths.plus.href())}>Sign in to subscribe</ButtonLink>
                  ) : user.email && !user.emailVerified ? (
                    <p className="text-sm text-stone-700">Verify your email address to subscribe.</p>
                  ) : (
                    <Button
                      loading={checkout.isPending && checkout.variables?.plan === plan}
                      disabled={!canWrite || checkout.isPending}
                      onClick={() =>
                        checkout.mutate(
                          {
                            plan,
                            successUrl: `${origin}${paths.plus.href()}?checkout=success`,
                            cancelUrl: `${origin}${paths.plus.href()}?checkout=cancelled`,
                          },
                          { onSuccess: go },
                        )
                      }
                    >
                      Subscribe {PLAN_COPY[plan].name.toLowerCase()}
                    </Button>
                  )}
                </CardBody>
              </Card>
            );
          })}
        </div>
      ) : null}
      {checkout.error ? (
        <Alert tone="error" className="mt-4">
          {friendlyError(checkout.error)}
        </Alert>
      ) : null}
      <p className="mt-8 text-sm text-stone-700">
        <ButtonLink to={`${paths.courses.href()}?price=plus`} variant="ghost" size="sm">
          Browse courses included with Plus
        </ButtonLink>
      </p>
    </div>
  );
}

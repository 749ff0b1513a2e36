import { useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useSignedInUser } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCompleteLocalOnboarding, usePayoutAccount } from '../api/payouts';

/**
 * /educator/payouts/local-onboarding — the simulated Stripe Connect onboarding used when Stripe
 * is not configured (emulator only). Completing it makes the server sign an account.updated event
 * and deliver it to the real webhook, exactly as Stripe would after the hosted form.
 */
export function LocalOnboardingPage() {
  useDocumentTitle('Test payout setup');
  const { uid } = useSignedInUser();
  const account = usePayoutAccount(uid);
  const complete = useCompleteLocalOnboarding();
  const navigate = useNavigate();

  return (
    <div className="mx-auto max-w-xl px-4 py-10 sm:px-6">
      <div
        role="note"
        className="mb-6 rounded-xl border-2 border-dashed border-amber-400 bg-amber-50 px-4 py-3 text-amber-950"
      >
        <p className="font-bold">Test mode — no real account</p>
        <p className="text-sm">
          Stripe is not configured, so this stands in for Stripe’s onboarding form. No identity or bank
          details are collected and no money moves.
        </p>
      </div>
      <h1 tabIndex={-1} className="text-2xl font-bold tracking-tight text-stone-900">
        Set up payouts (test)
      </h1>
      {account.isPending ? (
        <Skeleton className="mt-4 h-40" />
      ) : account.error ? (
        <Alert tone="error" className="mt-4" title="We couldn’t load your payout account">
          {friendlyError(account.error)}
        </Alert>
      ) : !account.data?.accountId ? (
        <Alert tone="error" className="mt-4" title="No payout account yet">
          Start from “Set up payouts” on your dashboard.
          <div className="mt-3">
            <ButtonLink to={paths.educator.href()} variant="secondary" size="sm">
              Back to dashboard
            </ButtonLink>
          </div>
        </Alert>
      ) : (
        <Card className="mt-4">
          <CardHeader title="Your test account" description={account.data.accountId} />
          <CardBody className="flex flex-col gap-4">
            <p className="text-sm text-stone-700">
              Completing this marks your account as verified, with card payments and payouts enabled. Sales of
              your paid courses then go to this account, minus the platform fee.
            </p>
            {complete.error ? (
              <Alert tone="error" title="Setup didn’t complete">
                {friendlyError(complete.error)}
              </Alert>
            ) : null}
            <div className="flex flex-col gap-2 sm:flex-row">
              <Button
                onClick={() =>
                  complete.mutate(undefined, {
                    onSuccess: () => void navigate(paths.educator.href(), { replace: true }),
                  })
                }
                loading={complete.isPending}
              >
                Complete test onboarding
              </Button>
              <ButtonLink to={paths.educator.href()} variant="ghost">
                Cancel
              </ButtonLink>
            </div>
          </CardBody>
        </Card>
      )}
    </div>
  );
}

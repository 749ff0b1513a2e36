import { type PlusSubscription, plusAccess } from '@skillverse/domain/plus';
import { Alert } from '@/components/ui/alert';

const day = (d: Date) => d.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });

/** What the member's Plus is doing now, in words: active, ending, past due (grace), ended. */
export function PlusStatus({ sub }: { sub: PlusSubscription }) {
  const access = plusAccess(sub, new Date());
  const plan = sub.plan === 'yearly' ? 'Yearly' : 'Monthly';
  if (!access.entitled) {
    return (
      <Alert tone="warning" title="Your Plus membership has ended" data-testid="plus-status">
        Your progress, certificates and the courses you bought stay yours. Subscribe again to continue Plus
        courses.
      </Alert>
    );
  }
  if (access.reason === 'past-due-grace') {
    return (
      <Alert tone="error" title="Your Plus payment failed" data-testid="plus-status">
        Update your payment method in “Manage membership” by {access.until ? day(access.until) : 'soon'} to
        keep Plus.
      </Alert>
    );
  }
  if (access.reason === 'cancelling' || access.reason === 'canceled-paid-period') {
    return (
      <Alert tone="warning" title={`Plus ends on ${day(sub.currentPeriodEnd)}`} data-testid="plus-status">
        You cancelled your {plan.toLowerCase()} plan; you keep every Plus course until then. Resume any time
        before.
      </Alert>
    );
  }
  return (
    <Alert tone="success" title={`You have Plus (${plan})`} data-testid="plus-status">
      Renews on {day(sub.currentPeriodEnd)}. Every course marked “Included with Plus” is open to you.
    </Alert>
  );
}

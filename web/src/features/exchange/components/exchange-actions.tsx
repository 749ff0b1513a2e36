import type { ExchangeAction } from '@skillverse/domain/skills';
import { Button } from '@/components/ui/button';

/** What I can do with the exchange now: accept or decline, confirm completion, cancel or withdraw. */
export function ExchangeActions({
  actions,
  pending,
  canWrite,
  accepting,
  confirming,
  onAccept,
  onReject,
  onConfirmCompletion,
  onCancel,
}: {
  actions: readonly ExchangeAction[];
  /** Still a request (cancelling it withdraws it). */
  pending: boolean;
  canWrite: boolean;
  accepting: boolean;
  confirming: boolean;
  onAccept: () => void;
  onReject: () => void;
  onConfirmCompletion: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="flex flex-wrap gap-2 sm:flex-col">
      {actions.includes('accept') ? (
        <Button loading={accepting} disabled={!canWrite} onClick={onAccept}>
          Accept request
        </Button>
      ) : null}
      {actions.includes('reject') ? (
        <Button variant="secondary" disabled={!canWrite} onClick={onReject}>
          Decline
        </Button>
      ) : null}
      {actions.includes('confirm-completion') ? (
        <Button loading={confirming} disabled={!canWrite} onClick={onConfirmCompletion}>
          Confirm completion
        </Button>
      ) : null}
      {actions.includes('cancel') ? (
        <Button variant="ghost" disabled={!canWrite} onClick={onCancel}>
          {pending ? 'Withdraw request' : 'Cancel exchange'}
        </Button>
      ) : null}
    </div>
  );
}

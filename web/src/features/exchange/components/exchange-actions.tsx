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
  heldSessions,
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
  /** Sessions both people confirmed (or the platform observed): rewards need at least one. */
  heldSessions: number;
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
        <Button
          loading={confirming}
          disabled={!canWrite}
          onClick={onConfirmCompletion}
          aria-describedby="completion-needs-held-session"
        >
          Confirm completion
        </Button>
      ) : null}
      {actions.includes('confirm-completion') ? (
        <p id="completion-needs-held-session" className="max-w-xs text-xs text-stone-600">
          {heldSessions > 0
            ? `${heldSessions} held session${heldSessions === 1 ? '' : 's'}: completing earns points, ratings and credentials.`
            : 'Points, ratings and credentials need a held session: after a session ends, you both confirm it took place.'}
        </p>
      ) : null}
      {actions.includes('cancel') ? (
        <Button variant="ghost" disabled={!canWrite} onClick={onCancel}>
          {pending ? 'Withdraw request' : 'Cancel exchange'}
        </Button>
      ) : null}
    </div>
  );
}

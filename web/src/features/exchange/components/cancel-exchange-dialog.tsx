import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

/** Asks before cancelling an exchange (or withdrawing a request): the other person sees it. */
export function CancelExchangeDialog({
  open,
  pending,
  otherName,
  cancelling,
  onClose,
  onConfirm,
}: {
  open: boolean;
  /** Still a request: withdrawing it. */
  pending: boolean;
  otherName: string;
  cancelling: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={pending ? 'Withdraw this request?' : 'Cancel this exchange?'}
      description={`${otherName} will see that it was cancelled. This can’t be undone.`}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Keep it
          </Button>
          <Button variant="danger" loading={cancelling} onClick={onConfirm}>
            {pending ? 'Withdraw' : 'Cancel exchange'}
          </Button>
        </>
      }
    />
  );
}

import { REJECTION_REASON_MAX } from '@skillverse/domain/courses-api';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { friendlyError } from '@/lib/errors';
import { rejectionReasonSchema } from '../api/moderate-course';

/** Asks for the reason the instructor will read; validated before it is sent. */
export function RejectDialog({
  open,
  courseTitle,
  pending,
  error,
  onClose,
  onReject,
}: {
  open: boolean;
  courseTitle: string;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onReject: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = rejectionReasonSchema.safeParse(reason);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message);
      return;
    }
    setProblem(undefined);
    onReject(parsed.data);
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Reject this course"
      description={`“${courseTitle}” goes back to its instructor with your reason.`}
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <Field
          label="Reason for the instructor"
          error={problem}
          hint="Say what to change so it can be published."
        >
          <Textarea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={5}
            maxLength={REJECTION_REASON_MAX}
          />
        </Field>
        {error ? <Alert tone="error">{friendlyError(error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" loading={pending}>
            Reject course
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

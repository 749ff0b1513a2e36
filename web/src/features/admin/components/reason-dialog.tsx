import { type FormEvent, type ReactNode, useState } from 'react';
import type { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { friendlyError } from '@/lib/errors';

/**
 * Confirms an admin action and asks for the reason the person affected will read; the reason is
 * validated before anything is sent. Mount it per target (key) so the text starts empty.
 */
export function ReasonDialog({
  open,
  title,
  description,
  label,
  hint,
  confirmLabel,
  tone = 'danger',
  schema,
  optional = false,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  open: boolean;
  title: string;
  description: ReactNode;
  label: string;
  hint?: string;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  schema: z.ZodType<string, string>;
  optional?: boolean;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (reason: string | undefined) => void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (optional && reason.trim() === '') {
      setProblem(undefined);
      onConfirm(undefined);
      return;
    }
    const parsed = schema.safeParse(reason);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message);
      return;
    }
    setProblem(undefined);
    onConfirm(parsed.data);
  };
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description}>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <Field label={label} error={problem} hint={hint} optional={optional}>
          <Textarea
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              if (problem) setProblem(undefined);
            }}
            rows={4}
            maxLength={1000}
          />
        </Field>
        {error ? <Alert tone="error">{friendlyError(error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant={tone === 'danger' ? 'danger' : 'primary'} loading={pending}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

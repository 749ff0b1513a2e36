import { REVOCATION_REASON_MAX } from '@skillverse/domain/credentials';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { friendlyError } from '@/lib/errors';
import { revokeCredentialInputSchema, useRevokeCredential } from '../api/revoke-credential';

/**
 * Admins only (the page shows it to admins; the revokeCredential callable checks the claim):
 * revoke with a reason. The certificate document is live, so the page turns to "Revoked" on its own.
 */
export function RevokePanel({ certificateId }: { certificateId: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const revoke = useRevokeCredential();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = revokeCredentialInputSchema.safeParse({ certificateId, reason });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message);
      return;
    }
    setProblem(undefined);
    revoke.mutate(parsed.data);
  }

  if (!open) {
    return (
      <div className="mt-6 flex justify-center">
        <Button variant="ghost" size="sm" onClick={() => setOpen(true)}>
          Revoke this credential (admin)
        </Button>
      </div>
    );
  }
  return (
    <form
      onSubmit={submit}
      className="mt-6 rounded-(--radius-card) border border-red-200 bg-white p-5 text-left"
      aria-labelledby="revoke-heading"
    >
      <h2 id="revoke-heading" className="font-semibold text-stone-900">
        Revoke this credential
      </h2>
      <p className="mt-1 text-sm text-stone-700">
        Revocation is public and permanent: verifiers see it with the date and your reason, and the holder is
        notified.
      </p>
      <Field label="Reason" error={problem} className="mt-4">
        <Textarea
          value={reason}
          maxLength={REVOCATION_REASON_MAX}
          rows={3}
          onChange={(e) => {
            setReason(e.target.value);
            setProblem(undefined);
          }}
        />
      </Field>
      {revoke.error ? (
        <Alert tone="error" className="mt-3">
          {friendlyError(revoke.error)}
        </Alert>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2">
        <Button type="submit" variant="danger" loading={revoke.isPending}>
          Revoke credential
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

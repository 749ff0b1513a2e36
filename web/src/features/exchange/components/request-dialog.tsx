import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { errorCode, friendlyError } from '@/lib/errors';
import { fieldErrors, type FieldErrors } from '@/lib/forms';
import { sendExchangeRequestSchema, useSendExchangeRequest } from '../api/send-exchange-request';

export interface RequestTarget {
  uid: string;
  displayName: string;
  /** Skills they teach (preferred first). */
  theyOffer: string[];
}

/** Send a request: which skill I teach, which I want to learn, and a message. */
export function RequestDialog({
  open,
  onClose,
  me,
  myOffered,
  target,
  initialMessage = '',
}: {
  open: boolean;
  onClose: () => void;
  me: string;
  myOffered: string[];
  target: RequestTarget | null;
  /** Prefills the message (e.g. quoting an unanswered live-session question). */
  initialMessage?: string;
}) {
  const navigate = useNavigate();
  const { toast } = useToast();
  const send = useSendExchangeRequest();
  const [offeredSkill, setOffered] = useState('');
  const [requestedSkill, setRequested] = useState('');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  useEffect(() => {
    if (!open || !target) return;
    setOffered(myOffered[0] ?? '');
    setRequested(target.theyOffer[0] ?? '');
    setMessage(initialMessage);
    setErrors({});
  }, [open, target, myOffered, initialMessage]);

  if (!target) return null;

  const submit = () => {
    const input = { requesterId: me, providerId: target.uid, offeredSkill, requestedSkill, message };
    const parsed = sendExchangeRequestSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    send.mutate(parsed.data, {
      onSuccess: (id) => {
        toast({ title: `Request sent to ${target.displayName}` });
        onClose();
        navigate(paths.exchange.href(id));
      },
      onError: (error) => setErrors({ _form: requestErrorMessage(error) }),
    });
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Swap skills with ${target.displayName}`}
      description="Say what you can teach in return and what you would like to learn. They can accept or decline."
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={send.isPending}>
            Send request
          </Button>
        </>
      }
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field
          label="I will teach"
          error={errors.offeredSkill}
          hint={myOffered.length ? undefined : 'Add skills you offer on your profile first.'}
        >
          <Select value={offeredSkill} onChange={(e) => setOffered(e.target.value)}>
            {myOffered.length === 0 ? <option value="">No offered skills yet</option> : null}
            {myOffered.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="I want to learn" error={errors.requestedSkill}>
          <Select value={requestedSkill} onChange={(e) => setRequested(e.target.value)}>
            {target.theyOffer.length === 0 ? <option value="">They list no skills</option> : null}
            {target.theyOffer.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Message" optional error={errors.message}>
          <Textarea
            rows={4}
            maxLength={2000}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            placeholder="Hi! I would love to learn … and can help you with …"
          />
        </Field>
        {errors._form ? (
          <p role="alert" className="text-sm text-red-700">
            {errors._form}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}

/**
 * The server's own words when it refused for a reason the person can act on (unverified email,
 * 10 pending or 20 today); otherwise the usual friendly message.
 */
function requestErrorMessage(error: unknown): string {
  const code = errorCode(error);
  const specific = code === 'failed-precondition' || code === 'resource-exhausted';
  if (specific && error instanceof Error && error.message) return error.message;
  return friendlyError(error);
}

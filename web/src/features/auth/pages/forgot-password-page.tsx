import { type FormEvent, useRef } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { paths } from '@/config/paths';
import { errorCode, friendlyError } from '@/lib/errors';
import { focusFirstInvalid, useZodForm } from '@/lib/forms';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useSendPasswordReset } from '../api/send-password-reset';
import { passwordResetInputSchema } from '../utils/auth-schemas';
import { AuthCard } from '../components/auth-card';

export function ForgotPasswordPage() {
  useDocumentTitle('Reset your password');
  const formRef = useRef<HTMLFormElement>(null);
  const form = useZodForm(passwordResetInputSchema, { email: '' });
  const reset = useSendPasswordReset();
  // Whether an account exists is not revealed: "user not found" reads as success too.
  const sent = reset.isSuccess || errorCode(reset.error) === 'auth/user-not-found';

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    if (!input) return focusFirstInvalid(formRef.current);
    reset.mutate(input);
  }

  return (
    <AuthCard
      title="Reset your password"
      description="Enter the email you signed up with and we’ll send you a link to choose a new password."
      footer={
        <p>
          Remembered it?{' '}
          <Link
            to={paths.signIn.href()}
            className="font-semibold text-brand-700 underline-offset-2 hover:underline"
          >
            Back to sign in
          </Link>
        </p>
      }
    >
      <div aria-live="polite">
        {sent ? (
          <Alert tone="success" title="Check your email" className="mb-5">
            If an account exists for {form.values.email.trim()}, we’ve sent a link to reset its password. It
            can take a few minutes to arrive; check your spam folder too.
          </Alert>
        ) : null}
      </div>
      {reset.error && !sent ? (
        <Alert tone="error" className="mb-5">
          {friendlyError(reset.error)}
        </Alert>
      ) : null}
      <form ref={formRef} noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        <Field label="Email" error={form.errors.email}>
          <Input
            type="email"
            name="email"
            autoComplete="email"
            inputMode="email"
            value={form.values.email}
            onChange={(e) => {
              form.set('email', e.target.value);
              if (reset.isSuccess || reset.isError) reset.reset();
            }}
          />
        </Field>
        <Button type="submit" size="lg" block loading={reset.isPending}>
          {sent ? 'Send the link again' : 'Send reset link'}
        </Button>
      </form>
    </AuthCard>
  );
}

import { type FormEvent, useRef } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { focusFirstInvalid, useZodForm } from '@/lib/forms';
import { safeRedirect } from '@/lib/redirect';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useSignInWithEmail } from '../api/sign-in-with-email';
import { signInInputSchema } from '../utils/auth-schemas';
import { useSignInWithGoogle } from '../api/sign-in-with-google';
import { AuthCard } from '../components/auth-card';
import { GoogleButton, OrDivider } from '../components/google-button';

export function SignInPage() {
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const rawRedirect = params.get('redirect');
  const redirect = safeRedirect(rawRedirect);
  const { user, loading } = useAuth();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useZodForm(signInInputSchema, { email: '', password: '' });
  const emailSignIn = useSignInWithEmail();
  const googleSignIn = useSignInWithGoogle();
  const busy = emailSignIn.isPending || googleSignIn.isPending;
  const error = emailSignIn.error ?? googleSignIn.error;

  // Signed in (already, or just now): continue to where they were going.
  if (!loading && user) return <Navigate to={redirect} replace />;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    googleSignIn.reset();
    const input = form.validate();
    if (!input) return focusFirstInvalid(formRef.current);
    emailSignIn.mutate(input);
  }

  return (
    <AuthCard
      title="Sign in"
      description="Welcome back. Pick up where you left off."
      footer={
        <p>
          New to SkillVerse?{' '}
          <Link
            to={paths.signUp.href(rawRedirect ? redirect : null)}
            className="font-semibold text-brand-700 underline-offset-2 hover:underline"
          >
            Create an account
          </Link>
        </p>
      }
    >
      {error ? (
        <Alert tone="error" className="mb-5">
          {friendlyError(error)}
        </Alert>
      ) : null}
      <GoogleButton
        loading={googleSignIn.isPending}
        disabled={busy}
        onClick={() => {
          emailSignIn.reset();
          googleSignIn.mutate();
        }}
      />
      <OrDivider />
      <form ref={formRef} noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        <Field label="Email" error={form.errors.email}>
          <Input
            type="email"
            name="email"
            autoComplete="email"
            inputMode="email"
            value={form.values.email}
            onChange={(e) => form.set('email', e.target.value)}
          />
        </Field>
        <Field label="Password" error={form.errors.password}>
          <Input
            type="password"
            name="password"
            autoComplete="current-password"
            value={form.values.password}
            onChange={(e) => form.set('password', e.target.value)}
          />
        </Field>
        <div className="-mt-1 text-right text-sm">
          <Link
            to={paths.forgotPassword.href()}
            className="font-medium text-brand-700 underline-offset-2 hover:underline"
          >
            Forgot your password?
          </Link>
        </div>
        <Button type="submit" size="lg" block loading={emailSignIn.isPending} disabled={busy}>
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
}

import { parseReferrerId, REFERRAL_PARAM } from '@skillverse/domain/referrals';
import { type FormEvent, useEffect, useRef } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { focusFirstInvalid, useZodForm } from '@/lib/forms';
import { safeRedirect } from '@/lib/redirect';
import { rememberReferrer } from '@/lib/referral';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useInviterName } from '../api/get-inviter';
import { useSignInWithGoogle } from '../api/sign-in-with-google';
import { useSignUpWithEmail } from '../api/sign-up-with-email';
import { PASSWORD_MIN_LENGTH, signUpInputSchema } from '../utils/auth-schemas';
import { AuthCard } from '../components/auth-card';
import { GoogleButton, OrDivider } from '../components/google-button';

export function SignUpPage() {
  useDocumentTitle('Create your account');
  const [params] = useSearchParams();
  const rawRedirect = params.get('redirect');
  const redirect = safeRedirect(rawRedirect);
  const { user, loading } = useAuth();
  const navigate = useNavigate();
  // An invite link (`?ref=<uid>`): keep the referrer through sign-up (email or Google) until
  // onboarding records it on the new profile.
  useEffect(() => rememberReferrer(params), [params]);
  const inviter = useInviterName(parseReferrerId(params.get(REFERRAL_PARAM)));
  const formRef = useRef<HTMLFormElement>(null);
  const form = useZodForm(signUpInputSchema, {
    displayName: '',
    email: '',
    password: '',
    confirmPassword: '',
  });
  const signUp = useSignUpWithEmail();
  const google = useSignInWithGoogle();
  const busy = signUp.isPending || google.isPending;
  const error = signUp.error ?? google.error;

  // Already signed in when arriving here: nothing to create. (While this page is creating the
  // account, `busy` holds the redirect until the display name is saved.)
  if (!loading && user && !busy && !signUp.isSuccess && !google.isSuccess) {
    return <Navigate to={redirect} replace />;
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    google.reset();
    const input = form.validate();
    if (!input) return focusFirstInvalid(formRef.current);
    signUp.mutate(input, {
      onSuccess: () =>
        navigate(paths.onboarding.href(), { replace: true, state: { displayName: input.displayName } }),
    });
  }

  return (
    <AuthCard
      title="Create your account"
      description="Free to join. Learn, teach and swap skills with people."
      footer={
        <p>
          Already have an account?{' '}
          <Link
            to={paths.signIn.href(rawRedirect ? redirect : null)}
            className="font-semibold text-brand-700 underline-offset-2 hover:underline"
          >
            Sign in
          </Link>
        </p>
      }
    >
      {inviter && !error ? (
        <Alert tone="info" className="mb-5">
          {inviter} invited you to SkillVerse. Create your account to get started.
        </Alert>
      ) : null}
      {error ? (
        <Alert tone="error" className="mb-5">
          {friendlyError(error)}
          {error && 'code' in error && error.code === 'auth/email-already-in-use' ? (
            <>
              {' '}
              <Link to={paths.forgotPassword.href()} className="font-semibold underline">
                Reset your password
              </Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      <GoogleButton
        loading={google.isPending}
        disabled={busy}
        onClick={() => {
          signUp.reset();
          google.mutate(undefined, {
            onSuccess: ({ isNewUser }) =>
              navigate(isNewUser ? paths.onboarding.href() : redirect, { replace: true }),
          });
        }}
      />
      <OrDivider />
      <form ref={formRef} noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        <Field
          label="Display name"
          hint="How other people will see you. You can change it later."
          error={form.errors.displayName}
        >
          <Input
            name="displayName"
            autoComplete="name"
            value={form.values.displayName}
            onChange={(e) => form.set('displayName', e.target.value)}
          />
        </Field>
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
        <Field
          label="Password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          error={form.errors.password}
        >
          <Input
            type="password"
            name="password"
            autoComplete="new-password"
            value={form.values.password}
            onChange={(e) => form.set('password', e.target.value)}
          />
        </Field>
        <Field label="Confirm password" error={form.errors.confirmPassword}>
          <Input
            type="password"
            name="confirmPassword"
            autoComplete="new-password"
            value={form.values.confirmPassword}
            onChange={(e) => form.set('confirmPassword', e.target.value)}
          />
        </Field>
        <Button type="submit" size="lg" block loading={signUp.isPending} disabled={busy}>
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}

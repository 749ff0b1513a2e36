import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { friendlyError } from '@/lib/errors';
import { useChangeEmail, useChangePassword } from '../api/account-security';
import { useDeleteMyAccount, useDownloadMyData } from '../api/my-data';
import { newEmailProblem, newPasswordProblem } from '../utils/account';

/** Change password: the current one first (re-authentication), then the new one twice. */
export function ChangePasswordForm({ disabled }: { disabled: boolean }) {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = newPasswordProblem(current, next, confirm);
    setProblem(found);
    if (found) return;
    change.mutate(
      { current, next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Change password" noValidate>
      <Field label="Current password">
        <Input
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          disabled={disabled}
          required
        />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="New password" hint="At least 8 characters." error={problem ?? undefined}>
          <Input
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            disabled={disabled}
            required
          />
        </Field>
        <Field label="Repeat new password">
          <Input
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            disabled={disabled}
            required
          />
        </Field>
      </div>
      <div aria-live="polite">
        {change.isSuccess ? <Alert tone="success">Your password has been changed.</Alert> : null}
        {change.error ? <Alert tone="error">{friendlyError(change.error)}</Alert> : null}
      </div>
      <div>
        <Button type="submit" variant="secondary" loading={change.isPending} disabled={disabled}>
          Change password
        </Button>
      </div>
    </form>
  );
}

/** Change email: re-authenticate, then a verification link goes to the new address. */
export function ChangeEmailForm({ email, disabled }: { email: string | null; disabled: boolean }) {
  const change = useChangeEmail();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = newEmailProblem(email, next);
    setProblem(found);
    if (found) return;
    change.mutate({ current, email: next.trim() }, { onSuccess: () => setCurrent('') });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Change email" noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="New email address" error={problem ?? undefined}>
          <Input
            type="email"
            autoComplete="email"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            disabled={disabled}
            required
          />
        </Field>
        <Field label="Current password" id="email-current-password">
          <Input
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            disabled={disabled}
            required
          />
        </Field>
      </div>
      <div aria-live="polite">
        {change.isSuccess ? (
          <Alert tone="success">
            We sent a link to {change.data}. Your email changes when you open it; until then, keep signing in
            with {email}.
          </Alert>
        ) : null}
        {change.error ? <Alert tone="error">{friendlyError(change.error)}</Alert> : null}
      </div>
      <div>
        <Button type="submit" variant="secondary" loading={change.isPending} disabled={disabled}>
          Send verification link
        </Button>
      </div>
    </form>
  );
}

/** Download my data, and delete my account (after offering the download). */
export function DataAndDeletion({
  email,
  usesPassword,
  onDeleted,
}: {
  email: string | null;
  usesPassword: boolean;
  onDeleted: () => Promise<void>;
}) {
  const download = useDownloadMyData();
  const remove = useDeleteMyAccount();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [typed, setTyped] = useState('');
  const matches = Boolean(email) && typed.trim().toLowerCase() === (email ?? '').toLowerCase();

  function onDelete(event: FormEvent) {
    event.preventDefault();
    if (!matches) return;
    remove.mutate(
      { password: usesPassword ? password : null, confirmEmail: typed.trim() },
      { onSuccess: () => void onDeleted() },
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <div>
        <p className="text-sm font-medium text-stone-700">Your data</p>
        <p className="mt-0.5 text-sm text-stone-600">
          Download a JSON file of everything SkillVerse holds about you: profile, account, enrolments,
          payments, certificates, exchanges, your messages and reviews, points and notifications.
        </p>
        <div className="mt-2" aria-live="polite">
          {download.isSuccess ? (
            <Alert tone="success" className="mb-2">
              Downloaded {download.data}.
            </Alert>
          ) : null}
          {download.error ? (
            <Alert tone="error" className="mb-2">
              {friendlyError(download.error)}
            </Alert>
          ) : null}
        </div>
        <Button variant="secondary" loading={download.isPending} onClick={() => download.mutate()}>
          Download my data
        </Button>
      </div>
      <div className="rounded-xl border border-red-200 bg-red-50/60 p-4 dark:border-red-900 dark:bg-red-950/30">
        <p className="text-sm font-medium text-red-800 dark:text-red-300">Delete my account</p>
        <p className="mt-0.5 text-sm text-stone-700">
          Your profile, private data, points history and notifications are deleted and you can’t sign in
          again. People you exchanged with keep their history; there you’ll appear as “Deleted user”. Download
          your data first if you want a copy.
        </p>
        <Button className="mt-3" variant="danger" onClick={() => setOpen(true)}>
          Delete my account…
        </Button>
      </div>
      <Dialog
        open={open}
        onClose={() => {
          if (!remove.isPending) setOpen(false);
        }}
        title="Delete your account?"
        description="This can’t be undone."
      >
        <form
          onSubmit={onDelete}
          className="flex flex-col gap-4 px-5 py-4"
          aria-label="Delete account"
          noValidate
        >
          <p className="text-sm text-stone-700">
            Have you downloaded your data?{' '}
            <button
              type="button"
              className="font-medium text-brand-700 underline"
              onClick={() => download.mutate()}
            >
              {download.isPending ? 'Preparing…' : 'Download it now'}
            </button>
            {download.isSuccess ? ' — done.' : null}
          </p>
          <Field label={`Type your email address (${email ?? 'none'}) to confirm`}>
            <Input
              type="email"
              autoComplete="off"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              required
            />
          </Field>
          {usesPassword ? (
            <Field label="Your password" hint="We ask again to be sure it’s you." id="delete-password">
              <Input
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                required
              />
            </Field>
          ) : (
            <p className="text-sm text-stone-600">Google will ask you to confirm it’s you.</p>
          )}
          <div aria-live="polite">
            {remove.error ? <Alert tone="error">{friendlyError(remove.error)}</Alert> : null}
          </div>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="ghost" onClick={() => setOpen(false)} disabled={remove.isPending}>
              Keep my account
            </Button>
            <Button type="submit" variant="danger" loading={remove.isPending} disabled={!matches}>
              Delete my account
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}

import { defaultNotificationPreferences } from '@skillverse/domain/notifications';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAuth, useSignedInUser } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useNavigate } from 'react-router';
import { usePrivateAccount } from '../api/get-private-account';
import { useSendPasswordResetToSelf } from '../api/send-password-reset';
import { ChangeEmailForm, ChangePasswordForm, DataAndDeletion } from '../components/account-security';
import { NotificationPreferencesForm } from '../components/notification-preferences-form';
import { PaymentHistory } from '../components/payment-history';

export function SettingsPage() {
  useDocumentTitle('Settings');
  const { canWrite, signOut } = useAuth();
  const user = useSignedInUser();
  const uid = user.uid;
  const account = usePrivateAccount(uid);
  const reset = useSendPasswordResetToSelf();
  const navigate = useNavigate();
  const { toast } = useToast();
  const usesPassword = user.providerData.some((p) => p.providerId === 'password');
  const email = account.data?.email ?? user.email ?? null;

  async function onDeleted() {
    await navigate(paths.home.href());
    await signOut();
    toast({
      title: 'Your account has been deleted',
      description: 'Thank you for learning with us.',
      tone: 'info',
    });
  }

  async function onSignOut() {
    await navigate(paths.home.href());
    await signOut();
    toast({ title: 'You’re signed out', description: 'See you soon.', tone: 'info' });
  }

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader
        title="Settings"
        description="Choose how SkillVerse keeps you posted, and manage your account."
      />

      <Card>
        <CardHeader
          title="Notifications"
          description="For each kind of notification, choose whether it appears in the app, by email, or both."
        />
        <div className="pt-3">
          {account.isPending ? (
            <div className="flex flex-col gap-3 px-5 pb-5" aria-busy="true">
              <Skeleton className="h-12" />
              <Skeleton className="h-12" />
              <Skeleton className="h-12" />
            </div>
          ) : account.error && !account.data ? (
            <CardBody>
              <Alert tone="error" title="We couldn’t load your preferences">
                {friendlyError(account.error)}
              </Alert>
            </CardBody>
          ) : (
            <>
              {account.data === null ? (
                <CardBody className="pt-0">
                  <Alert tone="info">
                    Your account is still being set up. You’ll be able to change these in a moment.
                  </Alert>
                </CardBody>
              ) : null}
              <NotificationPreferencesForm
                key={account.data ? 'loaded' : 'missing'}
                uid={uid}
                initial={account.data?.notificationPreferences ?? defaultNotificationPreferences()}
                disabled={!canWrite || !account.data}
              />
            </>
          )}
        </div>
      </Card>

      <Card>
        <CardHeader
          title="Payment history"
          description="Courses you’ve bought, and the status of each payment."
        />
        <div className="pt-3">
          <PaymentHistory uid={uid} />
        </div>
      </Card>

      <Card>
        <CardHeader title="Account" description="Your sign-in details." />
        <CardBody className="flex flex-col gap-6">
          <section aria-labelledby="account-email">
            <h3 id="account-email" className="text-sm font-medium text-stone-700">
              Email
            </h3>
            <p className="mt-0.5 text-stone-900">{email ?? 'No email address on this account'}</p>
            {usesPassword ? (
              <div className="mt-3">
                <ChangeEmailForm email={user.email} disabled={!canWrite} />
              </div>
            ) : null}
          </section>
          <section aria-labelledby="account-password" className="border-t border-stone-100 pt-5">
            <h3 id="account-password" className="text-sm font-medium text-stone-700">
              Password
            </h3>
            {usesPassword ? (
              <>
                <div className="mt-2">
                  <ChangePasswordForm disabled={false} />
                </div>
                <p className="mt-4 text-sm text-stone-600">
                  Forgot your current password? We’ll email you a link to choose a new one.
                </p>
                <div className="mt-2" aria-live="polite">
                  {reset.isSuccess ? (
                    <Alert tone="success" className="mb-2">
                      Check your inbox: we sent a password reset link to {reset.data}.
                    </Alert>
                  ) : null}
                </div>
                {reset.error ? (
                  <Alert tone="error" className="mb-2">
                    {friendlyError(reset.error)}
                  </Alert>
                ) : null}
                <Button variant="ghost" loading={reset.isPending} onClick={() => reset.mutate()}>
                  Send password reset email
                </Button>
              </>
            ) : (
              <p className="mt-0.5 text-sm text-stone-600">
                You sign in with Google, so there’s no SkillVerse password to change.
              </p>
            )}
          </section>
          <div className="border-t border-stone-100 pt-5">
            <Button variant="secondary" onClick={() => void onSignOut()}>
              Sign out
            </Button>
          </div>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Your data and account deletion" />
        <CardBody>
          <DataAndDeletion email={user.email} usesPassword={usesPassword} onDeleted={onDeleted} />
        </CardBody>
      </Card>
    </div>
  );
}

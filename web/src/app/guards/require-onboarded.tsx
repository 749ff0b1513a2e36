import { Navigate, Outlet, useLocation } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { LoadingState } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';

/** Waits for users/{uid}; people who have not finished onboarding are sent to /onboarding. */
export function RequireOnboarded() {
  const { profile, profileLoading, profileMissing, profileError } = useAuth();
  const location = useLocation();

  if (profileLoading) return <LoadingState label="Loading your profile…" />;
  if (profileError && !profile) {
    return (
      <div className="mx-auto max-w-lg px-4 py-12">
        <Alert
          tone="error"
          title="We couldn’t load your profile"
          action={
            <Button size="sm" variant="secondary" onClick={() => window.location.reload()}>
              Try again
            </Button>
          }
        >
          {friendlyError(profileError)}
        </Alert>
      </div>
    );
  }
  if (profileMissing || !profile) return <LoadingState label="Setting up your account…" />;
  if (!profile.onboarded && location.pathname !== paths.onboarding.path) {
    return <Navigate to={paths.onboarding.href()} replace />;
  }
  return <Outlet />;
}

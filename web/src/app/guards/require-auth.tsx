import { Navigate, Outlet, useLocation } from 'react-router';
import { LoadingState } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { currentTarget } from '@/lib/redirect';

/** Signed-out visitors go to /sign-in?redirect=<where they were going>, and come back after. */
export function RequireAuth() {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <LoadingState label="Checking your sign-in…" />;
  if (!user) return <Navigate to={paths.signIn.href(currentTarget(location))} replace />;
  return <Outlet />;
}

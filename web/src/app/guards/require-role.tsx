import { Outlet } from 'react-router';
import { useAuth } from '@/lib/auth/auth-context';
import { ForbiddenPage } from '../routes/forbidden-page';

/** Educator and admin areas: other signed-in people see a friendly 403 page. */
export function RequireRole({ requires }: { requires: 'educator' | 'admin' }) {
  const { claims } = useAuth();
  if (!claims[requires]) return <ForbiddenPage area={requires} />;
  return <Outlet />;
}

import { lazy, Suspense } from 'react';
import { Outlet } from 'react-router';
import { LoadingState } from '@/components/ui/spinner';
import { useAuth } from '@/lib/auth/auth-context';

// The 403 page loads only when someone meets it: it stays off every route's first paint.
const ForbiddenPage = lazy(() =>
  import('../routes/forbidden-page').then((m) => ({ default: m.ForbiddenPage })),
);

/** Educator and admin areas: other signed-in people see a friendly 403 page. */
export function RequireRole({ requires }: { requires: 'educator' | 'admin' }) {
  const { claims } = useAuth();
  if (!claims[requires])
    return (
      <Suspense fallback={<LoadingState label="Loading…" />}>
        <ForbiddenPage area={requires} />
      </Suspense>
    );
  return <Outlet />;
}

import { lazy, Suspense } from 'react';
import { isRouteErrorResponse, useLocation, useNavigate, useRouteError } from 'react-router';
import { Button, ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/lib/use-document-title';
import { friendlyError } from '@/lib/errors';

// A 404 from a loader is rare: its page loads only then, off every route's first paint.
const NotFoundPage = lazy(() => import('./not-found-page').then((m) => ({ default: m.NotFoundPage })));

function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /Failed to fetch dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(
      error.message,
    )
  );
}

/**
 * A route's errorElement: renders inside the layout (the header stays), explains, and offers a
 * retry. A failed code-split download (usually a new deployment) needs a full reload.
 */
export function RouteError() {
  useDocumentTitle('Something went wrong');
  const error = useRouteError();
  const navigate = useNavigate();
  const location = useLocation();

  if (isRouteErrorResponse(error) && error.status === 404)
    return (
      <Suspense fallback={null}>
        <NotFoundPage />
      </Suspense>
    );

  const chunk = isChunkLoadError(error);
  const retry = () => {
    if (chunk) window.location.reload();
    else navigate(`${location.pathname}${location.search}${location.hash}`, { replace: true });
  };
  if (!chunk) console.error(error);

  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <PageHeader
        className="justify-center [&>div]:mx-auto"
        title={chunk ? 'This page needs a refresh' : 'Something went wrong on this page'}
        description={
          chunk
            ? 'SkillVerse was updated while you had it open. Reload to get the latest version.'
            : friendlyError(error, 'We hit an unexpected error. Trying again usually helps.')
        }
      />
      <div className="flex justify-center gap-3">
        <Button onClick={retry}>{chunk ? 'Reload' : 'Try again'}</Button>
        <ButtonLink to={paths.home.href()} variant="secondary">
          Go to the home page
        </ButtonLink>
      </div>
    </div>
  );
}

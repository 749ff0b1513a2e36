import { useMatches } from 'react-router';
import { Icon } from '@/components/icon';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { useDocumentTitle } from '@/lib/use-document-title';

export interface ComingSoonHandle {
  comingSoon: { title: string; description: string };
}

function isComingSoonHandle(handle: unknown): handle is ComingSoonHandle {
  return typeof handle === 'object' && handle !== null && 'comingSoon' in handle;
}

/**
 * The honest placeholder for areas that are registered (and guarded) but not built yet. The
 * route's `handle.comingSoon` says what the page will do.
 */
export function ComingSoonPage() {
  const matches = useMatches();
  const { user } = useAuth();
  const handle = [...matches].reverse().find((m) => isComingSoonHandle(m.handle))?.handle as
    | ComingSoonHandle
    | undefined;
  const info = handle?.comingSoon ?? {
    title: 'Coming soon',
    description: 'This part of SkillVerse is being built.',
  };
  useDocumentTitle(info.title);

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <PageHeader title={info.title} description={info.description} />
      <Card className="p-6">
        <p className="inline-flex items-center gap-2 rounded-full bg-amber-50 px-3 py-1 text-sm font-medium text-amber-900 ring-1 ring-amber-200">
          <Icon name="wrench" className="size-4" /> Being built
        </p>
        <p className="mt-4 text-stone-700">
          We’re building this part of SkillVerse right now, so there is nothing to show here yet. Nothing you
          do elsewhere is lost while you wait.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          {user ? (
            <ButtonLink to={paths.dashboard.href()}>Back to your dashboard</ButtonLink>
          ) : (
            <ButtonLink to={paths.signUp.href()}>Create a free account</ButtonLink>
          )}
          <ButtonLink to={paths.home.href()} variant="secondary">
            Home page
          </ButtonLink>
        </div>
      </Card>
    </div>
  );
}

import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/lib/use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <PageHeader
        className="mt-2 justify-center text-center [&>div]:mx-auto"
        title="We couldn’t find that page"
        description="The link may be old or mistyped. Everything on SkillVerse starts from the home page."
      />
      <div className="flex justify-center gap-3">
        <ButtonLink to={paths.home.href()}>Go to the home page</ButtonLink>
        <ButtonLink to={paths.dashboard.href()} variant="secondary">
          Open your dashboard
        </ButtonLink>
      </div>
    </div>
  );
}

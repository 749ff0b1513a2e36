import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/lib/use-document-title';

const copy = {
  educator: {
    title: 'This area is for educators',
    description:
      'Educators create courses and host live sessions. If you would like to teach on SkillVerse, apply to become an educator — an admin reviews every application.',
    action: { to: paths.becomeEducator.href(), label: 'Apply to teach' },
  },
  admin: {
    title: 'This area is for admins',
    description:
      'Only SkillVerse administrators can open this page. If you think you should have access, ask an admin.',
    action: { to: paths.dashboard.href(), label: 'Back to your dashboard' },
  },
} as const;

/** A friendly 403: says whose area this is and what the visitor can do instead. */
export function ForbiddenPage({ area }: { area: 'educator' | 'admin' }) {
  const c = copy[area];
  useDocumentTitle(c.title);
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">403 · No access</p>
      <PageHeader
        className="mt-2 justify-center [&>div]:mx-auto"
        title={c.title}
        description={c.description}
      />
      <div className="flex flex-wrap justify-center gap-3">
        <ButtonLink to={c.action.to}>{c.action.label}</ButtonLink>
        {area === 'educator' ? (
          <ButtonLink to={paths.dashboard.href()} variant="secondary">
            Back to your dashboard
          </ButtonLink>
        ) : null}
      </div>
    </div>
  );
}

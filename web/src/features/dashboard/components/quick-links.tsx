import { Link } from 'react-router-dom';
import { Icon, type IconName } from '@/components/icon';
import { Badge } from '@/components/ui/badge';
import { paths } from '@/config/paths';
import type { Claims } from '@/lib/auth/auth-context';

interface QuickLink {
  to: string;
  title: string;
  description: string;
  icon: IconName;
  ready: boolean;
}

function linksFor(claims: Claims): QuickLink[] {
  const links: QuickLink[] = [
    {
      to: paths.courses.href(),
      title: 'Courses',
      description: 'Learn from video courses.',
      icon: 'book',
      ready: false,
    },
    {
      to: paths.myLearning.href(),
      title: 'My learning',
      description: 'Your courses and progress.',
      icon: 'target',
      ready: false,
    },
    {
      to: paths.liveSessions.href(),
      title: 'Live sessions',
      description: 'Join live classes.',
      icon: 'video',
      ready: false,
    },
    {
      to: paths.skillExchange.href(),
      title: 'Skill exchange',
      description: 'Swap skills one-to-one.',
      icon: 'swap',
      ready: false,
    },
    {
      to: paths.leaderboard.href(),
      title: 'Leaderboard',
      description: 'This week’s top learners.',
      icon: 'trophy',
      ready: false,
    },
    {
      to: paths.achievements.href(),
      title: 'Achievements',
      description: 'Every badge and your progress.',
      icon: 'award',
      ready: false,
    },
    {
      to: paths.certificates.href(),
      title: 'Certificates',
      description: 'Certificates you’ve earned.',
      icon: 'certificate',
      ready: false,
    },
    {
      to: paths.profile.href(),
      title: 'Edit your profile',
      description: 'Skills, interests and availability.',
      icon: 'pencil',
      ready: true,
    },
  ];
  if (claims.educator) {
    links.push({
      to: paths.educator.href(),
      title: 'Educator area',
      description: 'Your courses and sessions.',
      icon: 'mic',
      ready: false,
    });
  } else {
    links.push({
      to: paths.becomeEducator.href(),
      title: 'Teach on SkillVerse',
      description: 'Apply to become an educator.',
      icon: 'mic',
      ready: false,
    });
  }
  if (claims.admin) {
    links.push({
      to: paths.admin.href(),
      title: 'Admin',
      description: 'Run the platform.',
      icon: 'shield',
      ready: false,
    });
  }
  return links;
}

/** Links to every area; the ones still being built say so. */
export function QuickLinks({ claims }: { claims: Claims }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
      {linksFor(claims).map((link) => (
        <li key={link.to}>
          <Link
            to={link.to}
            className="flex h-full items-start gap-3 rounded-xl border border-stone-200 bg-white p-4 hover:border-brand-300 hover:bg-brand-50/40"
          >
            <span className="inline-flex size-9 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-brand-700">
              <Icon name={link.icon} />
            </span>
            <span className="min-w-0">
              <span className="flex flex-wrap items-center gap-2 font-semibold text-stone-900">
                {link.title}
                {link.ready ? null : <Badge tone="warning">Being built</Badge>}
              </span>
              <span className="mt-0.5 block text-sm text-stone-600">{link.description}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

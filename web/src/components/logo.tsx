import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { cn } from '@/lib/cn';

export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={cn('size-7 sm:size-8', className)} aria-hidden="true">
      <rect width="32" height="32" rx="8" className="fill-brand-600" />
      <path
        d="M10 21.5c1.4 1.3 3.4 2 5.8 2 3.3 0 5.7-1.6 5.7-4.2 0-2.3-1.6-3.4-4.8-4.1l-1.6-.4c-1.6-.4-2.2-.9-2.2-1.7 0-1 1-1.7 2.5-1.7 1.5 0 2.7.5 3.6 1.4l1.9-2.2C19.6 9.4 17.8 8.7 15.5 8.7c-3.2 0-5.5 1.7-5.5 4.2 0 2.2 1.5 3.4 4.5 4.1l1.7.4c1.7.4 2.3.9 2.3 1.8 0 1.1-1.1 1.8-2.7 1.8-1.8 0-3.3-.7-4.2-1.7z"
        fill="#fff"
      />
    </svg>
  );
}

/** The SkillVerse logo, linking home. */
export function Logo({ className }: { className?: string }) {
  return (
    <Link
      to={paths.home.href()}
      className={cn(
        'inline-flex shrink-0 items-center gap-2 rounded-lg text-base font-bold tracking-tight text-stone-900 sm:text-lg',
        className,
      )}
    >
      <LogoMark />
      <span>
        Skill<span className="text-brand-700">Verse</span>
      </span>
    </Link>
  );
}

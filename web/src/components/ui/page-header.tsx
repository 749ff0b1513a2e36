import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

/**
 * The page's h1 (focused after each navigation, so screen readers announce the new page), with an
 * optional description and actions.
 */
export function PageHeader({
  title,
  description,
  actions,
  className,
  flush = false,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  className?: string;
  /** No bottom margin (the parent spaces its children). */
  flush?: boolean;
}) {
  return (
    <div className={cn(!flush && 'mb-6', 'flex flex-wrap items-end justify-between gap-4', className)}>
      <div className="min-w-0">
        <h1 tabIndex={-1} className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">
          {title}
        </h1>
        {description ? <p className="mt-1 max-w-2xl text-stone-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}

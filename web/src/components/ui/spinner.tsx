import { cn } from '@/lib/cn';

/** A small spinning ring. Decorative unless `label` is given. */
export function Spinner({ className, label }: { className?: string; label?: string }) {
  return (
    <span className={cn('inline-flex items-center gap-2', className)}>
      <svg
        className="size-4 animate-spin motion-reduce:animate-none"
        viewBox="0 0 24 24"
        fill="none"
        aria-hidden="true"
      >
        <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
        <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      {label ? <span>{label}</span> : null}
    </span>
  );
}

/**
 * A centered loading state for a page or section, announced politely. `onDark` for a dark surface
 * (the video stage): class names are joined, not merged, so a text colour passed in `className`
 * would not reliably override the default one.
 */
export function LoadingState({
  label = 'Loading…',
  className,
  onDark = false,
}: {
  label?: string;
  className?: string;
  onDark?: boolean;
}) {
  return (
    <div
      role="status"
      className={cn('flex justify-center py-12', onDark ? 'text-stone-200' : 'text-stone-600', className)}
    >
      <Spinner label={label} />
    </div>
  );
}

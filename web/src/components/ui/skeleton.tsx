import { cn } from '@/lib/cn';

/** A grey placeholder block while content loads (hidden from assistive tech). */
export function Skeleton({ className }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={cn('animate-pulse rounded-md bg-stone-200 motion-reduce:animate-none', className)}
    />
  );
}

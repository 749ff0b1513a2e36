import { Skeleton } from '@/components/ui/skeleton';

const ROWS = ['one', 'two', 'three', 'four', 'five'];

/** Placeholder rows while a dashboard card loads (hidden from assistive tech). */
export function RowsSkeleton({ rows = 3, className = 'h-14' }: { rows?: number; className?: string }) {
  return (
    <div className="flex flex-col gap-3" aria-hidden="true">
      {ROWS.slice(0, rows).map((row) => (
        <Skeleton key={row} className={className} />
      ))}
    </div>
  );
}

import { cn } from '@/lib/cn';

/** Five stars filled to `value` (0–5), hidden from assistive tech: put the number in text next to it. */
export function RatingStars({ value, className }: { value: number; className?: string }) {
  const pct = Math.max(0, Math.min(100, (value / 5) * 100));
  const row = (
    <>
      {[0, 1, 2, 3, 4].map((i) => (
        <svg key={i} viewBox="0 0 24 24" className="size-4 shrink-0" aria-hidden="true">
          <path
            fill="currentColor"
            d="m12 2 3.09 6.26L22 9.27l-5 4.87 1.18 6.88L12 17.77l-6.18 3.25L7 14.14 2 9.27l6.91-1.01L12 2z"
          />
        </svg>
      ))}
    </>
  );
  return (
    <span aria-hidden="true" className={cn('relative inline-flex', className)}>
      <span className="flex text-stone-300">{row}</span>
      <span className="absolute inset-0 flex overflow-hidden text-amber-500" style={{ width: `${pct}%` }}>
        {row}
      </span>
    </span>
  );
}

/** "★★★★☆ 4.6 (12 ratings)" with a readable text for screen readers. */
export function RatingSummary({
  average,
  count,
  className,
}: {
  average: number;
  count: number;
  className?: string;
}) {
  if (count === 0) {
    return <span className={cn('text-sm text-stone-600', className)}>No ratings yet</span>;
  }
  return (
    <span className={cn('inline-flex items-center gap-1.5 text-sm', className)}>
      <RatingStars value={average} />
      <span className="font-semibold text-stone-900">{average.toFixed(1)}</span>
      <span className="text-stone-600">
        ({count} {count === 1 ? 'rating' : 'ratings'})
      </span>
      <span className="sr-only">out of 5</span>
    </span>
  );
}

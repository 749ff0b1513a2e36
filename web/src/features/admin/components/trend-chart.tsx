import { useId } from 'react';
import { cn } from '@/lib/cn';
import { describeSeries, formatDay, geometry, type Point } from '../utils/chart';

const W = 320;
const H = 96;

/**
 * A small hand-drawn SVG chart (bars or a line with its area) with an accessible name, a one-line
 * summary, and the figures in a visually hidden table for screen readers.
 */
export function TrendChart({
  title,
  points,
  kind = 'bar',
  format = (n) => n.toLocaleString('en-US'),
  cumulative = false,
  className,
}: {
  title: string;
  points: Point[];
  kind?: 'bar' | 'line';
  format?: (n: number) => string;
  /** The figure is a running level (e.g. active learners), not a daily amount to sum. */
  cumulative?: boolean;
  className?: string;
}) {
  const id = useId();
  const g = geometry(
    points.map((p) => p.value),
    W,
    H,
  );
  const summary = describeSeries(points, format, cumulative);
  const latest = points.at(-1);
  return (
    <figure aria-labelledby={`${id}-title`} className={cn('flex min-w-0 flex-col gap-2', className)}>
      <div className="flex items-baseline justify-between gap-2">
        <figcaption id={`${id}-title`} className="text-sm font-semibold text-stone-900">
          {title}
        </figcaption>
        {latest ? (
          <span className="text-xs text-stone-600">
            {formatDay(latest.day)}:{' '}
            <span className="font-semibold text-stone-900">{format(latest.value)}</span>
          </span>
        ) : null}
      </div>
      <svg
        viewBox={`0 0 ${W} ${H + 14}`}
        role="img"
        aria-label={`${title}. ${summary}`}
        className="h-auto w-full overflow-visible text-brand-600"
        preserveAspectRatio="none"
      >
        <line x1="0" x2={W} y1={H} y2={H} className="stroke-stone-300" strokeWidth="1" />
        <line x1="0" x2={W} y1="0" y2="0" className="stroke-stone-100" strokeWidth="1" />
        <text x="0" y={H + 12} className="fill-stone-500 text-[9px]">
          {points[0] ? formatDay(points[0].day) : ''}
        </text>
        <text x={W} y={H + 12} textAnchor="end" className="fill-stone-500 text-[9px]">
          {latest ? formatDay(latest.day) : ''}
        </text>
        <text x="2" y="9" className="fill-stone-500 text-[9px]">
          {format(g.top)}
        </text>
        {kind === 'bar' ? (
          g.points.map((p, i) => (
            <rect
              key={points[i]?.day ?? i}
              x={p.barX}
              y={p.y}
              width={p.barW}
              height={Math.max(p.h, p.h > 0 ? 1 : 0)}
              rx="1"
              className="fill-current"
            />
          ))
        ) : (
          <>
            <polygon points={g.area} className="fill-current opacity-15" />
            <polyline
              points={g.line}
              fill="none"
              className="stroke-current"
              strokeWidth="2"
              strokeLinejoin="round"
              vectorEffect="non-scaling-stroke"
            />
          </>
        )}
      </svg>
      <p className="text-xs text-stone-600">{summary}</p>
      <table className="sr-only">
        <caption>{title}, by day (UTC)</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">{title}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.day}>
              <th scope="row">{formatDay(p.day)}</th>
              <td>{format(p.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

import { type HeatLevel, heatCellTitle, heatmapGrid, heatmapSummary } from '@skillverse/domain/activity';
import { useId, useMemo } from 'react';
import { cn } from '@/lib/cn';

const LEVEL_CLASSES: Record<HeatLevel, string> = {
  0: 'bg-stone-100 ring-1 ring-inset ring-stone-200',
  1: 'bg-brand-200',
  2: 'bg-brand-400',
  3: 'bg-brand-600',
  4: 'bg-brand-800',
};

const DAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * A calendar heat-map of learning activity: one column per week (Monday at the top), darker for
 * more points, today outlined. Screen readers get a one-sentence summary; each cell has a title.
 */
export function ActivityHeatmap({
  days,
  today,
  weeks = 16,
  className,
}: {
  days: Record<string, number>;
  /** The user's local day ('YYYY-MM-DD'). */
  today: string;
  weeks?: number;
  className?: string;
}) {
  const grid = useMemo(() => heatmapGrid(days, today, weeks), [days, today, weeks]);
  const summary = heatmapSummary(grid);
  const summaryId = useId();
  return (
    <figure className={cn('flex flex-col gap-2', className)}>
      <div className="overflow-x-auto pb-1">
        <div
          role="img"
          aria-label={`Learning activity, last ${grid.weeks.length} weeks, today outlined`}
          aria-describedby={summaryId}
          className="inline-grid grid-flow-col gap-1 text-[0.6875rem]"
        >
          {/* Day names down the left. */}
          <div className="grid grid-rows-[1rem_repeat(7,0.875rem)] gap-1 pr-1 text-stone-600">
            <span />
            {DAY_LABELS.map((label, i) => (
              // Every other day is named, as on a paper calendar strip.
              <span key={label} className="leading-[0.875rem]">
                {i % 2 === 0 && i < 6 ? label : ''}
              </span>
            ))}
          </div>
          {grid.weeks.map((week) => (
            <div key={week.start} className="grid grid-rows-[1rem_repeat(7,0.875rem)] gap-1">
              <span className="w-3.5 overflow-visible whitespace-nowrap text-stone-600">
                {week.monthLabel ?? ''}
              </span>
              {week.cells.map((cell) => (
                <span
                  key={cell.day}
                  title={heatCellTitle(cell)}
                  data-day={cell.day}
                  data-level={cell.level}
                  className={cn(
                    'size-3.5 rounded-[3px]',
                    cell.isFuture ? 'bg-transparent' : LEVEL_CLASSES[cell.level],
                    cell.isToday && 'outline-2 outline-offset-1 outline-amber-500',
                  )}
                />
              ))}
            </div>
          ))}
        </div>
      </div>
      <figcaption className="flex flex-wrap items-center justify-between gap-2 text-xs text-stone-600">
        <span id={summaryId}>{summary}</span>
        <span className="flex items-center gap-1" aria-hidden="true">
          Less
          {([0, 1, 2, 3, 4] as const).map((level) => (
            <span key={level} className={cn('size-3 rounded-[3px]', LEVEL_CLASSES[level])} />
          ))}
          More
        </span>
      </figcaption>
    </figure>
  );
}

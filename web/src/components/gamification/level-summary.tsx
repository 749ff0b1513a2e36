import { LEVELS, levelForPoints } from '@skillverse/domain/gamification';
import { ProgressBar } from '@/components/ui/progress-bar';

const number = new Intl.NumberFormat();

/** Level name and number, points, and a progress bar to the next level. */
export function LevelSummary({ points, compact = false }: { points: number; compact?: boolean }) {
  const info = levelForPoints(points);
  const next = LEVELS.find((l) => l.level === info.level + 1);
  const toGo = info.nextMin === null ? 0 : info.nextMin - points;
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-semibold text-stone-900">
          Level {info.level} · {info.name}
        </p>
        <p className="text-sm text-stone-600">{number.format(points)} points</p>
      </div>
      <ProgressBar
        className="mt-2"
        value={info.progress}
        label={`Progress to level ${info.level + 1}`}
        valueText={
          next ? `${number.format(toGo)} points to level ${next.level}, ${next.name}` : 'Top level reached'
        }
      />
      {compact ? null : (
        <p className="mt-2 text-sm text-stone-600">
          {next
            ? `${number.format(toGo)} more points to reach level ${next.level}, ${next.name}.`
            : 'You’ve reached the top level. Keep going for the leaderboard!'}
        </p>
      )}
    </div>
  );
}

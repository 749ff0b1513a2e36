import { Icon } from '@/components/icon';
import { Button } from '@/components/ui/button';

/** Where the lecture sits in the course, its title, and (for learners) marking it complete. */
export function LectureHeader({
  index,
  total,
  title,
  enrolled,
  isDone,
  completing,
  canWrite,
  mayComplete,
  observedSeconds,
  requiredSeconds,
  notYet,
  onComplete,
}: {
  index: number;
  total: number;
  title: string;
  enrolled: boolean;
  isDone: boolean;
  completing: boolean;
  canWrite: boolean;
  /** The server observed enough watching/reading (domain/watch-time) to complete it. */
  mayComplete: boolean;
  observedSeconds: number;
  requiredSeconds: number | null;
  /** What is still needed, e.g. "Watch at least 4 of 5 minutes first." */
  notYet: string;
  onComplete: () => void;
}) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div>
        <p className="text-sm text-stone-600">
          Lecture {index + 1} of {total}
        </p>
        <h1 tabIndex={-1} className="text-2xl font-bold tracking-tight text-stone-900">
          {title}
        </h1>
      </div>
      {enrolled ? (
        isDone ? (
          <span className="inline-flex h-10 items-center gap-2 rounded-lg bg-emerald-50 px-4 text-sm font-semibold text-emerald-800 ring-1 ring-emerald-200">
            <Icon name="check" className="size-4" /> Completed
          </span>
        ) : mayComplete ? (
          <Button onClick={onComplete} loading={completing} disabled={!canWrite}>
            Mark complete
          </Button>
        ) : (
          <div className="max-w-xs text-right text-sm text-stone-600" data-testid="watch-progress">
            <p role="status" aria-live="polite">
              {notYet}
            </p>
            {requiredSeconds ? (
              <p className="mt-1 text-xs text-stone-500">
                Observed so far: {formatSeconds(Math.min(observedSeconds, requiredSeconds))} of{' '}
                {formatSeconds(requiredSeconds)}
              </p>
            ) : null}
          </div>
        )
      ) : null}
    </div>
  );
}

function formatSeconds(s: number): string {
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest ? `${m} min ${rest} s` : `${m} min`;
}

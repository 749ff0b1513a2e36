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
  onComplete,
}: {
  index: number;
  total: number;
  title: string;
  enrolled: boolean;
  isDone: boolean;
  completing: boolean;
  canWrite: boolean;
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
        ) : (
          <Button onClick={onComplete} loading={completing} disabled={!canWrite}>
            Mark complete
          </Button>
        )
      ) : null}
    </div>
  );
}

import { Link } from 'react-router';
import { ProgressBar } from '@/components/ui/progress-bar';
import { paths } from '@/config/paths';

/** Back to the course, and the learner's progress (or who is previewing: nothing is recorded). */
export function PlayerTopBar({
  courseId,
  courseTitle,
  enrolled,
  progress,
  isInstructor,
}: {
  courseId: string;
  courseTitle: string;
  enrolled: boolean;
  progress: number;
  isInstructor: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <Link to={paths.course.href(courseId)} className="text-sm font-medium text-brand-700 hover:underline">
        ← {courseTitle}
      </Link>
      {enrolled ? (
        <div className="flex w-full items-center gap-3 sm:w-72">
          <ProgressBar value={progress / 100} label="Course progress" />
          <span className="shrink-0 text-sm font-medium text-stone-700">{progress}%</span>
        </div>
      ) : (
        <span className="text-sm text-stone-600">
          {isInstructor ? 'Instructor preview' : 'Admin preview'}: progress is not recorded.
        </span>
      )}
    </div>
  );
}

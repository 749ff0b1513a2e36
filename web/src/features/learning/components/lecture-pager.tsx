import { ButtonLink } from '@/components/ui/button';
import { paths } from '@/config/paths';

interface LectureLink {
  id: string;
  title: string;
}

/** Previous and next lecture in course order. */
export function LecturePager({
  courseId,
  previous,
  next,
}: {
  courseId: string;
  previous: LectureLink | null;
  next: LectureLink | null;
}) {
  return (
    <div className="flex flex-wrap justify-between gap-2 border-t border-stone-200 pt-4">
      {previous ? (
        <ButtonLink to={paths.lecture.href(courseId, previous.id)} variant="secondary">
          ← Previous<span className="sr-only">: {previous.title}</span>
        </ButtonLink>
      ) : (
        <span />
      )}
      {next ? (
        <ButtonLink to={paths.lecture.href(courseId, next.id)}>
          Next<span className="sr-only">: {next.title}</span> →
        </ButtonLink>
      ) : null}
    </div>
  );
}

import { formatDuration } from '@skillverse/domain/catalog';
import type { Lecture } from '@skillverse/domain/models';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { cn } from '@/lib/cn';
import type { CourseDoc } from '@/lib/data/courses';

/** The course's lectures by section, with a tick for each completed one and the current one marked. */
export function LectureList({
  course,
  lectures,
  currentId,
  completedIds,
}: {
  course: CourseDoc;
  lectures: Lecture[];
  currentId: string;
  completedIds: readonly string[];
}) {
  const done = new Set(completedIds);
  const sections = course.sections.length
    ? course.sections
    : [{ id: '', title: 'Lectures', order: 0, lectures: [], lectureIds: lectures.map((l) => l.id) }];
  const bySection = (sectionId: string) =>
    lectures.filter((l) => (sectionId ? l.sectionId === sectionId : true)).sort((a, b) => a.order - b.order);
  const placed = new Set(sections.flatMap((s) => bySection(s.id).map((l) => l.id)));
  const orphans = lectures.filter((l) => !placed.has(l.id));

  const renderLecture = (l: Lecture) => {
    const current = l.id === currentId;
    const complete = done.has(l.id);
    return (
      <li key={l.id}>
        <Link
          to={paths.lecture.href(course.id, l.id)}
          aria-current={current ? 'page' : undefined}
          className={cn(
            'flex items-start gap-2.5 rounded-lg px-3 py-2 text-sm',
            current ? 'bg-brand-50 font-semibold text-brand-900' : 'text-stone-800 hover:bg-stone-100',
          )}
        >
          <span
            aria-hidden="true"
            className={cn(
              'mt-0.5 inline-flex size-4 shrink-0 items-center justify-center rounded-full ring-1',
              complete ? 'bg-emerald-600 text-white ring-emerald-600' : 'ring-stone-400',
            )}
          >
            {complete ? (
              <svg viewBox="0 0 20 20" className="size-3" aria-hidden="true">
                <path
                  d="M5 10.5l3 3 7-7"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2.5"
                  strokeLinecap="round"
                />
              </svg>
            ) : null}
          </span>
          <span className="min-w-0 flex-1">
            {l.title}
            <span className="sr-only">{complete ? ' (completed)' : ' (not completed)'}</span>
          </span>
          {l.durationSec > 0 ? (
            <span className="shrink-0 text-xs font-normal text-stone-600">
              {formatDuration(l.durationSec)}
            </span>
          ) : null}
        </Link>
      </li>
    );
  };

  return (
    <nav aria-label="Lectures">
      <ol className="flex flex-col gap-4">
        {sections.map((s) => (
          <li key={s.id || 'all'}>
            <h3 className="px-3 text-xs font-semibold tracking-wide text-stone-600 uppercase">{s.title}</h3>
            <ol className="mt-1 flex flex-col gap-0.5">{bySection(s.id).map(renderLecture)}</ol>
          </li>
        ))}
        {orphans.length > 0 ? (
          <li>
            <h3 className="px-3 text-xs font-semibold tracking-wide text-stone-600 uppercase">More</h3>
            <ol className="mt-1 flex flex-col gap-0.5">{orphans.map(renderLecture)}</ol>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}

import { formatDuration } from '@skillverse/domain/catalog';
import type { Lecture } from '@skillverse/domain/models';
import { lazy, Suspense, useState } from 'react';
import { Icon } from '@/components/icon';
import { Badge } from '@/components/ui/badge';
import type { CourseDoc, OutlineLecture } from '@/lib/data/courses';

// The player (its dialog and the video-link parser) loads when someone opens a preview: the course
// page's first paint, which search and shared links land on, does without it.
const VideoPlayerDialog = lazy(() =>
  import('./video-player-dialog').then((m) => ({ default: m.VideoPlayerDialog })),
);

interface Row {
  id: string;
  title: string | null;
  durationSec: number | null;
  preview: boolean;
  videoUrl: string | null;
}

/**
 * Sections and their lectures. Titles come from the outline on the course document, or from the
 * lectures this person may read (all of them once enrolled, the free previews otherwise).
 */
export function CourseOutline({ course, lectures }: { course: CourseDoc; lectures: Lecture[] }) {
  const [playing, setPlaying] = useState<Row | null>(null);
  // The last preview opened: the dialog stays mounted once loaded, so closing it returns focus to
  // the Watch button that opened it.
  const [shown, setShown] = useState<Row | null>(null);
  const play = (row: Row) => {
    setShown(row);
    setPlaying(row);
  };
  const byId = new Map(lectures.map((l) => [l.id, l]));
  let number = 0;

  const rowFor = (id: string, summary: OutlineLecture | undefined): Row => {
    const lecture = byId.get(id);
    return {
      id,
      title: lecture?.title ?? summary?.title ?? null,
      durationSec: lecture?.durationSec ?? summary?.durationSec ?? null,
      preview: lecture?.preview ?? summary?.preview ?? false,
      videoUrl: lecture?.videoUrl ?? null,
    };
  };

  if (course.sections.length === 0) {
    return <p className="text-stone-700">The outline for this course isn’t ready yet.</p>;
  }

  return (
    <>
      <ol className="flex flex-col gap-4">
        {course.sections.map((section) => {
          const summaries = new Map(section.lectures.map((l) => [l.id, l]));
          const rows = (section.lectureIds ?? []).map((id) => rowFor(id, summaries.get(id)));
          const total = rows.reduce((sum, r) => sum + (r.durationSec ?? 0), 0);
          return (
            <li key={section.id} className="overflow-hidden rounded-xl border border-stone-200 bg-white">
              <div className="flex flex-wrap items-baseline justify-between gap-2 bg-stone-50 px-4 py-3">
                <h3 className="font-semibold text-stone-900">{section.title || 'Untitled section'}</h3>
                <span className="text-sm text-stone-600">
                  {rows.length} {rows.length === 1 ? 'lecture' : 'lectures'}
                  {total > 0 ? ` · ${formatDuration(total)}` : ''}
                </span>
              </div>
              <ol className="divide-y divide-stone-100">
                {rows.map((row) => {
                  number += 1;
                  const playable = row.preview && byId.has(row.id);
                  return (
                    <li key={row.id} className="flex items-center gap-3 px-4 py-2.5 text-sm">
                      <Icon
                        name={playable ? 'video' : 'book'}
                        className={playable ? 'size-4 text-brand-700' : 'size-4 text-stone-400'}
                      />
                      <span className="min-w-0 flex-1 text-stone-800">
                        {row.title ?? `Lecture ${number}`}
                        {!row.preview && !byId.has(row.id) ? (
                          <span className="sr-only"> (enrol to watch)</span>
                        ) : null}
                      </span>
                      {row.preview ? <Badge tone="success">Preview</Badge> : null}
                      {playable ? (
                        <button
                          type="button"
                          onClick={() => play(row)}
                          className="rounded-md px-2 py-1 font-medium text-brand-700 hover:bg-brand-50"
                        >
                          Watch<span className="sr-only"> preview: {row.title}</span>
                        </button>
                      ) : null}
                      {row.durationSec !== null ? (
                        <span className="w-16 text-right text-stone-600 tabular-nums">
                          {formatDuration(row.durationSec)}
                        </span>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            </li>
          );
        })}
      </ol>
      {shown ? (
        <Suspense fallback={null}>
          <VideoPlayerDialog
            open={playing !== null}
            onClose={() => setPlaying(null)}
            title={shown.title ?? 'Preview'}
            videoUrl={shown.videoUrl}
          />
        </Suspense>
      ) : null}
    </>
  );
}

import { formatDuration, LEVEL_LABELS, orderLectures } from '@skillverse/domain/catalog';
import { formatPrice } from '@skillverse/domain/courses-api';
import { CourseThumbnail } from '@/components/courses/course-thumbnail';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { friendlyError } from '@/lib/errors';
import type { CourseDoc } from '@/lib/data/courses';
import { useLectures } from '@/lib/data/lectures';

/** What an admin checks before publishing: details, outline and every lecture's content. */
export function CourseReviewPanel({ course }: { course: CourseDoc }) {
  const lectures = useLectures(course.id);
  const ordered = orderLectures(lectures.data ?? [], course.sections);
  const sectionTitle = new Map(course.sections.map((s) => [s.id, s.title]));

  return (
    <Card>
      <CardHeader
        title={course.title}
        description={`${course.instructorName || 'Instructor'} · ${course.category} · ${LEVEL_LABELS[course.level]} · ${formatPrice(course.price, course.currency)}`}
      />
      <CardBody className="flex flex-col gap-5">
        <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
          <CourseThumbnail src={course.thumbnailUrl} className="rounded-lg ring-1 ring-stone-200" />
          <div>
            <p className="whitespace-pre-line text-sm text-stone-800">{course.description}</p>
            {course.tags.length ? (
              <p className="mt-2 flex flex-wrap gap-1.5">
                {course.tags.map((t) => (
                  <Badge key={t}>{t}</Badge>
                ))}
              </p>
            ) : null}
          </div>
        </div>
        <section aria-label="Lectures">
          <h3 className="font-semibold text-stone-900">
            {course.sections.length} {course.sections.length === 1 ? 'section' : 'sections'}, {ordered.length}{' '}
            {ordered.length === 1 ? 'lecture' : 'lectures'}
          </h3>
          {lectures.isPending ? (
            <Skeleton className="mt-2 h-32" />
          ) : lectures.error && !lectures.data ? (
            <Alert tone="error" className="mt-2">
              {friendlyError(lectures.error)}
            </Alert>
          ) : (
            <ol className="mt-2 flex flex-col gap-2">
              {ordered.map((l, i) => (
                <li key={l.id} className="rounded-lg ring-1 ring-stone-200">
                  <details>
                    <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2 text-sm">
                      <span className="font-medium text-stone-900">
                        {i + 1}. {l.title}
                      </span>
                      <span className="text-stone-600">
                        in {sectionTitle.get(l.sectionId) ?? 'no section'}
                      </span>
                      {l.preview ? <Badge tone="success">Preview</Badge> : null}
                      <span className="ml-auto text-stone-600">{formatDuration(l.durationSec)}</span>
                    </summary>
                    <div className="flex flex-col gap-2 border-t border-stone-100 px-3 py-3 text-sm">
                      {l.videoUrl ? (
                        <a
                          href={l.videoUrl}
                          target="_blank"
                          rel="noopener noreferrer"
                          className="break-all text-brand-700 underline"
                        >
                          {l.videoUrl}
                        </a>
                      ) : (
                        <span className="text-stone-600">No video (text only)</span>
                      )}
                      {l.body ? <p className="whitespace-pre-line text-stone-800">{l.body}</p> : null}
                      {l.resources.length ? (
                        <ul className="list-disc pl-5">
                          {l.resources.map((r) => (
                            <li key={r.url}>
                              {r.title}: <span className="break-all">{r.url}</span>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </div>
                  </details>
                </li>
              ))}
            </ol>
          )}
        </section>
      </CardBody>
    </Card>
  );
}

import { useState } from 'react';
import { LoadError } from '@/components/ui/load-error';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { cn } from '@/lib/cn';
import { friendlyError } from '@/lib/errors';
import { formatRelativeTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePendingCourses } from '../api/get-pending-courses';
import { useModerateCourse } from '../api/moderate-course';
import { CourseReviewPanel } from '../components/course-review-panel';
import { FeaturedCoursesPanel } from '../components/featured-courses-panel';
import { RejectDialog } from '../components/reject-dialog';
import { RevisionQueue } from '../components/revision-queue';

/**
 * /admin/courses — the review queue: preview a submitted course, publish it or reject it with a
 * reason; below it, the revisions of live courses' lectures and quizzes (issue 15), then the
 * published courses to feature on the home page.
 */
export function AdminCoursesPage() {
  useDocumentTitle('Course moderation');
  const queue = usePendingCourses();
  const moderate = useModerateCourse();
  const { toast } = useToast();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const items = queue.data ?? [];
  const selected = items.find((c) => c.id === selectedId) ?? items[0] ?? null;

  const publish = () => {
    if (!selected) return;
    moderate.mutate(
      { courseId: selected.id, action: 'publish' },
      {
        onSuccess: () =>
          toast({ title: 'Course published', description: `“${selected.title}” is now in the catalogue.` }),
        onError: (error) =>
          toast({ title: 'We couldn’t publish it', description: friendlyError(error), tone: 'error' }),
      },
    );
  };

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Course moderation"
        description="Courses submitted for review, oldest first; then the courses featured on the home page."
      />
      {queue.isPending ? (
        <Skeleton className="h-64" />
      ) : queue.error && !queue.data ? (
        <LoadError
          title="We couldn’t load the queue"
          error={queue.error}
          onRetry={() => void queue.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState
          icon="check"
          title="Nothing to review"
          description="New submissions will appear here as they arrive."
        />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
          <Card className="self-start overflow-hidden">
            <h2 className="border-b border-stone-100 px-4 py-3 text-sm font-semibold text-stone-900">
              Waiting for review ({items.length})
            </h2>
            <ul className="divide-y divide-stone-100">
              {items.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    aria-current={selected?.id === c.id ? 'true' : undefined}
                    onClick={() => setSelectedId(c.id)}
                    className={cn(
                      'block w-full px-4 py-3 text-left text-sm hover:bg-stone-50',
                      selected?.id === c.id && 'bg-brand-50',
                    )}
                  >
                    <span className="block font-medium text-stone-900">{c.title}</span>
                    <span className="text-stone-600">
                      {c.instructorName || 'Instructor'} · submitted {formatRelativeTime(c.updatedAt)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </Card>
          {selected ? (
            <div className="flex min-w-0 flex-col gap-4">
              <div className="flex flex-wrap gap-2">
                <Button
                  onClick={publish}
                  loading={moderate.isPending && moderate.variables?.action === 'publish'}
                  disabled={moderate.isPending}
                >
                  Publish
                </Button>
                <Button variant="danger" onClick={() => setRejecting(true)} disabled={moderate.isPending}>
                  Reject…
                </Button>
              </div>
              <CourseReviewPanel key={selected.id} course={selected} />
              <RejectDialog
                key={selected.id}
                open={rejecting}
                courseTitle={selected.title}
                pending={moderate.isPending}
                error={moderate.variables?.action === 'reject' ? moderate.error : null}
                onClose={() => setRejecting(false)}
                onReject={(reason) =>
                  moderate.mutate(
                    { courseId: selected.id, action: 'reject', reason },
                    {
                      onSuccess: () => {
                        setRejecting(false);
                        toast({ title: 'Course rejected', description: 'The instructor has your reason.' });
                      },
                    },
                  )
                }
              />
            </div>
          ) : null}
        </div>
      )}
      <RevisionQueue />
      <FeaturedCoursesPanel />
    </div>
  );
}

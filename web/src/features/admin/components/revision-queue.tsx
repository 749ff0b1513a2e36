import { formatDuration } from '@skillverse/domain/catalog';
import { describeRevision } from '@skillverse/domain/course-revisions';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { LoadError } from '@/components/ui/load-error';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { cn } from '@/lib/cn';
import { useCourse } from '@/lib/data/courses';
import { useLectures } from '@/lib/data/lectures';
import { type RevisionDoc, usePendingRevisions } from '@/lib/data/revisions';
import { friendlyError } from '@/lib/errors';
import { formatRelativeTime } from '@/lib/format';
import { useModerateRevision } from '../api/moderate-revision';
import { RejectDialog } from './reject-dialog';

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  videoUrl: 'Video link',
  videoPath: 'Uploaded video',
  durationSec: 'Length',
  preview: 'Free preview',
  body: 'Text',
  resources: 'Resources',
  quizId: 'Quiz',
  questions: 'Questions',
  passingScore: 'Pass mark',
  lectureId: 'After lecture',
  attemptLimit: 'Attempts',
  timeLimitMinutes: 'Time limit',
  shuffle: 'Shuffle',
  showCorrectness: 'Show correctness',
  sectionId: 'Section',
  order: 'Position',
};

function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'durationSec' && typeof value === 'number') return formatDuration(value);
  if (field === 'passingScore') return `${String(value)} %`;
  if (field === 'timeLimitMinutes') return `${String(value)} min`;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (field === 'questions' && Array.isArray(value)) {
    return value
      .map((q, i) => {
        const r = q as { prompt?: unknown; options?: unknown };
        const options = Array.isArray(r.options) ? r.options.join(' / ') : '';
        return `${i + 1}. ${String(r.prompt ?? '')} (${options})`;
      })
      .join('\n');
  }
  if (field === 'resources' && Array.isArray(value)) {
    return value.map((r) => String((r as { url?: unknown }).url ?? '')).join('\n') || '—';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What the revision changes: the new values, beside the approved ones for a change. */
function RevisionDetails({ revision }: { revision: RevisionDoc }) {
  const course = useCourse(revision.courseId);
  const lectures = useLectures(revision.kind === 'lecture' ? revision.courseId : undefined);
  const current = (lectures.data ?? []).find((l) => l.id === revision.itemId) as
    | Record<string, unknown>
    | undefined;
  const fields = Object.keys(revision.changes).filter((f) => f in FIELD_LABELS && f !== 'order');
  return (
    <Card>
      <CardHeader
        as="h3"
        title={describeRevision(revision.kind, revision.op, revision.title)}
        description={`In “${course.data?.title ?? 'a course'}” · submitted ${formatRelativeTime(revision.updatedAt ?? revision.createdAt)}`}
      />
      <CardBody className="flex flex-col gap-3 text-sm">
        {revision.op === 'remove' ? (
          <p>
            The educator asks to remove this {revision.kind} from the live course. Learners who completed it
            keep what they earned; it no longer counts for completion.
          </p>
        ) : fields.length === 0 ? (
          <p>The answer key changes (the answers are not shown to learners).</p>
        ) : (
          <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[10rem_1fr]">
            {fields.map((f) => (
              <div key={f} className="contents">
                <dt className="font-medium text-stone-700">{FIELD_LABELS[f]}</dt>
                <dd className="whitespace-pre-line break-words text-stone-900">
                  {f === 'sectionId'
                    ? (course.data?.sections.find((x) => x.id === revision.changes[f])?.title ??
                      show(f, revision.changes[f]))
                    : show(f, revision.changes[f])}
                  {revision.op === 'change' && current && f in current ? (
                    <span className="block text-xs text-stone-600">Approved now: {show(f, current[f])}</span>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </CardBody>
    </Card>
  );
}

/**
 * The second half of the moderation queue (issue 15): new, changed or removed lectures and quizzes
 * of live courses. Approving applies the revision for learners; rejecting sends the reason.
 */
export function RevisionQueue() {
  const queue = usePendingRevisions();
  const moderate = useModerateRevision();
  const { toast } = useToast();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const items = queue.data ?? [];
  const key = (r: RevisionDoc) => `${r.courseId}/${r.id}`;
  const selected = items.find((r) => key(r) === selectedId) ?? items[0] ?? null;

  const approve = () => {
    if (!selected) return;
    moderate.mutate(
      { courseId: selected.courseId, revisionId: selected.id, action: 'approve' },
      {
        onSuccess: () =>
          toast({
            title: 'Change approved',
            description: `${describeRevision(selected.kind, selected.op, selected.title)} is live for learners.`,
          }),
        onError: (error) =>
          toast({ title: 'We couldn’t approve it', description: friendlyError(error), tone: 'error' }),
      },
    );
  };

  return (
    <section aria-labelledby="revisions-heading" className="mt-10">
      <h2 id="revisions-heading" className="mb-1 text-lg font-semibold text-stone-900">
        Changes to live courses
      </h2>
      <p className="mb-4 text-sm text-stone-600">
        New, changed or removed lectures and quizzes of published courses. Learners see them, and can earn
        from them, only after you approve.
      </p>
      {queue.isPending ? (
        <Skeleton className="h-32" />
      ) : queue.error && !queue.data ? (
        <LoadError
          title="We couldn’t load the changes"
          error={queue.error}
          onRetry={() => void queue.refetch()}
        />
      ) : items.length === 0 ? (
        <Alert tone="success">No changes to live courses are waiting.</Alert>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
          <Card className="self-start overflow-hidden">
            <h3 className="border-b border-stone-100 px-4 py-3 text-sm font-semibold text-stone-900">
              Changes waiting ({items.length})
            </h3>
            <ul className="divide-y divide-stone-100">
              {items.map((r) => (
                <li key={key(r)}>
                  <button
                    type="button"
                    aria-current={selected && key(selected) === key(r) ? 'true' : undefined}
                    onClick={() => setSelectedId(key(r))}
                    className={cn(
                      'block w-full px-4 py-3 text-left text-sm hover:bg-stone-50',
                      selected && key(selected) === key(r) && 'bg-brand-50',
                    )}
                  >
                    <span className="block font-medium text-stone-900">
                      {describeRevision(r.kind, r.op, r.title)}
                    </span>
                    <span className="text-stone-600">
                      <Badge tone="warning">Revision</Badge> submitted{' '}
                      {formatRelativeTime(r.updatedAt ?? r.createdAt)}
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
                  onClick={approve}
                  loading={moderate.isPending && moderate.variables?.action === 'approve'}
                  disabled={moderate.isPending}
                >
                  Approve change
                </Button>
                <Button variant="danger" onClick={() => setRejecting(true)} disabled={moderate.isPending}>
                  Reject change…
                </Button>
              </div>
              <RevisionDetails key={key(selected)} revision={selected} />
              <RejectDialog
                key={`reject-${key(selected)}`}
                open={rejecting}
                courseTitle={describeRevision(selected.kind, selected.op, selected.title)}
                pending={moderate.isPending}
                error={moderate.variables?.action === 'reject' ? moderate.error : null}
                onClose={() => setRejecting(false)}
                onReject={(reason) =>
                  moderate.mutate(
                    { courseId: selected.courseId, revisionId: selected.id, action: 'reject', reason },
                    {
                      onSuccess: () => {
                        setRejecting(false);
                        toast({ title: 'Change rejected', description: 'The educator has your reason.' });
                      },
                    },
                  )
                }
              />
            </div>
          ) : null}
        </div>
      )}
    </section>
  );
}

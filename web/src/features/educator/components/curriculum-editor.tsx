import { formatDuration, orderLectures } from '@skillverse/domain/catalog';
import { splitEdit } from '@skillverse/domain/course-revisions';
import type { Lecture } from '@skillverse/domain/models';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { friendlyError } from '@/lib/errors';
import type { CourseDoc } from '@/lib/data/courses';
import { newLectureId } from '@/lib/data/lectures';
import type { RevisionDoc } from '@/lib/data/revisions';
import { type EditorSection, type LectureChange, useSaveOutline } from '../api/save-outline';
import { useWithdrawRevision } from '../api/save-revision';
import { RevisionStatus } from './revision-status';
import { type LectureData, move, sectionTitleSchema } from '../utils/course-schema';
import { LectureDialog } from './lecture-dialog';

function sectionsOf(course: CourseDoc, lectures: Lecture[]): EditorSection[] {
  const known = new Set(lectures.map((l) => l.id));
  return course.sections.map((s) => ({
    id: s.id,
    title: s.title,
    lectureIds: (s.lectureIds ?? []).filter((id) => known.has(id)),
  }));
}

function SectionTitleForm({
  initial,
  submitLabel,
  label,
  onSubmit,
  onCancel,
  pending,
}: {
  initial: string;
  submitLabel: string;
  label: string;
  onSubmit: (title: string) => void;
  onCancel?: () => void;
  pending: boolean;
}) {
  const [title, setTitle] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = sectionTitleSchema.safeParse(title);
    if (!result.success) {
      setError(result.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    onSubmit(result.data);
    if (!onCancel) setTitle('');
  };
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-2">
      <Field label={label} error={error} className="min-w-48 flex-1">
        <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
      </Field>
      <div className="flex gap-2 sm:mt-7">
        <Button type="submit" variant="secondary" loading={pending}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/**
 * Sections and their lectures: add, rename, reorder and delete; each action saves at once. On a
 * live course (`live`), new lectures, removals and changes to what is watched or read are sent to
 * an admin as revisions and shown "Pending review" until decided (issue 15).
 */
export function CurriculumEditor({
  course,
  lectures,
  disabled,
  live = false,
  revisions = [],
}: {
  course: CourseDoc;
  lectures: Lecture[];
  disabled: boolean;
  live?: boolean;
  revisions?: RevisionDoc[];
}) {
  const save = useSaveOutline();
  const withdraw = useWithdrawRevision();
  const lectureRevisions = revisions.filter((r) => r.kind === 'lecture' && r.status !== 'withdrawn');
  const revisionOf = (lectureId: string) =>
    lectureRevisions.find((r) => r.itemId === lectureId && r.op !== 'add');
  const pendingAdds = lectureRevisions.filter(
    (r) => r.op === 'add' && !lectures.some((l) => l.id === r.itemId) && r.status !== 'approved',
  );
  const { toast } = useToast();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ sectionId: string; lecture: Lecture | null } | null>(null);
  const sections = sectionsOf(course, lectures);
  const byId = new Map(lectures.map((l) => [l.id, l]));
  const unplaced = orderLectures(
    lectures.filter((l) => !sections.some((s) => s.lectureIds.includes(l.id))),
    [],
  );

  const commit = (next: EditorSection[], changes: LectureChange[] = [], done?: string, after?: () => void) =>
    save.mutate(
      {
        courseId: course.id,
        sections: next,
        lectures,
        changes,
        live: live ? { instructorId: course.instructorId } : undefined,
      },
      {
        onSuccess: () => {
          if (done) toast({ title: done });
          after?.();
        },
        onError: (error) =>
          toast({ title: 'We couldn’t save the outline', description: friendlyError(error), tone: 'error' }),
      },
    );

  const saveLecture = (data: LectureData) => {
    if (!dialog) return;
    const isNew = dialog.lecture === null;
    const id = dialog.lecture?.id ?? newLectureId(course.id);
    const next = sections.map((s) =>
      s.id === dialog.sectionId && isNew ? { ...s, lectureIds: [...s.lectureIds, id] } : s,
    );
    const reviewed =
      live &&
      (isNew ||
        Object.keys(
          splitEdit('lecture', (dialog.lecture ?? {}) as unknown as Record<string, unknown>, {
            ...data,
            videoUrl: data.videoUrl || null,
          }).reviewed,
        ).length > 0);
    commit(
      next,
      [{ kind: 'upsert', id, sectionId: dialog.sectionId, data, isNew }],
      reviewed
        ? isNew
          ? 'Lecture sent for review: learners see it once an admin approves it'
          : 'Changes sent for review: learners keep the approved version until an admin approves them'
        : isNew
          ? 'Lecture added'
          : 'Lecture saved',
      () => setDialog(null),
    );
  };

  const dialogSection = sections.find((s) => s.id === dialog?.sectionId);

  const addsIn = (sectionId: string, index: number) =>
    pendingAdds.filter((r) => {
      const target = String(r.changes.sectionId ?? '');
      const known = sections.some((s) => s.id === target);
      return known ? target === sectionId : index === sections.length - 1;
    });

  return (
    <div className="flex flex-col gap-5">
      {live ? (
        <Alert tone="info" title="This course is live: some changes are reviewed first">
          Title, order and resource-link fixes apply at once. New lectures, removals and changes to a
          lecture’s video, length, text or preview go to an admin for review; learners keep the approved
          version until then.
        </Alert>
      ) : null}
      {sections.length === 0 ? (
        <EmptyState
          icon="book"
          title="No sections yet"
          description="Courses are made of sections (chapters), each with a few lectures. Add the first section below."
        />
      ) : null}
      {sections.map((section, sIndex) => (
        <Card key={section.id}>
          {renaming === section.id ? (
            <CardBody>
              <SectionTitleForm
                label="Section title"
                initial={section.title}
                submitLabel="Save title"
                pending={save.isPending}
                onCancel={() => setRenaming(null)}
                onSubmit={(title) =>
                  commit(
                    sections.map((s) => (s.id === section.id ? { ...s, title } : s)),
                    [],
                    'Section renamed',
                    () => setRenaming(null),
                  )
                }
              />
            </CardBody>
          ) : (
            <CardHeader
              as="h3"
              title={`Section ${sIndex + 1}: ${section.title}`}
              description={`${section.lectureIds.length} ${section.lectureIds.length === 1 ? 'lecture' : 'lectures'}`}
              actions={
                <>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={disabled}
                    onClick={() => setRenaming(section.id)}
                  >
                    Rename<span className="sr-only"> section {section.title}</span>
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={disabled || sIndex === 0 || save.isPending}
                    onClick={() => commit(move(sections, sIndex, -1))}
                  >
                    Up<span className="sr-only">: move section {section.title} up</span>
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={disabled || sIndex === sections.length - 1 || save.isPending}
                    onClick={() => commit(move(sections, sIndex, 1))}
                  >
                    Down<span className="sr-only">: move section {section.title} down</span>
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    className="text-red-700"
                    disabled={disabled || save.isPending || (live && section.lectureIds.length > 0)}
                    title={
                      live && section.lectureIds.length > 0
                        ? 'On a live course, remove the lectures first (each removal is reviewed).'
                        : undefined
                    }
                    onClick={() => {
                      const n = section.lectureIds.length;
                      if (
                        n > 0 &&
                        !window.confirm(
                          `Delete “${section.title}” and its ${n} ${n === 1 ? 'lecture' : 'lectures'}?`,
                        )
                      )
                        return;
                      commit(
                        sections.filter((s) => s.id !== section.id),
                        section.lectureIds.map((id) => ({ kind: 'delete' as const, id })),
                        'Section deleted',
                      );
                    }}
                  >
                    Delete<span className="sr-only"> section {section.title}</span>
                  </Button>
                </>
              }
            />
          )}
          <CardBody className="flex flex-col gap-3">
            {section.lectureIds.length > 0 ? (
              <ol className="divide-y divide-stone-100 rounded-lg ring-1 ring-stone-200">
                {section.lectureIds.map((id, lIndex) => {
                  const l = byId.get(id);
                  if (!l) return null;
                  const moveLecture = (direction: -1 | 1) =>
                    commit(
                      sections.map((s) =>
                        s.id === section.id ? { ...s, lectureIds: move(s.lectureIds, lIndex, direction) } : s,
                      ),
                    );
                  return (
                    <li key={id} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
                      <span className="min-w-0 flex-1 font-medium text-stone-900">
                        {lIndex + 1}. {l.title}
                      </span>
                      {l.preview ? <Badge tone="success">Preview</Badge> : null}
                      {!l.videoUrl ? <Badge>Text only</Badge> : null}
                      <RevisionStatus revision={revisionOf(id)} />
                      <span className="text-stone-600">{formatDuration(l.durationSec)}</span>
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={disabled}
                        onClick={() => setDialog({ sectionId: section.id, lecture: l })}
                      >
                        Edit<span className="sr-only"> lecture {l.title}</span>
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={disabled || lIndex === 0 || save.isPending}
                        onClick={() => moveLecture(-1)}
                      >
                        Up<span className="sr-only">: move lecture {l.title} up</span>
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={disabled || lIndex === section.lectureIds.length - 1 || save.isPending}
                        onClick={() => moveLecture(1)}
                      >
                        Down<span className="sr-only">: move lecture {l.title} down</span>
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        className="text-red-700"
                        disabled={disabled || save.isPending}
                        onClick={() => {
                          if (!window.confirm(`Delete the lecture “${l.title}”?`)) return;
                          commit(
                            live
                              ? sections
                              : sections.map((s) =>
                                  s.id === section.id
                                    ? { ...s, lectureIds: s.lectureIds.filter((x) => x !== id) }
                                    : s,
                                ),
                            [{ kind: 'delete', id }],
                            live ? 'Removal sent for review' : 'Lecture deleted',
                          );
                        }}
                      >
                        Delete<span className="sr-only"> lecture {l.title}</span>
                      </Button>
                    </li>
                  );
                })}
              </ol>
            ) : (
              <p className="text-sm text-stone-600">No lectures in this section yet.</p>
            )}
            {addsIn(section.id, sIndex).length > 0 ? (
              <ul
                className="flex flex-col gap-2"
                aria-label={`New lectures awaiting review in ${section.title}`}
              >
                {addsIn(section.id, sIndex).map((r) => (
                  <li
                    key={r.id}
                    className="flex flex-wrap items-center gap-2 rounded-lg border border-dashed border-amber-300 px-3 py-2 text-sm"
                  >
                    <span className="min-w-0 flex-1 font-medium text-stone-900">{r.title}</span>
                    <RevisionStatus revision={r} />
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={disabled || withdraw.isPending}
                      onClick={() =>
                        withdraw.mutate(
                          { courseId: course.id, revision: r },
                          {
                            onSuccess: () => toast({ title: 'Withdrawn' }),
                            onError: (error) =>
                              toast({
                                title: 'We couldn’t withdraw it',
                                description: friendlyError(error),
                                tone: 'error',
                              }),
                          },
                        )
                      }
                    >
                      {r.status === 'pending' ? 'Withdraw' : 'Dismiss'}
                      <span className="sr-only"> new lecture {r.title}</span>
                    </Button>
                  </li>
                ))}
              </ul>
            ) : null}
            <div>
              <Button
                size="sm"
                variant="subtle"
                disabled={disabled}
                onClick={() => setDialog({ sectionId: section.id, lecture: null })}
              >
                Add lecture<span className="sr-only"> to {section.title}</span>
              </Button>
            </div>
          </CardBody>
        </Card>
      ))}

      {unplaced.length > 0 ? (
        <p className="text-sm text-amber-900">
          {unplaced.length} {unplaced.length === 1 ? 'lecture is' : 'lectures are'} not in any section and
          won’t be shown to learners.
        </p>
      ) : null}

      <Card>
        <CardBody>
          <SectionTitleForm
            label="New section title"
            initial=""
            submitLabel="Add section"
            pending={save.isPending}
            onSubmit={(title) =>
              commit(
                [...sections, { id: newLectureId(course.id), title, lectureIds: [] }],
                [],
                'Section added',
              )
            }
          />
        </CardBody>
      </Card>

      <LectureDialog
        courseId={course.id}
        open={dialog !== null}
        lecture={dialog?.lecture ?? null}
        sectionTitle={dialogSection?.title ?? ''}
        pending={save.isPending}
        error={save.error}
        onClose={() => {
          setDialog(null);
          save.reset();
        }}
        onSave={saveLecture}
      />
    </div>
  );
}

import type { Lecture } from '@skillverse/domain/models';
import { type FormEvent, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { FileUpload } from '@/components/ui/file-upload';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { friendlyError } from '@/lib/errors';
import { focusFirstInvalid, useZodForm } from '@/lib/forms';
import { useRowKeys } from '@/lib/use-row-keys';
import { type LectureData, type LectureInput, lectureSchema } from '../utils/course-schema';
import { LECTURE_RESOURCE_ACCEPT, LECTURE_VIDEO_ACCEPT, lectureUpload } from '../utils/lecture-uploads';

function initialFrom(lecture: Lecture | null): LectureInput {
  return {
    title: lecture?.title ?? '',
    videoUrl: lecture?.videoUrl ?? '',
    durationSec: lecture?.durationSec ?? 0,
    preview: lecture?.preview ?? false,
    body: lecture?.body ?? '',
    resources: lecture?.resources.map((r) => ({ ...r })) ?? [],
  };
}

/** Add or edit one lecture: title, video link, length, free preview, text and resource links. */
export function LectureDialog({
  courseId,
  open,
  lecture,
  sectionTitle,
  pending,
  error,
  onClose,
  onSave,
}: {
  courseId: string;
  open: boolean;
  lecture: Lecture | null;
  sectionTitle: string;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSave: (data: LectureData) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={lecture ? 'Edit lecture' : 'Add a lecture'}
      description={`In “${sectionTitle}”`}
      className="w-[min(40rem,calc(100vw-2rem))]"
    >
      {open ? (
        <LectureForm
          courseId={courseId}
          key={lecture?.id ?? 'new'}
          lecture={lecture}
          pending={pending}
          error={error}
          onCancel={onClose}
          onSave={onSave}
        />
      ) : null}
    </Dialog>
  );
}

function LectureForm({
  courseId,
  lecture,
  pending,
  error,
  onCancel,
  onSave,
}: {
  courseId: string;
  lecture: Lecture | null;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSave: (data: LectureData) => void;
}) {
  const form = useZodForm<LectureInput, LectureData>(lectureSchema, initialFrom(lecture));
  const ref = useRef<HTMLFormElement>(null);
  const rows = useRowKeys(form.values.resources.length);
  const v = form.values;
  const e = form.errors;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const data = form.validate();
    if (!data) {
      focusFirstInvalid(ref.current);
      return;
    }
    onSave(data);
  };

  return (
    <form ref={ref} onSubmit={submit} noValidate className="flex flex-col gap-4">
      <Field label="Lecture title" error={e.title}>
        <Input value={v.title} onChange={(ev) => form.set('title', ev.target.value)} maxLength={200} />
      </Field>
      <Field label="Video link" optional error={e.videoUrl} hint="A direct link to an MP4 or WebM file.">
        <Input
          type="url"
          value={v.videoUrl}
          onChange={(ev) => form.set('videoUrl', ev.target.value)}
          placeholder="https://"
        />
      </Field>
      <FileUpload
        label="Upload a video"
        accept={LECTURE_VIDEO_ACCEPT}
        prepare={async (file) => lectureUpload(courseId, lecture?.id ?? null, file, 'video')}
        onUploaded={(url) => form.set('videoUrl', url)}
      />
      <div className="grid gap-4 sm:grid-cols-2 sm:items-end">
        <Field label="Length (seconds)" error={e.durationSec}>
          <Input
            type="number"
            min={0}
            value={String(v.durationSec)}
            onChange={(ev) => form.set('durationSec', ev.target.value)}
          />
        </Field>
        <label className="flex h-10 items-center gap-2 text-sm font-medium text-stone-800">
          <input
            type="checkbox"
            checked={Boolean(v.preview)}
            onChange={(ev) => form.set('preview', ev.target.checked)}
            className="size-4 accent-brand-600"
          />
          Free preview (anyone can watch it)
        </label>
      </div>
      <Field
        label="Lecture text"
        optional
        error={e.body}
        hint="Notes, a transcript or the reading for this lecture."
      >
        <Textarea value={v.body} onChange={(ev) => form.set('body', ev.target.value)} rows={5} />
      </Field>
      <fieldset className="flex flex-col gap-3">
        <legend className="text-sm font-medium text-stone-800">Resources</legend>
        {v.resources.map((r, i) => (
          <div
            key={rows.keys[i]}
            className="grid gap-2 rounded-lg bg-stone-50 p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
          >
            <Field label={`Resource ${i + 1} name`} error={e[`resources.${i}.title`]}>
              <Input
                value={r.title}
                onChange={(ev) =>
                  form.set(
                    'resources',
                    v.resources.map((x, j) => (j === i ? { ...x, title: ev.target.value } : x)),
                  )
                }
              />
            </Field>
            <Field label={`Resource ${i + 1} link`} error={e[`resources.${i}.url`]}>
              <Input
                type="url"
                value={r.url}
                onChange={(ev) =>
                  form.set(
                    'resources',
                    v.resources.map((x, j) => (j === i ? { ...x, url: ev.target.value } : x)),
                  )
                }
              />
            </Field>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => {
                rows.removed(i);
                form.set(
                  'resources',
                  v.resources.filter((_, j) => j !== i),
                );
              }}
            >
              Remove<span className="sr-only"> resource {i + 1}</span>
            </Button>
          </div>
        ))}
        <div className="flex flex-col gap-2">
          <div>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => form.set('resources', [...v.resources, { title: '', url: '' }])}
            >
              Add a resource link
            </Button>
          </div>
          <FileUpload
            label="Upload a resource file"
            accept={LECTURE_RESOURCE_ACCEPT}
            prepare={async (file) => lectureUpload(courseId, lecture?.id ?? null, file, 'resource')}
            onUploaded={(url, file) =>
              form.set('resources', [...v.resources, { title: file.name.slice(0, 200), url }])
            }
          />
        </div>
      </fieldset>
      {error ? <Alert tone="error">{friendlyError(error)}</Alert> : null}
      <div className="flex justify-end gap-2 border-t border-stone-100 pt-4">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {lecture ? 'Save lecture' : 'Add lecture'}
        </Button>
      </div>
    </form>
  );
}

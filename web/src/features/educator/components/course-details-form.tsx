import { LEVEL_LABELS } from '@skillverse/domain/catalog';
import { CATEGORIES, COURSE_LEVELS } from '@skillverse/domain/models';
import { type FormEvent, useRef } from 'react';
import { CourseThumbnail } from '@/components/courses/course-thumbnail';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { TagInput } from '@/components/ui/tag-input';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { friendlyError } from '@/lib/errors';
import { storageAvailable } from '@/lib/firebase';
import { focusFirstInvalid, useZodForm } from '@/lib/forms';
import { useUploadThumbnail } from '../api/upload-thumbnail';
import { type CourseDetails, type CourseDetailsInput, courseDetailsSchema } from '../utils/course-schema';

export const EMPTY_DETAILS: CourseDetailsInput = {
  title: '',
  description: '',
  category: 'Programming',
  tags: [],
  level: 'beginner',
  price: '0',
  currency: 'USD',
  thumbnailUrl: '',
};

function ThumbnailUpload({ courseId, onUploaded }: { courseId: string; onUploaded: (url: string) => void }) {
  const upload = useUploadThumbnail(courseId);
  const { toast } = useToast();
  return (
    <Field label="Or upload an image" optional hint="PNG, JPEG or WebP, up to 5 MB.">
      <Input
        type="file"
        accept="image/*"
        className="pt-1.5"
        disabled={upload.isPending}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          upload.mutate(file, {
            onSuccess: (url) => {
              onUploaded(url);
              toast({ title: 'Image uploaded', description: 'Save the details to keep it.' });
            },
            onError: (error) =>
              toast({
                title: 'Upload failed',
                description: friendlyError(error, (error as Error).message),
                tone: 'error',
              }),
          });
        }}
      />
    </Field>
  );
}

/** Title, description, category, tags, level, price (dollars → cents), currency and thumbnail. */
export function CourseDetailsForm({
  initial,
  courseId,
  submitLabel,
  pending,
  error,
  disabled,
  onSubmit,
}: {
  initial: CourseDetailsInput;
  /** Set once the course exists (uploads need its id). */
  courseId?: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  disabled?: boolean;
  onSubmit: (details: CourseDetails) => void;
}) {
  const form = useZodForm<CourseDetailsInput, CourseDetails>(courseDetailsSchema, initial);
  const ref = useRef<HTMLFormElement>(null);
  const v = form.values;
  const e = form.errors;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = form.validate();
    if (!parsed) {
      focusFirstInvalid(ref.current);
      return;
    }
    onSubmit(parsed);
  };

  return (
    <form ref={ref} onSubmit={submit} noValidate className="flex flex-col gap-5">
      <Field label="Title" error={e.title}>
        <Input value={v.title} onChange={(ev) => form.set('title', ev.target.value)} maxLength={200} />
      </Field>
      <Field
        label="Description"
        error={e.description}
        hint="What will learners be able to do afterwards? Who is it for?"
      >
        <Textarea
          value={v.description}
          onChange={(ev) => form.set('description', ev.target.value)}
          rows={6}
        />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Category" error={e.category}>
          <Select
            value={v.category}
            onChange={(ev) => form.set('category', ev.target.value as CourseDetailsInput['category'])}
          >
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Level" error={e.level}>
          <Select
            value={v.level}
            onChange={(ev) => form.set('level', ev.target.value as CourseDetailsInput['level'])}
          >
            {COURSE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field
        label="Tags"
        optional
        error={e.tags}
        hint="Topics people might search for. Press Enter after each."
      >
        <TagInput value={v.tags} onChange={(tags) => form.set('tags', tags)} />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Price (in dollars)" error={e.price} hint="0 makes the course free.">
          <Input inputMode="decimal" value={v.price} onChange={(ev) => form.set('price', ev.target.value)} />
        </Field>
        <Field label="Currency" error={e.currency}>
          <Input value={v.currency} onChange={(ev) => form.set('currency', ev.target.value)} maxLength={3} />
        </Field>
      </div>
      <div className="grid gap-5 sm:grid-cols-[1fr_12rem] sm:items-start">
        <div className="flex flex-col gap-4">
          <Field label="Thumbnail link" optional error={e.thumbnailUrl} hint="A 16:9 image works best.">
            <Input
              type="url"
              value={v.thumbnailUrl}
              onChange={(ev) => form.set('thumbnailUrl', ev.target.value)}
              placeholder="https://"
            />
          </Field>
          {courseId && storageAvailable() ? (
            <ThumbnailUpload courseId={courseId} onUploaded={(url) => form.set('thumbnailUrl', url)} />
          ) : null}
        </div>
        <CourseThumbnail src={v.thumbnailUrl || null} className="rounded-lg ring-1 ring-stone-200" />
      </div>
      {error ? <Alert tone="error">{friendlyError(error)}</Alert> : null}
      <div>
        <Button type="submit" loading={pending} disabled={disabled}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

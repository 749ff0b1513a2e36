import type { LiveSession } from '@skillverse/domain/models';
import { type FormEvent, useMemo, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { friendlyError } from '@/lib/errors';
import { focusFirstInvalid, useZodForm } from '@/lib/forms';
import { useMyCourses } from '../api/get-my-courses';
import { useSaveLiveSession } from '../api/session-actions';
import { emptySessionForm, SESSION_LIMITS, sessionFormSchema, sessionToForm } from '../utils/session-form';

/** Create or edit a session: date and time are in the educator's timezone. */
export function SessionForm({
  hostId,
  timeZone,
  session,
  onDone,
  onCancel,
}: {
  hostId: string;
  timeZone: string;
  session: LiveSession | null;
  onDone: (id: string) => void;
  onCancel: () => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const schema = useMemo(
    () =>
      sessionFormSchema({
        now: new Date(),
        minCapacity: session?.registeredCount ?? 1,
        keepTime: session?.scheduledAt ?? null,
      }),
    [session],
  );
  const { values, set, errors, validate } = useZodForm(
    schema,
    session ? sessionToForm(session, timeZone) : emptySessionForm(timeZone),
  );
  const courses = useMyCourses(hostId);
  const save = useSaveLiveSession(hostId);
  const { toast } = useToast();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const output = validate();
    if (!output) {
      focusFirstInvalid(formRef.current);
      return;
    }
    save.mutate(
      { id: session?.id ?? null, values: output },
      {
        onSuccess: (id) => {
          toast({ title: session ? 'Session updated' : 'Session scheduled', tone: 'success' });
          onDone(id);
        },
      },
    );
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4"
      aria-label="Session details"
    >
      {save.error ? (
        <Alert tone="error" title="The session wasn’t saved">
          {friendlyError(save.error)}
        </Alert>
      ) : null}
      <Field label="Title" error={errors.title}>
        <Input
          value={values.title}
          maxLength={SESSION_LIMITS.title}
          onChange={(e) => set('title', e.target.value)}
        />
      </Field>
      <Field label="Description" optional error={errors.description}>
        <Textarea value={values.description} rows={3} onChange={(e) => set('description', e.target.value)} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Date" error={errors.date} hint={`Your timezone: ${timeZone}`}>
          <Input type="date" value={values.date} onChange={(e) => set('date', e.target.value)} />
        </Field>
        <Field label="Start time" error={errors.time}>
          <Input type="time" value={values.time} onChange={(e) => set('time', e.target.value)} />
        </Field>
        <Field label="Duration (minutes)" error={errors.durationMin}>
          <Input
            inputMode="numeric"
            value={values.durationMin}
            onChange={(e) => set('durationMin', e.target.value)}
          />
        </Field>
        <Field label="Capacity (seats)" error={errors.capacity}>
          <Input
            inputMode="numeric"
            value={values.capacity}
            onChange={(e) => set('capacity', e.target.value)}
          />
        </Field>
      </div>
      <Field label="Linked course" optional hint="Learners enrolled in it can join without registering.">
        <Select value={values.courseId} onChange={(e) => set('courseId', e.target.value)}>
          <option value="">No course</option>
          {(courses.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </Select>
      </Field>
      <label className="flex items-center gap-2 text-sm text-stone-800">
        <input
          type="checkbox"
          className="size-4 accent-brand-700"
          checked={values.recordingEnabled}
          onChange={(e) => set('recordingEnabled', e.target.checked)}
        />
        Record this session
      </label>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onCancel}>
          Close
        </Button>
        <Button type="submit" loading={save.isPending}>
          {session ? 'Save changes' : 'Schedule session'}
        </Button>
      </div>
    </form>
  );
}

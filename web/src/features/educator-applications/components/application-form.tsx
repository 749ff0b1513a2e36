import { MOTIVATION_MAX } from '@skillverse/domain/accounts-api';
import { type FormEvent, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { TagInput } from '@/components/ui/tag-input';
import { Textarea } from '@/components/ui/textarea';
import { friendlyError } from '@/lib/errors';
import { focusFirstInvalid, useZodForm } from '@/lib/forms';
import {
  type ApplicationFormValues,
  type ApplicationInput,
  applicationSchema,
} from '../utils/application-schema';

/** Expertise, motivation and an optional sample link, validated before anything is written. */
export function ApplicationForm({
  initial,
  submitLabel,
  pending,
  error,
  disabled,
  onSubmit,
  onCancel,
}: {
  initial: ApplicationFormValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  disabled?: boolean;
  onSubmit: (input: ApplicationInput) => void;
  onCancel?: () => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const form = useZodForm(applicationSchema, initial);
  const errorCount = Object.keys(form.errors).length;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = form.validate();
    if (!parsed) return focusFirstInvalid(formRef.current);
    onSubmit(parsed);
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="flex flex-col gap-5">
      <Field
        label="What would you teach?"
        hint="Skills or subjects, one at a time: type one and press Enter."
        error={form.errors.expertise}
      >
        <TagInput
          value={form.values.expertise}
          onChange={(next) => form.set('expertise', next)}
          placeholder="e.g. Watercolour, then Enter"
          max={15}
          maxLength={60}
          disabled={disabled}
        />
      </Field>
      <Field
        label="Why do you want to teach?"
        hint={`Your experience, who you’d like to teach and how. ${form.values.motivation.trim().length}/${MOTIVATION_MAX} characters (at least 20).`}
        error={form.errors.motivation}
      >
        <Textarea
          name="motivation"
          rows={6}
          maxLength={MOTIVATION_MAX}
          value={form.values.motivation}
          disabled={disabled}
          onChange={(e) => form.set('motivation', e.target.value)}
        />
      </Field>
      <Field
        label="Sample material"
        optional
        hint="A link to a lesson, talk, article or portfolio that shows how you teach."
        error={form.errors.sampleUrl}
      >
        <Input
          type="url"
          name="sampleUrl"
          inputMode="url"
          placeholder="https://"
          value={form.values.sampleUrl}
          disabled={disabled}
          onChange={(e) => form.set('sampleUrl', e.target.value)}
        />
      </Field>
      {error ? (
        <Alert tone="error" title="Your application wasn’t sent">
          {friendlyError(error)}
        </Alert>
      ) : null}
      {errorCount > 0 ? (
        <Alert tone="error">
          {errorCount === 1 ? 'One field needs attention' : `${errorCount} fields need attention`} before you
          can send your application.
        </Alert>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" loading={pending} disabled={disabled}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

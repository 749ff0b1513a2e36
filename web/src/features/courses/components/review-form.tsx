import type { Review } from '@skillverse/domain/models';
import { type FormEvent, useId, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { cn } from '@/lib/cn';
import { friendlyError } from '@/lib/errors';
import { focusFirstInvalid, useZodForm } from '@/lib/forms';
import { type ReviewInput, reviewInputSchema, useSaveReview } from '../api/save-review';

/** Writes or edits the signed-in learner's one review of the course. */
export function ReviewForm({
  courseId,
  uid,
  existing,
  disabled,
  onDone,
}: {
  courseId: string;
  uid: string;
  existing: Review | null;
  disabled?: boolean;
  onDone?: () => void;
}) {
  const form = useZodForm<{ rating: number; comment: string }, ReviewInput>(reviewInputSchema, {
    rating: existing?.rating ?? 0,
    comment: existing?.comment ?? '',
  });
  const save = useSaveReview(courseId, uid);
  const { toast } = useToast();
  const ref = useRef<HTMLFormElement>(null);
  const ratingId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate();
    if (!input) {
      focusFirstInvalid(ref.current);
      return;
    }
    save.mutate(
      { input, existing: existing !== null },
      {
        onSuccess: () => {
          toast({ title: existing ? 'Your review is updated' : 'Thanks for your review' });
          onDone?.();
        },
      },
    );
  };

  return (
    <form ref={ref} onSubmit={submit} noValidate className="flex flex-col gap-4">
      <fieldset aria-describedby={form.errors.rating ? `${ratingId}-error` : undefined}>
        <legend className="text-sm font-medium text-stone-800">Your rating</legend>
        <div className="mt-1.5 flex gap-1">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="cursor-pointer">
              <input
                type="radio"
                name={`${ratingId}-rating`}
                value={n}
                checked={form.values.rating === n}
                onChange={() => form.set('rating', n)}
                aria-invalid={form.errors.rating ? true : undefined}
                className="peer sr-only"
              />
              <span className="sr-only">
                {n} {n === 1 ? 'star' : 'stars'}
              </span>
              <svg
                viewBox="0 0 24 24"
                aria-hidden="true"
                className={cn(
                  'size-8 rounded peer-focus-visible:outline-2 peer-focus-visible:outline-brand-600',
                  n <= form.values.rating ? 'text-amber-500' : 'text-stone-300 hover:text-amber-300',
                )}
              >
                <path
                  fill="currentColor"
                  d="m12 2 3.09 6.26L22 9.27l-5 4.87 1.18 6.88L12 17.77l-6.18 3.25L7 14.14 2 9.27l6.91-1.01L12 2z"
                />
              </svg>
            </label>
          ))}
        </div>
        <p id={`${ratingId}-error`} aria-live="polite" className="mt-1 text-sm font-medium text-red-700">
          {form.errors.rating ?? ''}
        </p>
      </fieldset>
      <Field
        label="Your review"
        optional
        error={form.errors.comment}
        hint="What did you like? What could be better?"
      >
        <Textarea
          value={form.values.comment}
          onChange={(e) => form.set('comment', e.target.value)}
          maxLength={2000}
          rows={4}
        />
      </Field>
      {save.error ? <Alert tone="error">{friendlyError(save.error)}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" loading={save.isPending} disabled={disabled}>
          {existing ? 'Update review' : 'Post review'}
        </Button>
        {existing && onDone ? (
          <Button variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { friendlyError } from '@/lib/errors';
import { roomActions, useMyFeedback } from '../api/room';
import { feedbackSchema } from '../utils/session-form';

/** One rating (1–5) and an optional comment, once, after the session ended. */
export function FeedbackForm({ sessionId, uid }: { sessionId: string; uid: string }) {
  const mine = useMyFeedback(sessionId, uid);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (mine.data) {
    return (
      <Alert tone="success" title="Thanks for your feedback">
        You rated this session {mine.data.rating} out of 5.
      </Alert>
    );
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = feedbackSchema.safeParse({ rating, comment });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the form.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await roomActions.sendFeedback(sessionId, uid, parsed.data.rating, parsed.data.comment);
    } catch (e) {
      setError(friendlyError(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Session feedback" noValidate>
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">How was it?</legend>
        <div className="mt-2 flex gap-1">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="cursor-pointer">
              <input
                type="radio"
                name="rating"
                value={n}
                className="peer sr-only"
                checked={rating === n}
                onChange={() => setRating(n)}
              />
              <span className="flex size-10 items-center justify-center rounded-lg border border-stone-300 text-sm font-medium text-stone-800 peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white peer-focus-visible:ring-2 peer-focus-visible:ring-brand-500">
                {n}
                <span className="sr-only"> out of 5</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Comment" optional>
        <Textarea value={comment} rows={3} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
      </Field>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
      <div>
        <Button type="submit" loading={saving}>
          Send feedback
        </Button>
      </div>
    </form>
  );
}

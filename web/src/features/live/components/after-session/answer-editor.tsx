import { ANSWER_MAX_LENGTH } from '@skillverse/domain/session-qa';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { friendlyError } from '@/lib/errors';
import { answerSchema, useAnswerQuestion } from '../../api/session-qa';

/**
 * The host writes (or edits) the answer to a question; saving marks it answered. Used in the
 * room's Q&A and in the "After the session" panel.
 */
export function AnswerEditor({
  sessionId,
  questionId,
  questionText,
  initial,
  onDone,
  disabled,
}: {
  sessionId: string;
  questionId: string;
  questionText: string;
  initial: string;
  onDone?: () => void;
  disabled?: boolean;
}) {
  const [answer, setAnswer] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const save = useAnswerQuestion();
  // Opened from an "Answer" button (which then disappears): move focus into the field.
  const field = useRef<HTMLTextAreaElement>(null);
  const focusOnOpen = Boolean(onDone);
  useEffect(() => {
    if (focusOnOpen) field.current?.focus();
  }, [focusOnOpen]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = answerSchema.safeParse(answer);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    save.mutate(
      { sessionId, questionId, answer: parsed.data },
      { onSuccess: () => onDone?.(), onError: (e) => setError(friendlyError(e)) },
    );
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2">
      <Field
        label={
          <span>
            Answer<span className="sr-only"> to “{questionText}”</span>
          </span>
        }
        error={error}
      >
        <Textarea
          ref={field}
          rows={3}
          value={answer}
          maxLength={ANSWER_MAX_LENGTH}
          disabled={disabled}
          onChange={(e) => setAnswer(e.target.value)}
          placeholder="What you told them, in a few sentences learners can reuse"
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" loading={save.isPending} disabled={disabled}>
          Save answer
        </Button>
        {onDone ? (
          <Button type="button" size="sm" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

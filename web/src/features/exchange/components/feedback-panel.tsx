import type { ExchangeFeedback } from '@skillverse/domain/models';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import type { ExchangeDoc } from '@/lib/data/exchanges';
import { friendlyError } from '@/lib/errors';
import { feedbackSchema, useSubmitFeedback } from '../api/feedback';

function Stars({ rating }: { rating: number }) {
  return (
    <span role="img" aria-label={`${rating} out of 5 stars`} className="text-amber-500">
      {'★'.repeat(rating)}
      <span className="text-stone-300">{'★'.repeat(5 - rating)}</span>
    </span>
  );
}

/** After completion: rate the other person (1–5, comment) and endorse the skills they taught. */
export function FeedbackPanel({
  exchange,
  me,
  otherName,
  theirSkills,
  feedback,
  canWrite,
}: {
  exchange: ExchangeDoc;
  me: string;
  otherName: string;
  /** Skills the other person taught in this exchange (to endorse). */
  theirSkills: string[];
  feedback: ExchangeFeedback[];
  canWrite: boolean;
}) {
  const { toast } = useToast();
  const submit = useSubmitFeedback();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [endorsed, setEndorsed] = useState<string[]>(theirSkills);
  const [error, setError] = useState<string | undefined>();
  const mine = feedback.find((f) => f.uid === me);
  const theirs = feedback.find((f) => f.uid !== me);

  const send = () => {
    const parsed = feedbackSchema.safeParse({ rating, comment, endorsedSkills: endorsed });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    submit.mutate(
      { exchangeId: exchange.id, uid: me, feedback: parsed.data },
      {
        onSuccess: () => toast({ title: `Thanks! Your rating of ${otherName} is saved.` }),
        onError: (e) =>
          toast({ title: 'Couldn’t save your rating', description: friendlyError(e), tone: 'error' }),
      },
    );
  };

  return (
    <Card>
      <CardHeader title="Rate and endorse" description="Ratings help others find good exchange partners." />
      <CardBody className="flex flex-col gap-4">
        {mine ? (
          <div className="text-sm">
            <p className="font-medium text-stone-900">
              Your rating of {otherName}: <Stars rating={mine.rating} />
            </p>
            {mine.comment ? <p className="mt-1 text-stone-700">“{mine.comment}”</p> : null}
            {mine.endorsedSkills.length ? (
              <p className="mt-1 text-stone-600">You endorsed: {mine.endorsedSkills.join(', ')}</p>
            ) : null}
          </div>
        ) : (
          <form
            className="flex flex-col gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              send();
            }}
          >
            <fieldset>
              <legend className="text-sm font-medium text-stone-900">
                How was learning with {otherName}?
              </legend>
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
                    <span
                      className={`block rounded px-1 text-3xl peer-focus-visible:outline-2 peer-focus-visible:outline-brand-700 ${n <= rating ? 'text-amber-500' : 'text-stone-300'}`}
                    >
                      ★
                      <span className="sr-only">
                        {n} {n === 1 ? 'star' : 'stars'}
                      </span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            {theirSkills.length ? (
              <fieldset>
                <legend className="text-sm font-medium text-stone-900">
                  Endorse the skills {otherName} taught you
                </legend>
                <div className="mt-2 flex flex-wrap gap-3">
                  {theirSkills.map((s) => (
                    <label key={s} className="flex items-center gap-1.5 text-sm">
                      <input
                        type="checkbox"
                        className="size-4 accent-brand-700"
                        checked={endorsed.includes(s)}
                        onChange={() =>
                          setEndorsed((e) => (e.includes(s) ? e.filter((x) => x !== s) : [...e, s]))
                        }
                      />
                      {s}
                    </label>
                  ))}
                </div>
              </fieldset>
            ) : null}
            <Field label="Comment" optional>
              <Textarea
                rows={3}
                maxLength={2000}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            </Field>
            {error ? (
              <p role="alert" className="text-sm text-red-700">
                {error}
              </p>
            ) : null}
            <Button type="submit" loading={submit.isPending} disabled={!canWrite} className="self-start">
              Submit rating
            </Button>
          </form>
        )}
        {theirs ? (
          <p className="border-t border-stone-100 pt-3 text-sm text-stone-700">
            {otherName} rated you <Stars rating={theirs.rating} />
            {theirs.comment ? ` — “${theirs.comment}”` : ''}
          </p>
        ) : (
          <p className="border-t border-stone-100 pt-3 text-sm text-stone-600">
            {otherName} hasn’t rated you yet.
          </p>
        )}
      </CardBody>
    </Card>
  );
}

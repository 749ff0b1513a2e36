import type { LivePoll } from '@skillverse/domain/models';
import { type FormEvent, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { friendlyError } from '@/lib/errors';
import { roomActions, useMyVote } from '../../api/room';
import { pollOptionsLocked, pollResults } from '../../utils/room';
import { pollSchema } from '../../utils/session-form';

function PollCard({
  sessionId,
  uid,
  isHost,
  poll,
  canVote,
}: {
  sessionId: string;
  uid: string;
  isHost: boolean;
  poll: LivePoll;
  canVote: boolean;
}) {
  const myVote = useMyVote(sessionId, poll.id, uid, !isHost);
  const [error, setError] = useState<string | null>(null);
  const mine = myVote.data ?? null;
  const results = pollResults(poll.options, poll.counts);
  const showResults = isHost || Boolean(mine) || !poll.open;
  const run = (p: Promise<unknown>) => p.catch((e) => setError(friendlyError(e)));

  return (
    <li className="px-4 py-3" data-testid="poll">
      <div className="flex items-center gap-2">
        <p className="flex-1 text-sm font-medium text-stone-900">{poll.question}</p>
        {poll.open ? <Badge tone="success">Open</Badge> : <Badge>Closed</Badge>}
        {isHost ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => run(roomActions.setPollOpen(sessionId, poll.id, !poll.open))}
          >
            {poll.open ? 'Close poll' : 'Reopen'}
          </Button>
        ) : null}
      </div>
      {showResults ? (
        <ul className="mt-2 flex flex-col gap-2" aria-label={`Results: ${poll.question}`}>
          {results.map(({ option, votes: n, percent: pct }, i) => {
            return (
              <li key={option} className="text-sm">
                <div className="flex justify-between text-stone-800">
                  <span>
                    {option}
                    {mine?.optionIndex === i ? ' (your vote)' : ''}
                  </span>
                  <span data-testid="poll-count">
                    {n} {n === 1 ? 'vote' : 'votes'} · {pct}%
                  </span>
                </div>
                <div className="mt-1 h-2 rounded-full bg-stone-100" aria-hidden="true">
                  <div className="h-2 rounded-full bg-brand-600" style={{ width: `${pct}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <fieldset className="mt-2 flex flex-wrap gap-2">
          <legend className="sr-only">Vote: {poll.question}</legend>
          {poll.options.map((option, i) => (
            <Button
              key={option}
              size="sm"
              variant="secondary"
              disabled={!canVote}
              onClick={() => run(roomActions.vote(sessionId, poll.id, uid, i))}
            >
              {option}
            </Button>
          ))}
        </fieldset>
      )}
      {isHost ? <EditPollOptions sessionId={sessionId} poll={poll} /> : null}
      {error ? (
        <p className="mt-2 text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/** The host rewords a poll's options until the first vote is counted; then they are locked. */
function EditPollOptions({ sessionId, poll }: { sessionId: string; poll: LivePoll }) {
  const [editing, setEditing] = useState(false);
  const [options, setOptions] = useState(poll.options.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const locked = pollOptionsLocked(poll);
  if (locked) {
    return (
      <p className="mt-2 text-xs text-stone-600" data-testid="poll-options-locked">
        Options are locked: votes have been cast.
      </p>
    );
  }
  if (!editing) {
    return (
      <Button size="sm" variant="ghost" className="mt-2" onClick={() => setEditing(true)}>
        Edit options
      </Button>
    );
  }
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = pollSchema.safeParse({ question: poll.question, options: options.split('\n') });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the options.');
      return;
    }
    try {
      await roomActions.setPollOptions(sessionId, poll.id, parsed.data.options);
      setEditing(false);
      setError(null);
    } catch (e) {
      // A vote counted meanwhile: the rules refuse, and the card shows the lock.
      setError(friendlyError(e));
    }
  }
  return (
    <form className="mt-2 flex flex-col gap-2" onSubmit={onSubmit} noValidate>
      <Field label="Options for this poll (one per line)" error={error ?? undefined}>
        <Textarea rows={3} value={options} onChange={(e) => setOptions(e.target.value)} />
      </Field>
      <div className="flex gap-2">
        <Button size="sm" type="submit">
          Save options
        </Button>
        <Button size="sm" variant="ghost" type="button" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function NewPollForm({ sessionId }: { sessionId: string }) {
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = pollSchema.safeParse({ question, options: options.split('\n') });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? null);
      return;
    }
    setError(null);
    try {
      await roomActions.createPoll(sessionId, parsed.data.question, parsed.data.options);
      setQuestion('');
      setOptions('');
    } catch (e) {
      setError(friendlyError(e));
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      className="flex flex-col gap-2 border-b border-stone-100 p-3"
      aria-label="New poll"
    >
      <Field label="Poll question">
        <Input value={question} maxLength={300} onChange={(e) => setQuestion(e.target.value)} />
      </Field>
      <Field label="Options (one per line)">
        <Textarea rows={3} value={options} onChange={(e) => setOptions(e.target.value)} />
      </Field>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
      <div>
        <Button type="submit" size="sm">
          Open poll
        </Button>
      </div>
    </form>
  );
}

export function PollsPanel({
  sessionId,
  uid,
  isHost,
  polls,
  canVote,
}: {
  sessionId: string;
  uid: string;
  isHost: boolean;
  polls: LivePoll[];
  canVote: boolean;
}) {
  return (
    <section aria-labelledby="polls-title" className="rounded-xl border border-stone-200 bg-white">
      <h2
        id="polls-title"
        className="border-b border-stone-100 px-4 py-3 text-sm font-semibold text-stone-900"
      >
        Polls
      </h2>
      {isHost ? <NewPollForm sessionId={sessionId} /> : null}
      <ul className="divide-y divide-stone-100">
        {polls.length === 0 ? <li className="px-4 py-3 text-sm text-stone-600">No polls yet.</li> : null}
        {polls.map((p) => (
          <PollCard
            key={p.id}
            sessionId={sessionId}
            uid={uid}
            isHost={isHost}
            poll={p}
            canVote={canVote && !isHost}
          />
        ))}
      </ul>
    </section>
  );
}

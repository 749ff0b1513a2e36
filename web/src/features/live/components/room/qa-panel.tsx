import type { LiveQuestion } from '@skillverse/domain/models';
import { type FormEvent, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { friendlyError } from '@/lib/errors';
import { roomActions } from '../../api/room';
import { sortQuestions } from '../../utils/room';
import { questionSchema } from '../../utils/session-form';
import { AnswerEditor } from '../after-session/answer-editor';

export function QaPanel({
  sessionId,
  uid,
  isHost,
  questions,
  nameOf,
  canPost,
}: {
  sessionId: string;
  uid: string;
  isHost: boolean;
  questions: LiveQuestion[];
  nameOf: (uid: string) => string;
  canPost: boolean;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [answering, setAnswering] = useState<string | null>(null);
  const run = (p: Promise<unknown>) => p.catch((e) => setError(friendlyError(e)));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = questionSchema.safeParse(text);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? null);
      return;
    }
    setError(null);
    setText('');
    await run(roomActions.ask(sessionId, uid, parsed.data));
  }

  return (
    <section aria-labelledby="qa-title" className="rounded-xl border border-stone-200 bg-white">
      <h2 id="qa-title" className="border-b border-stone-100 px-4 py-3 text-sm font-semibold text-stone-900">
        Questions
      </h2>
      {!isHost ? (
        <form onSubmit={onSubmit} className="flex gap-2 p-3">
          <Input
            aria-label="Your question"
            value={text}
            maxLength={1000}
            placeholder="Ask the host a question"
            disabled={!canPost}
            onChange={(e) => setText(e.target.value)}
          />
          <Button type="submit" variant="secondary" disabled={!canPost}>
            Ask
          </Button>
        </form>
      ) : null}
      {error ? (
        <p className="px-3 text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="divide-y divide-stone-100" aria-label="Questions, most upvoted first">
        {questions.length === 0 ? (
          <li className="px-4 py-3 text-sm text-stone-600">No questions yet.</li>
        ) : null}
        {sortQuestions(questions).map((q) => {
          const mine = q.upvoterIds.includes(uid);
          const own = q.authorId === uid;
          return (
            <li key={q.id} className="flex items-start gap-3 px-4 py-3" data-testid="question">
              <Button
                size="sm"
                variant={mine ? 'primary' : 'secondary'}
                aria-pressed={mine}
                disabled={!canPost || own || isHost}
                onClick={() => run(roomActions.upvote(sessionId, q.id, uid, !mine))}
              >
                <span aria-hidden="true">▲</span> {q.upvoterIds.length}
                <span className="sr-only">
                  {' '}
                  {q.upvoterIds.length === 1 ? 'upvote' : 'upvotes'}, upvote: {q.text}
                </span>
              </Button>
              <div className="min-w-0 flex-1">
                <p className="break-words text-sm text-stone-900">{q.text}</p>
                <p className="text-xs text-stone-600">{own ? 'You' : nameOf(q.authorId)}</p>
                {q.answer ? (
                  <p className="mt-1 whitespace-pre-line break-words text-sm text-stone-800">
                    <span className="font-medium">Answer: </span>
                    {q.answer}
                  </p>
                ) : null}
                {isHost && answering === q.id ? (
                  <div className="mt-2">
                    <AnswerEditor
                      sessionId={sessionId}
                      questionId={q.id}
                      questionText={q.text}
                      initial={q.answer ?? ''}
                      onDone={() => setAnswering(null)}
                    />
                  </div>
                ) : null}
              </div>
              {q.answered ? <Badge tone="success">Answered</Badge> : null}
              {isHost ? (
                <div className="flex flex-col items-end gap-1">
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => run(roomActions.markAnswered(sessionId, q.id, !q.answered))}
                  >
                    {q.answered ? 'Reopen' : 'Mark answered'}
                  </Button>
                  {answering !== q.id ? (
                    <Button size="sm" variant="ghost" onClick={() => setAnswering(q.id)}>
                      {q.answer ? 'Edit answer' : 'Write answer'}
                      <span className="sr-only">: {q.text}</span>
                    </Button>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

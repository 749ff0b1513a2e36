import type { ExchangeCycle } from '@skillverse/domain/swap-cycles';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { Textarea } from '@/components/ui/textarea';
import { paths } from '@/config/paths';
import { useAuth, useSignedInUser } from '@/lib/auth/auth-context';
import { errorCode, friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCycle, useCycleMessages, useSendCycleMessage } from '../api/swap-cycles';
import { CycleSessionsPanel } from '../components/cycle-sessions-panel';
import { fromMyView, personName, sharedTimeLabel } from '../components/group-swaps';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** /skill-exchange/cycles/:id — the group room of a 3-way swap: who teaches whom, and a live chat. */
export function CycleRoomPage() {
  const { id } = useParams<{ id: string }>();
  const user = useSignedInUser();
  const { profile, canWrite } = useAuth();
  const cycle = useCycle(id);
  useDocumentTitle('Group swap room');

  if (cycle.isPending) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6" aria-busy="true">
        <h1 className="sr-only" tabIndex={-1}>
          Loading group swap…
        </h1>
        <Skeleton className="h-24" />
        <Skeleton className="mt-6 h-96" />
      </div>
    );
  }
  const c = cycle.data ? fromMyView(cycle.data, user.uid) : null;
  if (!c) {
    return (
      <div className="mx-auto max-w-2xl px-4 py-16 sm:px-6">
        <h1 tabIndex={-1} className="text-center text-2xl font-bold text-stone-900">
          Group swap not found
        </h1>
        <EmptyState
          className="mt-6"
          icon="swap"
          title="We can’t show this group swap"
          description={
            // The rules refuse a missing proposal and someone else's alike; only "offline" is worth saying.
            cycle.error && errorCode(cycle.error) === 'unavailable'
              ? friendlyError(cycle.error)
              : 'It doesn’t exist, or you are not one of its three people.'
          }
          action={<ButtonLink to={paths.skillExchange.href()}>Back to skill exchange</ButtonLink>}
        />
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <p className="mb-3 text-sm">
        <Link to={paths.skillExchange.href()} className="text-brand-700 hover:underline">
          ← Skill exchange
        </Link>
      </p>
      <h1 tabIndex={-1} className="text-2xl font-bold text-stone-900">
        Group swap: {c.participants.map((uid) => personName(c, uid, user.uid)).join(', ')}
      </h1>
      <ul className="mt-3 flex flex-col gap-1 text-sm text-stone-800" aria-label="Who teaches whom">
        {c.edges.map((e) => (
          <li key={`${e.from}-${e.to}`}>
            {personName(c, e.from, user.uid)} {e.from === user.uid ? 'teach' : 'teaches'}{' '}
            {personName(c, e.to, user.uid).replace(/^You$/, 'you')}{' '}
            <strong className="font-medium">{e.skill}</strong>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm text-stone-700">
        <span className="font-medium">Shared free time:</span>{' '}
        {sharedTimeLabel(c, profile?.timezone ?? 'UTC')}
      </p>
      {c.status === 'active' || c.status === 'completed' ? (
        <CycleSessionsPanel cycle={c} me={user.uid} canWrite={canWrite} />
      ) : null}
      {c.status === 'active' ? (
        <GroupChat cycle={c} me={user.uid} />
      ) : c.status === 'completed' ? null : (
        <Alert tone="info" className="mt-6" title="The room opens when all three accept">
          {c.status === 'proposed'
            ? 'Answer the proposal on the skill exchange page. The chat opens here once everyone has accepted.'
            : `This group swap is ${c.status}; its room is closed.`}
        </Alert>
      )}
    </div>
  );
}

export function GroupChat({ cycle, me }: { cycle: ExchangeCycle; me: string }) {
  const messages = useCycleMessages(cycle.id);
  const send = useSendCycleMessage();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const count = messages.data?.length ?? 0;

  useEffect(() => {
    if (count > 0 && listRef.current) listRef.current.scrollTop = listRef.current.scrollHeight;
  }, [count]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) {
      setError('Write a message');
      return;
    }
    if (trimmed.length > 4000) {
      setError('Keep messages under 4000 characters');
      return;
    }
    setError(null);
    send.mutate({ cycleId: cycle.id, senderId: me, text: trimmed }, { onSuccess: () => setText('') });
  };

  return (
    <section
      aria-labelledby="group-chat-heading"
      className="mt-6 rounded-xl border border-stone-200 bg-white"
    >
      <h2
        id="group-chat-heading"
        className="border-b border-stone-200 px-4 py-3 font-semibold text-stone-900"
      >
        Group room
      </h2>
      {messages.isPending ? (
        <div className="p-4" aria-busy="true">
          <span className="sr-only">Loading messages…</span>
          <Skeleton className="h-24" />
        </div>
      ) : messages.error && !messages.data ? (
        <Alert tone="error" className="m-4" title="We couldn’t load the messages">
          {friendlyError(messages.error)}
        </Alert>
      ) : count === 0 ? (
        <p className="p-4 text-sm text-stone-700">
          No messages yet. Say hello and suggest a first session time.
        </p>
      ) : (
        <div
          ref={listRef}
          className="max-h-[28rem] overflow-y-auto p-4"
          role="log"
          aria-label="Messages"
          aria-live="polite"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrollable log must be reachable by keyboard
          tabIndex={0}
        >
          <ol className="flex flex-col gap-3">
            {(messages.data ?? []).map((m) => (
              <li key={m.id} className={m.senderId === me ? 'self-end text-right' : 'self-start'}>
                <p className="text-xs text-stone-600">
                  {personName(cycle, m.senderId, me)} ·{' '}
                  <time dateTime={m.createdAt.toISOString()}>{timeFormat.format(m.createdAt)}</time>
                </p>
                <p
                  className={`mt-0.5 inline-block max-w-[20rem] whitespace-pre-wrap break-words rounded-lg px-3 py-2 text-sm sm:max-w-md ${
                    m.senderId === me ? 'bg-brand-700 text-white' : 'bg-stone-100 text-stone-900'
                  }`}
                >
                  {m.text}
                </p>
              </li>
            ))}
          </ol>
        </div>
      )}
      <form onSubmit={submit} className="flex flex-col gap-2 border-t border-stone-200 p-4" noValidate>
        <label htmlFor="cycle-message" className="text-sm font-medium text-stone-800">
          Message to the group
        </label>
        <Textarea
          id="cycle-message"
          rows={2}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'cycle-message-error' : undefined}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) submit(e);
          }}
        />
        {error ? (
          <p id="cycle-message-error" className="text-sm text-red-700" role="alert">
            {error}
          </p>
        ) : null}
        {send.error ? (
          <p className="text-sm text-red-700" role="alert">
            Not sent: {friendlyError(send.error)}
          </p>
        ) : null}
        <div>
          <Button type="submit" disabled={send.isPending}>
            {send.isPending ? 'Sending…' : 'Send'}
          </Button>
        </div>
      </form>
    </section>
  );
}

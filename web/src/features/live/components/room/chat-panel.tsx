import type { LiveChatMessage } from '@skillverse/domain/models';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { friendlyError } from '@/lib/errors';
import { roomActions } from '../../api/room';
import { chatMessageSchema } from '../../utils/session-form';

export function ChatPanel({
  sessionId,
  uid,
  messages,
  nameOf,
  canPost,
}: {
  sessionId: string;
  uid: string;
  messages: LiveChatMessage[];
  nameOf: (uid: string) => string;
  canPost: boolean;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when a message arrives
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [messages.length]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = chatMessageSchema.safeParse(text);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? null);
      return;
    }
    setError(null);
    setText('');
    try {
      await roomActions.sendMessage(sessionId, uid, parsed.data);
    } catch (e) {
      setText(parsed.data);
      setError(friendlyError(e));
    }
  }

  return (
    <section
      aria-labelledby="chat-title"
      className="flex min-h-0 flex-col rounded-xl border border-stone-200 bg-white"
    >
      <h2
        id="chat-title"
        className="border-b border-stone-100 px-4 py-3 text-sm font-semibold text-stone-900"
      >
        Chat
      </h2>
      <ol
        ref={listRef}
        className="flex h-72 flex-col gap-2 overflow-y-auto px-4 py-3"
        aria-live="polite"
        aria-label="Messages"
      >
        {messages.length === 0 ? (
          <li className="text-sm text-stone-600">No messages yet. Say hello!</li>
        ) : null}
        {messages.map((m) => (
          <li key={m.id} className="text-sm">
            <span className="font-medium text-stone-900">
              {m.senderId === uid ? 'You' : nameOf(m.senderId)}
            </span>{' '}
            <span className="break-words text-stone-800">{m.text}</span>
          </li>
        ))}
      </ol>
      <form onSubmit={onSubmit} className="flex gap-2 border-t border-stone-100 p-3">
        <Input
          aria-label="Message"
          value={text}
          maxLength={2000}
          placeholder="Write a message"
          disabled={!canPost}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="submit" disabled={!canPost}>
          Send
        </Button>
      </form>
      {error ? (
        <p className="px-3 pb-3 text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

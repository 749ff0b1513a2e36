import type { MessageAttachment } from '@skillverse/domain/models';
import { type FormEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { ExchangeDoc } from '@/lib/data/exchanges';
import { friendlyError } from '@/lib/errors';
import { fieldErrors, type FieldErrors } from '@/lib/forms';
import { useMessages, MESSAGE_PAGE_SIZE } from '../api/get-messages';
import { markChatRead } from '../api/mark-chat-read';
import { attachmentSchema, newMessageId, sendMessage } from '../api/send-message';
import { setTyping, TYPING_STALE_MS, useTypingIndicators } from '../api/typing';
import { MessageText } from './message-text';

interface Outgoing {
  id: string;
  text: string;
  attachments: MessageAttachment[];
  status: 'sending' | 'failed';
}

const TYPING_IDLE_MS = 2500;
const TYPING_REFRESH_MS = 3000;
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Keeps the own typing indicator: set while typing (refreshed), cleared when idle or sent. */
function useOwnTyping(exchangeId: string, uid: string, enabled: boolean) {
  const lastSent = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const active = useRef(false);

  const stop = useCallback(() => {
    if (idle.current) clearTimeout(idle.current);
    idle.current = null;
    if (!active.current) return;
    active.current = false;
    lastSent.current = 0;
    setTyping(exchangeId, uid, false).catch(() => {});
  }, [exchangeId, uid]);

  const typed = useCallback(() => {
    if (!enabled) return;
    const now = Date.now();
    if (!active.current || now - lastSent.current > TYPING_REFRESH_MS) {
      active.current = true;
      lastSent.current = now;
      setTyping(exchangeId, uid, true).catch(() => {});
    }
    if (idle.current) clearTimeout(idle.current);
    idle.current = setTimeout(stop, TYPING_IDLE_MS);
  }, [enabled, exchangeId, uid, stop]);

  useEffect(() => stop, [stop]);
  return { typed, stop };
}

/** Who else is typing right now (indicators older than 5 s are ignored). */
function useOthersTyping(exchangeId: string, me: string): boolean {
  const { data } = useTypingIndicators(exchangeId);
  const [now, setNow] = useState(() => Date.now());
  const fresh = (data ?? []).filter(
    (t) => t.uid !== me && t.typing && now - t.at.getTime() < TYPING_STALE_MS,
  );
  const any = (data ?? []).some((t) => t.uid !== me && t.typing);
  useEffect(() => {
    if (!any) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [any]);
  return fresh.length > 0;
}

export function ChatPanel({
  exchange,
  me,
  otherName,
  canWrite,
}: {
  exchange: ExchangeDoc;
  me: string;
  otherName: string;
  canWrite: boolean;
}) {
  const [count, setCount] = useState(MESSAGE_PAGE_SIZE);
  const { data, isPending, error } = useMessages(exchange.id, count);
  const [draft, setDraft] = useState('');
  const [outgoing, setOutgoing] = useState<Outgoing[]>([]);
  const [linkOpen, setLinkOpen] = useState(false);
  const [link, setLink] = useState({ name: '', url: '' });
  const [linkErrors, setLinkErrors] = useState<FieldErrors>({});
  const open = ['pending', 'accepted', 'active'].includes(exchange.status);
  const { typed, stop } = useOwnTyping(exchange.id, me, open && canWrite);
  const othersTyping = useOthersTyping(exchange.id, me);
  const list = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);

  const messages = data?.messages ?? [];
  const delivered = new Set(messages.map((m) => m.id));
  const pendingOnes = outgoing.filter((o) => !delivered.has(o.id));

  // Mark the chat read while it is open and something is unread.
  const unread = exchange.unread[me] ?? 0;
  useEffect(() => {
    if (unread > 0 && canWrite) markChatRead(exchange.id, me).catch(() => {});
  }, [unread, exchange.id, me, canWrite]);

  // Follow new messages at the bottom, unless the person scrolled up to read history.
  const lastId = messages[messages.length - 1]?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when the newest message or own pending ones change
  useLayoutEffect(() => {
    const el = list.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [lastId, pendingOnes.length]);

  const deliver = (o: Outgoing) => {
    setOutgoing((prev) => [...prev.filter((p) => p.id !== o.id), { ...o, status: 'sending' }]);
    sendMessage({ exchangeId: exchange.id, senderId: me, text: o.text, attachments: o.attachments, id: o.id })
      .then(() => setOutgoing((prev) => prev.filter((p) => p.id !== o.id)))
      .catch(() => setOutgoing((prev) => prev.map((p) => (p.id === o.id ? { ...p, status: 'failed' } : p))));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = draft.trim();
    if (!text) return;
    stickToBottom.current = true;
    setDraft('');
    stop();
    deliver({ id: newMessageId(exchange.id), text: text.slice(0, 4000), attachments: [], status: 'sending' });
  };

  const shareLink = (e: FormEvent) => {
    e.preventDefault();
    const parsed = attachmentSchema.safeParse({ name: link.name || link.url, url: link.url });
    if (!parsed.success) {
      setLinkErrors(fieldErrors(parsed.error));
      return;
    }
    setLinkErrors({});
    stickToBottom.current = true;
    deliver({
      id: newMessageId(exchange.id),
      text: `Shared a resource: ${parsed.data.name}`,
      attachments: [parsed.data],
      status: 'sending',
    });
    setLink({ name: '', url: '' });
    setLinkOpen(false);
  };

  return (
    <Card className="flex flex-col">
      <CardHeader title="Chat" description={`Messages between you and ${otherName}, live.`} />
      <CardBody className="flex flex-col gap-3">
        {error && !data ? (
          <Alert tone="error" title="We couldn’t load the chat">
            {friendlyError(error)}
          </Alert>
        ) : null}
        <div
          ref={list}
          className="flex h-96 flex-col gap-2 overflow-y-auto rounded-lg border border-stone-200 bg-stone-50 p-3"
          onScroll={(e) => {
            const el = e.currentTarget;
            stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
          }}
          role="log"
          aria-label="Messages"
          aria-live="polite"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrollable log must be reachable by keyboard
          tabIndex={0}
        >
          {data?.hasEarlier ? (
            <div className="text-center">
              <Button
                size="sm"
                variant="ghost"
                onClick={() => {
                  stickToBottom.current = false;
                  setCount((c) => c + MESSAGE_PAGE_SIZE);
                }}
              >
                Load earlier messages
              </Button>
            </div>
          ) : null}
          {isPending ? <p className="text-sm text-stone-600">Loading messages…</p> : null}
          {!isPending && messages.length === 0 && pendingOnes.length === 0 ? (
            <p className="my-auto text-center text-sm text-stone-600">No messages yet. Say hello!</p>
          ) : null}
          {messages.map((m) => {
            const mine = m.senderId === me;
            return (
              <div
                key={m.id}
                className={`max-w-[85%] rounded-2xl px-3 py-2 text-sm ${mine ? 'self-end bg-brand-700 text-white' : 'self-start bg-white text-stone-900 ring-1 ring-stone-200'}`}
                data-testid="chat-message"
              >
                <p className="whitespace-pre-wrap break-words">
                  <MessageText text={m.text} />
                </p>
                {m.attachments.length > 0 ? (
                  <ul className="mt-1 flex flex-col gap-0.5">
                    {m.attachments.map((a) => (
                      <li key={a.url}>
                        <a
                          href={a.url}
                          target="_blank"
                          rel="noopener noreferrer"
                          className="font-medium underline"
                        >
                          {a.name} ↗
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
                <p className={`mt-1 text-xs ${mine ? 'text-brand-100' : 'text-stone-600'}`}>
                  <span className="sr-only">{mine ? 'You' : otherName}, </span>
                  {timeFormat.format(m.createdAt)}
                </p>
              </div>
            );
          })}
          {pendingOnes.map((o) => (
            <div
              key={o.id}
              className="max-w-[85%] self-end rounded-2xl bg-brand-100 px-3 py-2 text-sm text-brand-900"
            >
              <p className="whitespace-pre-wrap break-words">{o.text}</p>
              {o.status === 'sending' ? (
                <p className="mt-1 text-xs">Sending…</p>
              ) : (
                <p className="mt-1 flex items-center gap-2 text-xs text-red-800">
                  Not sent.
                  <button type="button" className="font-semibold underline" onClick={() => deliver(o)}>
                    Retry
                  </button>
                </p>
              )}
            </div>
          ))}
        </div>
        <p className="h-5 text-sm text-stone-600" aria-live="polite">
          {othersTyping ? `${otherName} is typing…` : ''}
        </p>
        {open ? (
          <>
            <form onSubmit={submit} className="flex items-end gap-2">
              <Field label="Message" labelHidden className="flex-1">
                <Textarea
                  rows={2}
                  maxLength={4000}
                  value={draft}
                  disabled={!canWrite}
                  placeholder={`Write to ${otherName}…`}
                  onChange={(e) => {
                    setDraft(e.target.value);
                    if (e.target.value) typed();
                    else stop();
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && !e.shiftKey) {
                      e.preventDefault();
                      e.currentTarget.form?.requestSubmit();
                    }
                  }}
                />
              </Field>
              <Button type="submit" disabled={!canWrite || !draft.trim()}>
                Send
              </Button>
            </form>
            {linkOpen ? (
              <form
                onSubmit={shareLink}
                className="flex flex-col gap-2 rounded-lg border border-stone-200 p-3"
              >
                <Field label="Link" error={linkErrors.url}>
                  <Input
                    type="url"
                    value={link.url}
                    placeholder="https://"
                    onChange={(e) => setLink((l) => ({ ...l, url: e.target.value }))}
                  />
                </Field>
                <Field label="Title" optional error={linkErrors.name}>
                  <Input
                    value={link.name}
                    maxLength={200}
                    onChange={(e) => setLink((l) => ({ ...l, name: e.target.value }))}
                  />
                </Field>
                <div className="flex gap-2">
                  <Button type="submit" size="sm" disabled={!canWrite}>
                    Share link
                  </Button>
                  <Button type="button" size="sm" variant="ghost" onClick={() => setLinkOpen(false)}>
                    Cancel
                  </Button>
                </div>
              </form>
            ) : (
              <Button
                variant="ghost"
                size="sm"
                className="self-start"
                onClick={() => setLinkOpen(true)}
                disabled={!canWrite}
              >
                Share a resource link
              </Button>
            )}
          </>
        ) : (
          <p className="text-sm text-stone-600">This exchange is {exchange.status}; the chat is closed.</p>
        )}
      </CardBody>
    </Card>
  );
}

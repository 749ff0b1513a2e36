import { CALL_OPENS_BEFORE_MIN, callOpen, callWindow } from '@skillverse/domain/exchange-call';
import { useState } from 'react';
import { Icon } from '@/components/icon';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import type { ExchangeSession } from '@skillverse/domain/models';
import type { ExchangeDoc } from '@/lib/data/exchanges';
import { friendlyError } from '@/lib/errors';
import { useZodForm } from '@/lib/forms';
import { scheduleSessionSchema, useConfirmSession, useScheduleSession, useSessions } from '../api/sessions';
import { formatMinutes } from '../utils/labels';
import { downloadIcs, sessionIcs } from '../utils/session-ics';
import { sessionEnded, sessionWhen, useNow } from '../utils/session-clock';

/**
 * "Join call": enabled from a few minutes before the start until the end. Both people together in
 * the call for 10 minutes make the session held (observed) — docs/exchange.md.
 */
function JoinCall({ exchangeId, s, now }: { exchangeId: string; s: ExchangeSession; now: number }) {
  const window_ = callWindow(s.scheduledAt, s.durationMin);
  if (now >= window_.endsAt.getTime()) return null;
  const open = callOpen(window_, new Date(now));
  const hint = `join-hint-${s.id}`;
  return open ? (
    <ButtonLink to={paths.exchangeCall.href(exchangeId, s.id)} size="sm">
      <Icon name="video" className="size-4" /> Join call
    </ButtonLink>
  ) : (
    <>
      <Button size="sm" variant="secondary" disabled aria-describedby={hint}>
        Join call
      </Button>
      <span id={hint} className="text-sm text-stone-600">
        Opens {CALL_OPENS_BEFORE_MIN} minutes before the start.
      </span>
    </>
  );
}

function sessionLabel(s: ExchangeSession): string {
  if (s.status === 'held')
    return s.held?.evidence === 'observed'
      ? `Held (observed: ${s.held.observedMinutes ?? 0} min)`
      : 'Held (self-reported)';
  if (s.status === 'cancelled') return 'Cancelled';
  if (s.status === 'completed') return 'Not confirmed';
  return 'Scheduled';
}

function tomorrow(): string {
  const d = new Date(Date.now() + 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Sessions: schedule (date, time, duration), add to calendar (.ics), and after a session ends,
 * confirm it took place: once both people confirmed, it is held (self-reported) — the evidence
 * points, ratings and credentials need (docs/exchange.md).
 */
export function SessionsPanel({
  exchange,
  me,
  title,
  canWrite,
}: {
  exchange: ExchangeDoc;
  me: string;
  title: string;
  canWrite: boolean;
}) {
  const { toast } = useToast();
  const sessions = useSessions(exchange.id);
  const schedule = useScheduleSession();
  const confirm = useConfirmSession();
  const [open, setOpen] = useState(false);
  const editable = exchange.status === 'accepted' || exchange.status === 'active';
  const form = useZodForm(scheduleSessionSchema, {
    date: tomorrow(),
    time: '18:00',
    durationMin: '60' as unknown,
    notes: '',
  });
  const list = sessions.data ?? [];
  const held = list.filter((s) => s.status === 'held').length;
  const canConfirm = editable || exchange.status === 'completed';
  const partnerUid = exchange.participants.find((p) => p !== me) ?? '';
  const partnerName = exchange.people[partnerUid]?.displayName ?? 'your partner';
  const now = useNow();

  const submit = () => {
    const session = form.validate();
    if (!session) return;
    schedule.mutate(
      { exchangeId: exchange.id, uid: me, session },
      {
        onSuccess: () => {
          setOpen(false);
          toast({ title: 'Session scheduled' });
        },
        onError: (error) =>
          toast({ title: 'Couldn’t schedule it', description: friendlyError(error), tone: 'error' }),
      },
    );
  };

  return (
    <Card>
      <CardHeader
        title="Sessions"
        description={list.length ? `${held} of ${list.length} held` : 'Plan when you meet.'}
        actions={
          editable && !open ? (
            <Button size="sm" variant="secondary" onClick={() => setOpen(true)} disabled={!canWrite}>
              Schedule a session
            </Button>
          ) : null
        }
      />
      <CardBody className="flex flex-col gap-4">
        {open ? (
          <form
            className="grid gap-3 sm:grid-cols-3"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Field label="Date" error={form.errors.date}>
              <Input
                type="date"
                value={form.values.date}
                onChange={(e) => form.set('date', e.target.value)}
              />
            </Field>
            <Field label="Time" error={form.errors.time}>
              <Input
                type="time"
                value={form.values.time}
                onChange={(e) => form.set('time', e.target.value)}
              />
            </Field>
            <Field label="Duration (minutes)" error={form.errors.durationMin}>
              <Input
                type="number"
                min={15}
                max={480}
                step={15}
                value={String(form.values.durationMin)}
                onChange={(e) => form.set('durationMin', e.target.value)}
              />
            </Field>
            <Field label="Agenda" optional className="sm:col-span-3" error={form.errors.notes}>
              <Input
                value={form.values.notes}
                maxLength={4000}
                onChange={(e) => form.set('notes', e.target.value)}
              />
            </Field>
            <div className="flex gap-2 sm:col-span-3">
              <Button type="submit" loading={schedule.isPending}>
                Schedule
              </Button>
              <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
                Cancel
              </Button>
            </div>
          </form>
        ) : null}
        {list.length === 0 ? (
          <p className="text-sm text-stone-600">
            {editable ? 'No sessions yet.' : 'Sessions can be scheduled once the request is accepted.'}
          </p>
        ) : (
          <ul className="divide-y divide-stone-100">
            {list.map((s) => (
              <li key={s.id} className="flex flex-col gap-2 py-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="flex items-center gap-1.5 text-sm font-medium text-stone-900">
                    {s.status === 'held' ? <Icon name="check" className="size-4 text-emerald-700" /> : null}
                    {sessionWhen.format(s.scheduledAt)} · {formatMinutes(s.durationMin)}
                  </p>
                  <Badge
                    tone={s.status === 'held' ? 'success' : s.status === 'scheduled' ? 'brand' : 'neutral'}
                  >
                    {sessionLabel(s)}
                  </Badge>
                </div>
                {s.notes ? <p className="text-sm text-stone-600">{s.notes}</p> : null}
                {s.status === 'scheduled' || s.status === 'held' ? (
                  <div className="flex flex-wrap items-center gap-2">
                    <JoinCall exchangeId={exchange.id} s={s} now={now} />
                  </div>
                ) : null}
                {s.status === 'scheduled' ? (
                  <div className="flex flex-wrap items-center gap-2">
                    {canConfirm && sessionEnded(s, now) && !(s.confirmedBy ?? []).includes(me) ? (
                      <Button
                        size="sm"
                        variant="secondary"
                        disabled={!canWrite}
                        loading={confirm.isPending && confirm.variables?.sessionId === s.id}
                        onClick={() =>
                          confirm.mutate(
                            { exchangeId: exchange.id, sessionId: s.id },
                            {
                              onSuccess: (r) =>
                                toast({
                                  title:
                                    r.status === 'held'
                                      ? 'Session held (self-reported by both of you)'
                                      : `Confirmed — waiting for ${partnerName}`,
                                }),
                              onError: (error) =>
                                toast({
                                  title: 'Couldn’t confirm it',
                                  description: friendlyError(error),
                                  tone: 'error',
                                }),
                            },
                          )
                        }
                      >
                        Confirm it took place
                      </Button>
                    ) : null}
                    {(s.confirmedBy ?? []).includes(me) ? (
                      <p className="text-sm text-stone-600" role="status">
                        You confirmed it took place — waiting for {partnerName}.
                      </p>
                    ) : null}
                    {canConfirm && !sessionEnded(s, now) ? (
                      <p className="text-sm text-stone-600">
                        Meet in the call: 10 minutes together there and it counts as held. Otherwise you can
                        both confirm it took place once it ends.
                      </p>
                    ) : null}
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() =>
                        downloadIcs(
                          `skillverse-session-${s.id}.ics`,
                          sessionIcs(
                            exchange.id,
                            s,
                            title,
                            new URL(paths.exchange.href(exchange.id), window.location.origin).toString(),
                          ),
                        )
                      }
                    >
                      Add to calendar (.ics)
                    </Button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

import {
  CALL_OPENS_BEFORE_MIN,
  callOpen,
  callWindow,
  OBSERVED_HELD_MIN,
} from '@skillverse/domain/exchange-call';
import type { ExchangeSession } from '@skillverse/domain/models';
import type { ExchangeCycle } from '@skillverse/domain/swap-cycles';
import { useState } from 'react';
import { Icon } from '@/components/icon';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { friendlyError } from '@/lib/errors';
import { useZodForm } from '@/lib/forms';
import {
  useCancelCycleSession,
  useConfirmCycleSession,
  useCycleSessions,
  useScheduleCycleSession,
} from '../api/cycle-sessions';
import { scheduleSessionSchema } from '../api/sessions';
import { formatMinutes } from '../utils/labels';
import { personName } from './group-swaps';
import { sessionEnded, sessionWhen, useNow } from '../utils/session-clock';

function tomorrow(): string {
  const d = new Date(Date.now() + 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function sessionLabel(s: ExchangeSession): string {
  if (s.status === 'held')
    return s.held?.evidence === 'observed'
      ? `Held (observed: ${s.held.observedMinutes ?? 0} min, all three)`
      : 'Held (self-reported by all three)';
  if (s.status === 'cancelled') return 'Cancelled';
  return 'Scheduled';
}

/** What the completed cycle earned me, in words. */
function CompletionBanner({ cycle, me }: { cycle: ExchangeCycle; me: string }) {
  const mine = cycle.rewards?.[me];
  const taught = cycle.edges.find((e) => e.from === me);
  return (
    // (Alert does not pass data-* attributes through: the wrapper carries the test id.)
    <div data-testid="cycle-completed">
      <Alert tone="success" title="Group swap complete">
        {mine && mine.points > 0
          ? `All three of you confirmed a held session. You earned ${mine.points} points for teaching ${taught?.skill ?? 'your skill'}, and it counts toward your league as teaching.`
          : mine?.skipped === 'pair-window'
            ? 'All three of you confirmed a held session. You earned from teaching this person in the last 30 days, so no new points this time.'
            : 'All three of you confirmed a held session.'}
        {mine?.credential ? ' Your credential for what you taught is in your certificates.' : ''}
      </Alert>
    </div>
  );
}

/**
 * The group sessions of an active swap cycle: plan one (date, time, duration), join its group call,
 * and after it ends confirm it took place and rate the person who taught you. A session is held when
 * SkillVerse saw all three together in the call for OBSERVED_HELD_MIN minutes, or all three confirmed
 * one planned in advance; the cycle completes — and rewards each of you — once all three confirmed a
 * held session (docs/swap-cycles.md).
 */
export function CycleSessionsPanel({
  cycle,
  me,
  canWrite,
}: {
  cycle: ExchangeCycle;
  me: string;
  canWrite: boolean;
}) {
  const { toast } = useToast();
  const sessions = useCycleSessions(cycle.id);
  const schedule = useScheduleCycleSession();
  const cancel = useCancelCycleSession();
  const confirm = useConfirmCycleSession();
  const [open, setOpen] = useState(false);
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const form = useZodForm(scheduleSessionSchema, {
    date: tomorrow(),
    time: '18:00',
    durationMin: '60' as unknown,
    notes: '',
  });
  const now = useNow();
  const active = cycle.status === 'active';
  const list = sessions.data ?? [];
  const teacher = cycle.edges.find((e) => e.to === me)?.from ?? '';
  const teacherName = personName(cycle, teacher, me);

  const submit = () => {
    const session = form.validate();
    if (!session) return;
    schedule.mutate(
      { cycleId: cycle.id, uid: me, session },
      {
        onSuccess: () => {
          setOpen(false);
          toast({ title: 'Group session scheduled' });
        },
        onError: (error) =>
          toast({ title: 'Couldn’t schedule it', description: friendlyError(error), tone: 'error' }),
      },
    );
  };

  return (
    <Card className="mt-6">
      <CardHeader
        title="Group sessions"
        description="Meet as three in the group call. Held sessions are what the rewards follow."
        actions={
          active && !open ? (
            <Button size="sm" variant="secondary" onClick={() => setOpen(true)} disabled={!canWrite}>
              Schedule a group session
            </Button>
          ) : null
        }
      />
      <CardBody className="flex flex-col gap-4">
        {cycle.status === 'completed' ? <CompletionBanner cycle={cycle} me={me} /> : null}
        {open ? (
          <form
            className="grid gap-3 sm:grid-cols-3"
            aria-label="Schedule a group session"
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
        {sessions.isPending ? (
          <p className="text-sm text-stone-600" aria-busy="true">
            Loading sessions…
          </p>
        ) : sessions.error && !sessions.data ? (
          <Alert tone="error" title="We couldn’t load the sessions">
            {friendlyError(sessions.error)}
          </Alert>
        ) : list.length === 0 ? (
          <p className="text-sm text-stone-600">
            {active ? 'No group sessions yet. Pick a time in your shared free time.' : 'No group sessions.'}
          </p>
        ) : (
          <ul className="divide-y divide-stone-100" aria-label="Group sessions">
            {list.map((s) => {
              const window_ = callWindow(s.scheduledAt, s.durationMin);
              const callIsOpen = callOpen(window_, new Date(now));
              const confirmedBy = s.confirmedBy ?? [];
              const iConfirmed = confirmedBy.includes(me);
              const live = s.status === 'scheduled' || s.status === 'held';
              const rating = ratings[s.id] ?? '5';
              const ratingId = `rating-${s.id}`;
              return (
                <li key={s.id} className="flex flex-col gap-2 py-3" data-testid="cycle-session">
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
                  {live && now < window_.endsAt.getTime() ? (
                    <div className="flex flex-wrap items-center gap-2">
                      {callIsOpen ? (
                        <ButtonLink size="sm" to={paths.cycleCall.href(cycle.id, s.id)}>
                          <Icon name="video" className="size-4" /> Join group call
                        </ButtonLink>
                      ) : (
                        <>
                          <Button
                            size="sm"
                            variant="secondary"
                            disabled
                            aria-describedby={`join-hint-${s.id}`}
                          >
                            Join group call
                          </Button>
                          <span id={`join-hint-${s.id}`} className="text-sm text-stone-600">
                            Opens {CALL_OPENS_BEFORE_MIN} minutes before the start.
                          </span>
                        </>
                      )}
                      {active && s.status === 'scheduled' && confirmedBy.length === 0 ? (
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={!canWrite}
                          loading={cancel.isPending && cancel.variables?.sessionId === s.id}
                          onClick={() =>
                            cancel.mutate(
                              { cycleId: cycle.id, sessionId: s.id },
                              {
                                onError: (error) =>
                                  toast({
                                    title: 'Couldn’t cancel it',
                                    description: friendlyError(error),
                                    tone: 'error',
                                  }),
                              },
                            )
                          }
                        >
                          Cancel session
                        </Button>
                      ) : null}
                      <span className="text-sm text-stone-600">
                        All three together in the call for {OBSERVED_HELD_MIN} minutes makes it held.
                      </span>
                    </div>
                  ) : null}
                  {live ? (
                    <p className="text-sm text-stone-700" role="status">
                      Confirmed it took place: {confirmedBy.length} of 3
                      {confirmedBy.length
                        ? ` (${confirmedBy.map((uid) => personName(cycle, uid, me)).join(', ')})`
                        : ''}
                    </p>
                  ) : null}
                  {active && live && sessionEnded(s, now) && !iConfirmed ? (
                    <form
                      className="flex flex-wrap items-end gap-2"
                      onSubmit={(e) => {
                        e.preventDefault();
                        confirm.mutate(
                          { cycleId: cycle.id, sessionId: s.id, rating: Number(rating) },
                          {
                            onSuccess: (r) =>
                              toast({
                                title:
                                  r.cycleStatus === 'completed'
                                    ? 'Group swap complete — rewards are on their way'
                                    : `Confirmed — ${3 - r.confirmedBy.length} still to confirm`,
                              }),
                            onError: (error) =>
                              toast({
                                title: 'Couldn’t confirm it',
                                description: friendlyError(error),
                                tone: 'error',
                              }),
                          },
                        );
                      }}
                    >
                      <div className="flex flex-col gap-1.5">
                        <label htmlFor={ratingId} className="text-sm font-medium text-stone-800">
                          How did {teacherName} teach you?
                        </label>
                        <Select
                          id={ratingId}
                          value={rating}
                          onChange={(e) => setRatings((r) => ({ ...r, [s.id]: e.target.value }))}
                        >
                          {[5, 4, 3, 2, 1].map((n) => (
                            <option key={n} value={String(n)}>
                              {n} star{n === 1 ? '' : 's'}
                            </option>
                          ))}
                        </Select>
                      </div>
                      <Button
                        type="submit"
                        size="sm"
                        disabled={!canWrite}
                        loading={confirm.isPending && confirm.variables?.sessionId === s.id}
                      >
                        Confirm it took place
                      </Button>
                    </form>
                  ) : null}
                  {active && live && !sessionEnded(s, now) ? (
                    <p className="text-xs text-stone-600">You can confirm it took place once it ends.</p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

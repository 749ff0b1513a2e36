import { timeZoneOffsetMinutes } from '@skillverse/domain/skills';
import {
  CYCLE_FULL_SHARED_MINUTES,
  type CycleStatus,
  type ExchangeCycle,
  explainCycleScore,
  formatWeeklyWindow,
} from '@skillverse/domain/swap-cycles';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { friendlyError } from '@/lib/errors';
import { useMyCycles, useRespondToCycle } from '../api/swap-cycles';

const CYCLE_STATUS_LABELS: Record<CycleStatus, string> = {
  proposed: 'Waiting for answers',
  active: 'On: all three accepted',
  declined: 'Declined',
  expired: 'Expired',
  completed: 'Completed',
};
const CYCLE_STATUS_TONES: Record<CycleStatus, 'brand' | 'success' | 'neutral' | 'danger' | 'warning'> = {
  proposed: 'brand',
  active: 'success',
  declined: 'danger',
  expired: 'neutral',
  completed: 'success',
};

export function personName(cycle: ExchangeCycle, uid: string, me: string): string {
  if (uid === me) return 'You';
  return cycle.people[uid]?.displayName ?? 'A SkillVerse member';
}

/** The shared weekly window in the reader's time zone, with the zone named. */
export function sharedTimeLabel(cycle: ExchangeCycle, timeZone: string): string {
  const offset = timeZoneOffsetMinutes(timeZone || 'UTC', new Date());
  return `${formatWeeklyWindow(cycle.window, offset)} (${timeZone || 'UTC'})`;
}

/**
 * The cycle as the reader tells it: starting from them ("You teach …"), then around the circle.
 * The stored order is canonical (smallest uid first); this only rotates it for display.
 */
export function fromMyView(cycle: ExchangeCycle, me: string): ExchangeCycle {
  const k = cycle.participants.indexOf(me);
  if (k <= 0) return cycle;
  const rotate = <T,>(xs: T[]) => [...xs.slice(k), ...xs.slice(0, k)];
  const edgeStart = cycle.edges.findIndex((e) => e.from === me);
  const edges =
    edgeStart > 0 ? [...cycle.edges.slice(edgeStart), ...cycle.edges.slice(0, edgeStart)] : cycle.edges;
  return { ...cycle, participants: rotate(cycle.participants), edges };
}

function answerOf(cycle: ExchangeCycle, uid: string): string {
  if (cycle.acceptedBy.includes(uid)) return 'accepted';
  if (cycle.declinedBy === uid) return 'declined';
  return cycle.status === 'proposed' ? 'not answered yet' : 'did not answer';
}

/** "Group swaps": my 3-way swap proposals, with who teaches whom, the shared time, and the answers. */
export function GroupSwaps({ me, timeZone, canWrite }: { me: string; timeZone: string; canWrite: boolean }) {
  const cycles = useMyCycles(me);
  return (
    <section aria-labelledby="group-swaps-heading">
      <h2 id="group-swaps-heading" className="mb-1 text-lg font-semibold text-stone-900">
        Group swaps
      </h2>
      <p className="mb-3 text-sm text-stone-600">
        When nobody can swap with you directly, three people often can: you teach one, learn from another.
      </p>
      {cycles.isPending ? (
        <div aria-busy="true">
          <span className="sr-only">Loading group swaps…</span>
          <Skeleton className="h-40" />
        </div>
      ) : cycles.error && !cycles.data ? (
        <Alert tone="error" title="We couldn’t load your group swaps">
          {friendlyError(cycles.error)}{' '}
          <Button size="sm" variant="subtle" onClick={() => void cycles.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : (cycles.data ?? []).length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-4 text-sm text-stone-700">
          No group swaps proposed yet. We look for them once a day among people who share an hour of free
          time.
        </p>
      ) : (
        <ul className="flex flex-col gap-4">
          {(cycles.data ?? []).map((c) => (
            <li key={c.id}>
              <CycleCard cycle={fromMyView(c, me)} me={me} timeZone={timeZone} canWrite={canWrite} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CycleCard({
  cycle,
  me,
  timeZone,
  canWrite,
}: {
  cycle: ExchangeCycle;
  me: string;
  timeZone: string;
  canWrite: boolean;
}) {
  const respond = useRespondToCycle();
  const [answer, setAnswer] = useState<'accept' | 'decline' | null>(null);
  const headingId = `cycle-${cycle.id}-heading`;
  const iAccepted = cycle.acceptedBy.includes(me);
  const canAnswer = canWrite && cycle.status === 'proposed';
  const send = (decision: 'accept' | 'decline') => {
    setAnswer(decision);
    respond.mutate({ cycleId: cycle.id, decision });
  };
  return (
    <article
      aria-labelledby={headingId}
      className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm"
      data-testid="group-swap"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="font-semibold text-stone-900">
          {cycle.participants.map((uid) => personName(cycle, uid, me)).join(', ')}
        </h3>
        <Badge tone={CYCLE_STATUS_TONES[cycle.status]}>{CYCLE_STATUS_LABELS[cycle.status]}</Badge>
      </div>
      <ul className="mt-2 flex flex-col gap-1 text-sm text-stone-800" aria-label="Who teaches whom">
        {cycle.edges.map((e) => (
          <li key={`${e.from}-${e.to}`}>
            <strong className="font-medium">{personName(cycle, e.from, me)}</strong>{' '}
            {e.from === me ? 'teach' : 'teaches'}{' '}
            <strong className="font-medium">{personName(cycle, e.to, me).replace(/^You$/, 'you')}</strong>{' '}
            <span className="text-brand-800">{e.skill}</span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm text-stone-700">
        <span className="font-medium">Shared free time:</span> {sharedTimeLabel(cycle, timeZone)}
      </p>
      <ScoreExplanation cycle={cycle} me={me} />
      <ul className="mt-2 flex flex-col gap-0.5 text-sm text-stone-600" aria-label="Answers">
        {cycle.participants.map((uid) => (
          <li key={uid}>
            {personName(cycle, uid, me)}: {answerOf(cycle, uid)}
          </li>
        ))}
      </ul>
      {cycle.status === 'proposed' ? (
        <p className="mt-1 text-xs text-stone-600">
          Answer by {cycle.expiresAt.toLocaleDateString(undefined, { dateStyle: 'medium' })}.
        </p>
      ) : null}
      {respond.error ? (
        <Alert tone="error" className="mt-3" title="Your answer was not saved">
          {friendlyError(respond.error)}
        </Alert>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        {canAnswer && !iAccepted ? (
          <>
            <Button
              size="sm"
              onClick={() => send('accept')}
              disabled={respond.isPending}
              aria-busy={respond.isPending && answer === 'accept'}
            >
              {respond.isPending && answer === 'accept' ? 'Accepting…' : 'Accept'}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => send('decline')}
              disabled={respond.isPending}
              aria-busy={respond.isPending && answer === 'decline'}
            >
              {respond.isPending && answer === 'decline' ? 'Declining…' : 'Decline'}
            </Button>
          </>
        ) : null}
        {canAnswer && iAccepted ? (
          <>
            <p className="text-sm text-stone-700" role="status">
              You accepted. The room opens when the other two accept.
            </p>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => send('decline')}
              disabled={respond.isPending}
            >
              Decline instead
            </Button>
          </>
        ) : null}
        {cycle.status === 'active' ? (
          <ButtonLink size="sm" to={paths.exchangeCycle.href(cycle.id)}>
            Open the group room
          </ButtonLink>
        ) : null}
      </div>
    </article>
  );
}

function hours(minutes: number): string {
  const h = minutes / 60;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} h`;
}

/**
 * Why this group swap: what I give and get, and how the score (0–100) was reached — skill fit
 * (up to 60: how many of what each wants the next one offers) and shared time (up to 40: weekly
 * hours all three are free). The same arithmetic as the search (explainCycleScore).
 */
export function ScoreExplanation({ cycle, me }: { cycle: ExchangeCycle; me: string }) {
  const x = explainCycleScore(cycle.edges, cycle.sharedMinutes);
  const give = cycle.edges.find((e) => e.from === me);
  const get = cycle.edges.find((e) => e.to === me);
  const id = `cycle-${cycle.id}-score`;
  return (
    <section
      aria-labelledby={id}
      className="mt-3 rounded-lg bg-stone-50 p-3 text-sm"
      data-testid="cycle-score"
    >
      <h4 id={id} className="font-medium text-stone-900">
        Match score {x.score}/100 — why
      </h4>
      {give && get ? (
        <p className="mt-1 text-stone-800">
          You give <strong className="font-medium">{give.skill}</strong> to {personName(cycle, give.to, me)}{' '}
          and get <strong className="font-medium">{get.skill}</strong> from {personName(cycle, get.from, me)}.
        </p>
      ) : null}
      <ul className="mt-1 flex flex-col gap-0.5 text-stone-700">
        <li>
          Skill fit: {x.fitPoints}/60 —{' '}
          {x.edges
            .map(
              (e) =>
                `${personName(cycle, e.from, me)} → ${personName(cycle, e.to, me).replace(/^You$/, 'you')}: ${e.fits} matching skill${e.fits === 1 ? '' : 's'}`,
            )
            .join('; ')}{' '}
          (3 per pair earn full marks).
        </li>
        <li>
          Shared time: {x.timePoints}/40 — all three are free {hours(x.sharedMinutes)} a week together (
          {hours(CYCLE_FULL_SHARED_MINUTES)} earn full marks).
        </li>
      </ul>
    </section>
  );
}

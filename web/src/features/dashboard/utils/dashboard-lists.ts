// What each dashboard card shows out of the few documents it reads (pure, unit-tested).
import type { Enrollment } from '@skillverse/domain/models';
import type { ExchangeDoc } from '@/lib/data/exchanges';
import type { LiveSessionSummary } from '@/lib/data/live-sessions';

export const CONTINUE_LEARNING_SHOWN = 3;
export const ACTIVE_EXCHANGES_SHOWN = 4;
export const UPCOMING_SHOWN = 3;

/** Active, unfinished enrolments, in the order given (most recently active first). */
export function unfinished(items: readonly Enrollment[]): Enrollment[] {
  return items
    .filter((e) => e.status === 'active' && e.completedAt === null && e.progress < 100)
    .slice(0, CONTINUE_LEARNING_SHOWN);
}

const OPEN_EXCHANGES = new Set(['pending', 'accepted', 'active']);

/** Exchanges still going (pending, accepted, active), in the order given. */
export function openExchanges(items: readonly ExchangeDoc[]): ExchangeDoc[] {
  return items.filter((x) => OPEN_EXCHANGES.has(x.status)).slice(0, ACTIVE_EXCHANGES_SHOWN);
}

/** Sessions live now or not yet over, soonest first. */
export function upcoming(sessions: readonly LiveSessionSummary[], now: Date): LiveSessionSummary[] {
  return sessions
    .filter(
      (s) =>
        s.status === 'live' ||
        (s.status === 'scheduled' && s.scheduledAt.getTime() + s.durationMin * 60_000 > now.getTime()),
    )
    .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime())
    .slice(0, UPCOMING_SHOWN);
}

import { buildIcs } from '@skillverse/domain/ics';
import { downloadText } from '@/lib/download';
import type { ExchangeSession } from '@skillverse/domain/models';

/** A calendar file for one exchange session, built in the browser. */
export function sessionIcs(
  exchangeId: string,
  session: Pick<ExchangeSession, 'id' | 'scheduledAt' | 'durationMin' | 'notes'>,
  title: string,
  url: string,
  now: Date = new Date(),
): string {
  return buildIcs({
    uid: `exchange-${exchangeId}-${session.id}@skillverse`,
    title,
    description: session.notes || undefined,
    start: session.scheduledAt,
    end: new Date(session.scheduledAt.getTime() + session.durationMin * 60_000),
    stamp: now,
    url,
    method: 'PUBLISH',
  });
}

/** Starts a download of an .ics file (no server involved). */
export function downloadIcs(filename: string, ics: string) {
  downloadText(filename, ics, 'text/calendar;charset=utf-8');
}

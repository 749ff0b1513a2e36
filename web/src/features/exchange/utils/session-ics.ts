import { buildIcs } from '@skillverse/domain/ics';
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

/** Starts a download of `text` as a file (no server involved). */
export function downloadText(filename: string, text: string, type = 'text/calendar;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

import { sessionEndsAt } from '@skillverse/domain/live';

const dateFmt = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const timeFmt = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** "Thu, 10 Dec 2026, 18:00 – 19:00 CET" in the viewer's timezone. */
export function SessionTime({ scheduledAt, durationMin }: { scheduledAt: Date; durationMin: number }) {
  const end = sessionEndsAt({ scheduledAt, durationMin });
  return (
    <time dateTime={scheduledAt.toISOString()}>
      {dateFmt.format(scheduledAt)}, {timeOnly.format(scheduledAt)} – {timeFmt.format(end)}
    </time>
  );
}

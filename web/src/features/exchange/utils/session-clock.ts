// What the one-to-one and the group (swap cycle) session panels and call pages share about time:
// how a session's start is written, whether it has ended, and a clock that re-renders them (the
// call window and the confirm button open and close with it).
import { useEffect, useState } from 'react';

/** A session's start as the panels and call pages write it ("Wed 9 Dec, 18:00"). */
export const sessionWhen = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});

/** Whether a session's end (scheduledAt + duration) has passed. */
export function sessionEnded(s: { scheduledAt: Date; durationMin: number }, now: number): boolean {
  return now >= s.scheduledAt.getTime() + s.durationMin * 60_000;
}

/** The time now, re-rendering every `ms` (30 s by default). */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(t);
  }, [ms]);
  return now;
}

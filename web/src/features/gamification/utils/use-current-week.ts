import { nextIsoWeekStart } from '@skillverse/domain/achievements';
import { isoWeekId } from '@skillverse/domain/gamification';
import { useEffect, useState } from 'react';

/** Longest single timer: setTimeout overflows past ~24.8 days, and a week is well under that. */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * The current ISO week id ('2026-W48'), which changes by itself at Monday 00:00 UTC while the
 * page is open — so the weekly board rolls over without a reload.
 */
export function useCurrentWeek(): string {
  const [week, setWeek] = useState(() => isoWeekId(new Date()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      const now = new Date();
      const delay = Math.min(MAX_DELAY, nextIsoWeekStart(now).getTime() - now.getTime() + 1000);
      timer = setTimeout(() => {
        setWeek(isoWeekId(new Date()));
        schedule();
      }, delay);
    };
    schedule();
    return () => clearTimeout(timer);
  }, []);
  return week;
}

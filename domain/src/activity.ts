// Daily learning activity: the per-day points map kept on `users/{uid}/private/activity` by the
// ledger trigger, and the calendar heat-map the dashboard draws from it. Days are local calendar
// days ('YYYY-MM-DD') in the user's time zone, like the streak.
import { addDays, countsTowardStreak, dayNumber } from './gamification';
import type { PointReason } from './models';

/** Day → points earned from learning that day. */
export type ActivityDays = Record<string, number>;

/** How far back the activity map reaches: 53 full weeks (a year of heat-map and then some). */
export const ACTIVITY_RETENTION_DAYS = 371;

/** Ledger reasons that show on the heat-map: learning activity and the streak bonus it earns. */
export function countsTowardActivity(reason: PointReason): boolean {
  return countsTowardStreak(reason) || reason === 'daily_streak';
}

function isDay(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The activity map after `points` earned on `day`, pruned to the `retentionDays` days ending
 * `today`. Days outside that window (too old, or after today) are not added. Pure: returns a new map.
 */
export function addActivity(
  days: Readonly<Record<string, unknown>>,
  day: string,
  points: number,
  today: string,
  retentionDays: number = ACTIVITY_RETENTION_DAYS,
): ActivityDays {
  const last = dayNumber(today);
  const first = last - retentionDays + 1;
  const inWindow = (d: string) => isDay(d) && dayNumber(d) >= first && dayNumber(d) <= last;
  const next: ActivityDays = {};
  for (const [d, value] of Object.entries(days)) {
    if (inWindow(d) && typeof value === 'number' && Number.isFinite(value) && value > 0) next[d] = value;
  }
  if (inWindow(day) && Number.isFinite(points) && points > 0) next[day] = (next[day] ?? 0) + points;
  return next;
}

// ---------------------------------------------------------------------------------------------
// Heat-map

/** 0: no activity; 1–4: more points. */
export type HeatLevel = 0 | 1 | 2 | 3 | 4;

/** Lower bounds (points in a day) of intensity levels 1–4: a lecture is 10, a course 100. */
export const HEAT_THRESHOLDS: readonly [number, number, number, number] = [1, 15, 40, 100];

export function heatLevel(points: number): HeatLevel {
  if (!Number.isFinite(points) || points < HEAT_THRESHOLDS[0]) return 0;
  if (points < HEAT_THRESHOLDS[1]) return 1;
  if (points < HEAT_THRESHOLDS[2]) return 2;
  if (points < HEAT_THRESHOLDS[3]) return 3;
  return 4;
}

export interface HeatmapCell {
  day: string;
  points: number;
  level: HeatLevel;
  isToday: boolean;
  /** Later this week: drawn empty, not counted. */
  isFuture: boolean;
}

export interface HeatmapWeek {
  /** The Monday that starts the column. */
  start: string;
  /** Monday … Sunday. */
  cells: HeatmapCell[];
  /** Short month name when a month starts in this column (or the first column), else null. */
  monthLabel: string | null;
}

export interface Heatmap {
  weeks: HeatmapWeek[];
  from: string;
  today: string;
  /** Days with activity in the grid (up to today). */
  activeDays: number;
  totalPoints: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Day of the week of a 'YYYY-MM-DD', Monday 0 … Sunday 6. */
export function weekdayIndex(day: string): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((dayNumber(day) + 3) % 7) + 7) % 7;
}

/**
 * The heat-map of the last `weeks` weeks ending with the week of `today` (the user's local day):
 * one column per week, Monday to Sunday, oldest first. Days after today are marked future.
 */
export function heatmapGrid(days: Readonly<Record<string, unknown>>, today: string, weeks: number): Heatmap {
  const count = Math.max(1, Math.floor(weeks));
  const todayNumber = dayNumber(today);
  const from = addDays(today, -weekdayIndex(today) - (count - 1) * 7);
  const result: HeatmapWeek[] = [];
  let activeDays = 0;
  let totalPoints = 0;
  for (let w = 0; w < count; w++) {
    const start = addDays(from, w * 7);
    const cells: HeatmapCell[] = [];
    for (let d = 0; d < 7; d++) {
      const day = addDays(start, d);
      const isFuture = dayNumber(day) > todayNumber;
      const raw = days[day];
      const points = !isFuture && typeof raw === 'number' && Number.isFinite(raw) && raw > 0 ? raw : 0;
      if (points > 0) {
        activeDays += 1;
        totalPoints += points;
      }
      cells.push({ day, points, level: heatLevel(points), isToday: day === today, isFuture });
    }
    // A month label on the column holding the month's first day (and on the first column).
    const first = cells.find((c) => c.day.endsWith('-01'));
    const labelDay = first ? first.day : w === 0 ? start : null;
    const monthLabel = labelDay ? (MONTHS[Number(labelDay.slice(5, 7)) - 1] ?? null) : null;
    result.push({ start, cells, monthLabel });
  }
  return { weeks: result, from, today, activeDays, totalPoints };
}

/** What one cell says to a screen reader or in its tooltip, e.g. "Tue 24 Nov: 25 points". */
export function heatCellTitle(cell: Pick<HeatmapCell, 'day' | 'points' | 'isToday' | 'isFuture'>): string {
  const date = new Date(`${cell.day}T12:00:00Z`);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()];
  const label = `${weekday} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  if (cell.isFuture) return `${label}: still to come`;
  const what = cell.points > 0 ? `${cell.points} ${cell.points === 1 ? 'point' : 'points'}` : 'no activity';
  return `${label}${cell.isToday ? ' (today)' : ''}: ${what}`;
}

/** A one-sentence summary of the heat-map for screen readers. */
export function heatmapSummary(heatmap: Heatmap): string {
  const weeks = heatmap.weeks.length;
  if (heatmap.activeDays === 0) return `No learning activity in the last ${weeks} weeks.`;
  const days = heatmap.activeDays === 1 ? '1 day' : `${heatmap.activeDays} days`;
  return `Active on ${days} in the last ${weeks} weeks, earning ${heatmap.totalPoints} points.`;
}

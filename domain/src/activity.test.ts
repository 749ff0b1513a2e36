import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_RETENTION_DAYS,
  addActivity,
  countsTowardActivity,
  heatCellTitle,
  heatLevel,
  heatmapGrid,
  heatmapSummary,
  weekdayIndex,
} from './activity';
import { addDays, localDay } from './gamification';

describe('countsTowardActivity', () => {
  it('counts learning and the streak bonus it earns, not referrals', () => {
    expect(countsTowardActivity('lecture_completed')).toBe(true);
    expect(countsTowardActivity('exchange_completed')).toBe(true);
    expect(countsTowardActivity('daily_streak')).toBe(true);
    expect(countsTowardActivity('referral')).toBe(false);
  });
});

describe('addActivity', () => {
  const today = '2026-11-25';

  it('adds points to the day, summing several activities on one day', () => {
    const once = addActivity({}, today, 10, today);
    expect(once).toEqual({ [today]: 10 });
    expect(addActivity(once, today, 5, today)).toEqual({ [today]: 15 });
  });

  it('returns a new map and leaves the input alone', () => {
    const before = { '2026-11-24': 10 };
    addActivity(before, today, 10, today);
    expect(before).toEqual({ '2026-11-24': 10 });
  });

  it('keeps about a year: prunes days older than the retention window', () => {
    const oldest = addDays(today, -(ACTIVITY_RETENTION_DAYS - 1));
    const tooOld = addDays(oldest, -1);
    const next = addActivity({ [oldest]: 10, [tooOld]: 20, '2026-11-01': 30 }, today, 10, today);
    expect(next).toEqual({ [oldest]: 10, '2026-11-01': 30, [today]: 10 });
  });

  it('ignores activity outside the window (too old or after today) and junk values', () => {
    expect(addActivity({}, '2024-01-01', 10, today)).toEqual({});
    expect(addActivity({}, '2026-11-26', 10, today)).toEqual({});
    expect(addActivity({ nonsense: 5, '2026-11-20': 'x', '2026-11-21': -3 }, today, 0, today)).toEqual({});
  });

  it('takes a late, out-of-order event for an earlier day', () => {
    expect(addActivity({ [today]: 10 }, '2026-11-20', 15, today)).toEqual({ [today]: 10, '2026-11-20': 15 });
  });
});

describe('heatLevel', () => {
  it.each([
    [0, 0],
    [-5, 0],
    [5, 1],
    [14, 1],
    [15, 2],
    [39, 2],
    [40, 3],
    [99, 3],
    [100, 4],
    [600, 4],
  ])('%i points is level %i', (points, level) => {
    expect(heatLevel(points)).toBe(level);
  });
});

describe('heatmapGrid', () => {
  // Wednesday 25 November 2026.
  const today = '2026-11-25';

  it('numbers weekdays from Monday', () => {
    expect(weekdayIndex('2026-11-23')).toBe(0); // Monday
    expect(weekdayIndex(today)).toBe(2);
    expect(weekdayIndex('2026-11-29')).toBe(6); // Sunday
    expect(weekdayIndex('1970-01-01')).toBe(3); // Thursday
  });

  it('has one Monday-to-Sunday column per week, the last one holding today', () => {
    const grid = heatmapGrid({}, today, 12);
    expect(grid.weeks).toHaveLength(12);
    for (const week of grid.weeks) {
      expect(week.cells).toHaveLength(7);
      expect(weekdayIndex(week.start)).toBe(0);
    }
    expect(grid.from).toBe('2026-09-07');
    const last = grid.weeks.at(-1)!;
    expect(last.start).toBe('2026-11-23');
    expect(last.cells.map((c) => c.isToday)).toEqual([false, false, true, false, false, false, false]);
    expect(last.cells.map((c) => c.isFuture)).toEqual([false, false, false, true, true, true, true]);
  });

  it('fills cells with points and intensity, and totals active days', () => {
    const grid = heatmapGrid(
      { '2026-11-23': 10, [today]: 115, '2026-11-24': 25, '2026-01-01': 999, '2026-11-26': 50 },
      today,
      4,
    );
    const last = grid.weeks.at(-1)!.cells;
    expect(last.slice(0, 3).map((c) => [c.points, c.level])).toEqual([
      [10, 1],
      [25, 2],
      [115, 4],
    ]);
    // Outside the grid (January) and in the future (tomorrow) do not count.
    expect(last[3]).toMatchObject({ points: 0, level: 0, isFuture: true });
    expect(grid.activeDays).toBe(3);
    expect(grid.totalPoints).toBe(150);
  });

  it('labels the first column and each column where a month starts', () => {
    const grid = heatmapGrid({}, today, 12);
    const labels = grid.weeks.map((w) => w.monthLabel).filter(Boolean);
    expect(labels).toEqual(['Sep', 'Oct', 'Nov']);
    expect(grid.weeks[0]!.monthLabel).toBe('Sep');
  });

  it('marks today in the user’s time zone, not UTC', () => {
    // 02:00 UTC on 26 Nov is still the evening of 25 Nov in New York.
    const instant = new Date('2026-11-26T02:00:00Z');
    const nyToday = localDay(instant, 'America/New_York');
    expect(nyToday).toBe('2026-11-25');
    const grid = heatmapGrid({ '2026-11-25': 10 }, nyToday, 1);
    expect(grid.weeks[0]!.cells.find((c) => c.isToday)?.day).toBe('2026-11-25');
    const utcGrid = heatmapGrid({}, localDay(instant, 'UTC'), 1);
    expect(utcGrid.weeks[0]!.cells.find((c) => c.isToday)?.day).toBe('2026-11-26');
  });

  it('puts a Sunday today at the bottom of the last column, with no future days', () => {
    const grid = heatmapGrid({}, '2026-11-29', 2);
    expect(grid.weeks.at(-1)!.cells.at(-1)).toMatchObject({ day: '2026-11-29', isToday: true });
    expect(grid.weeks.flatMap((w) => w.cells).some((c) => c.isFuture)).toBe(false);
  });
});

describe('heat-map text', () => {
  it('titles each cell with its date and points', () => {
    expect(heatCellTitle({ day: '2026-11-24', points: 25, isToday: false, isFuture: false })).toBe(
      'Tue 24 Nov 2026: 25 points',
    );
    expect(heatCellTitle({ day: '2026-11-25', points: 0, isToday: true, isFuture: false })).toBe(
      'Wed 25 Nov 2026 (today): no activity',
    );
    expect(heatCellTitle({ day: '2026-11-26', points: 0, isToday: false, isFuture: true })).toBe(
      'Thu 26 Nov 2026: still to come',
    );
  });

  it('summarises the grid in a sentence for screen readers', () => {
    expect(heatmapSummary(heatmapGrid({}, '2026-11-25', 12))).toBe(
      'No learning activity in the last 12 weeks.',
    );
    expect(heatmapSummary(heatmapGrid({ '2026-11-24': 25, '2026-11-20': 10 }, '2026-11-25', 12))).toBe(
      'Active on 2 days in the last 12 weeks, earning 35 points.',
    );
  });
});

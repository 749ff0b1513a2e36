import { describe, expect, it } from 'vitest';
import { describeSeries, formatDay, geometry, niceMax } from './chart';

describe('niceMax', () => {
  it('rounds the top of the axis up to a readable number', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(18)).toBe(20);
    expect(niceMax(230)).toBe(250);
    expect(niceMax(4100)).toBe(5000);
  });
});

describe('geometry', () => {
  it('puts each value in its own slot, scaled to the axis top, zero on the baseline', () => {
    const g = geometry([0, 5, 10], 300, 100);
    expect(g.top).toBe(10);
    expect(g.points.map((p) => [p.x, p.y])).toEqual([
      [50, 100],
      [150, 50],
      [250, 0],
    ]);
    expect(g.area.startsWith('50.0,100 ')).toBe(true);
  });

  it('draws nothing for no data', () => {
    expect(geometry([], 300, 100)).toMatchObject({ points: [], line: '', area: '' });
  });
});

describe('describeSeries', () => {
  const points = [
    { day: '2026-11-01', value: 2 },
    { day: '2026-11-02', value: 5 },
    { day: '2026-11-03', value: 1 },
  ];

  it('sums daily figures and names the peak', () => {
    expect(describeSeries(points, String, false)).toBe('Nov 1 to Nov 3: 8 in total; highest 5 on Nov 2.');
  });

  it('reads cumulative figures by their latest value', () => {
    expect(describeSeries(points, String, true)).toMatch(/^Nov 1 to Nov 3: 1 on Nov 3 \(from 2 on Nov 1\)/);
  });

  it('formats days in UTC, like the rollup', () => {
    expect(formatDay('2026-01-31')).toBe('Jan 31');
  });
});

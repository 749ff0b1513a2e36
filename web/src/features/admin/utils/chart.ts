// Geometry and words for the console's small SVG charts (no chart library: a few hundred bytes).

export interface Point {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  value: number;
}

/** A "nice" upper bound for the y axis: 1, 2, 2.5 or 5 × a power of ten, at least `max`. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export interface Geometry {
  top: number;
  /** x of each point's centre, y of its value, bar height. */
  points: { x: number; y: number; h: number; barX: number; barW: number }[];
  /** The polyline through the points, for a line chart. */
  line: string;
  /** The same line closed down to the baseline, for the area under it. */
  area: string;
}

export function geometry(values: readonly number[], width: number, height: number): Geometry {
  const top = niceMax(Math.max(0, ...values));
  const n = values.length;
  const slot = n > 0 ? width / n : width;
  const barW = Math.max(1, slot * 0.7);
  const points = values.map((v, i) => {
    const h = (Math.max(0, v) / top) * height;
    const x = slot * i + slot / 2;
    return { x, y: height - h, h, barX: x - barW / 2, barW };
  });
  const fmt = (p: { x: number; y: number }) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`;
  const line = points.map(fmt).join(' ');
  const first = points[0];
  const last = points.at(-1);
  const area = first && last ? `${first.x.toFixed(1)},${height} ${line} ${last.x.toFixed(1)},${height}` : '';
  return { top, points, line, area };
}

const dayLabel = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Nov 3" for 2026-11-03 (UTC, like the rollup). */
export function formatDay(day: string): string {
  return dayLabel.format(new Date(`${day}T00:00:00Z`));
}

/** One sentence a screen reader can take in: range, total or latest, and the peak. */
export function describeSeries(
  points: readonly Point[],
  format: (n: number) => string,
  cumulative: boolean,
): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return 'No data yet.';
  let peak = first;
  for (const p of points) if (p.value > peak.value) peak = p;
  const span = `${formatDay(first.day)} to ${formatDay(last.day)}`;
  const main = cumulative
    ? `${format(last.value)} on ${formatDay(last.day)} (from ${format(first.value)} on ${formatDay(first.day)})`
    : `${format(points.reduce((s, p) => s + p.value, 0))} in total`;
  return `${span}: ${main}; highest ${format(peak.value)} on ${formatDay(peak.day)}.`;
}

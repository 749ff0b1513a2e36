// Statistics and the markdown output of the catalog benchmark.
import { readFileSync, writeFileSync } from 'node:fs';

/** Nearest-rank percentile of `values` (p in 0–100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export interface ViewResult {
  view: string;
  /** What "rendered" means for this view. */
  renderedWhen: string;
  timesMs: number[];
  /** Documents delivered to the app per run (the in-app read counter). */
  appReads: number[];
  /** Documents the emulator sent per run (the Listen stream counter). */
  wireReads: number[];
  /** The app counter's breakdown of the last run, by operation and path. */
  breakdown: Record<string, number>;
}

const ms = (n: number) => `${Math.round(n)} ms`;
const range = (values: readonly number[]) => {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
};

export function markdownTable(results: readonly ViewResult[]): string {
  const rows = results.map((r) =>
    [
      r.view,
      r.renderedWhen,
      String(r.timesMs.length),
      ms(percentile(r.timesMs, 50)),
      ms(percentile(r.timesMs, 95)),
      range(r.wireReads),
      range(r.appReads),
      Object.entries(r.breakdown)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', '),
    ].join(' | '),
  );
  return [
    '| view | rendered when | runs | p50 | p95 | docs sent by server | docs delivered to app | app reads by operation (last run) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}

/** Replaces what is between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` in `file`. */
export function writeSection(file: string, name: string, body: string): void {
  const text = readFileSync(file, 'utf8');
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start === -1 || end === -1 || end < start)
    throw new Error(`${file}: markers for bench:${name} not found`);
  writeFileSync(file, `${text.slice(0, start + open.length)}\n${body.trim()}\n${text.slice(end)}`);
}

// The seed plan is pure and relative to one `now`: the same clock must give the same documents.
// These pin what buildSeed produces for a fixed clock, so reshaping the builder (one file per
// area, lib/*-docs.ts) cannot change the demo data unnoticed. A deliberate change to the seed data
// updates them: `npx vitest run --project scripts scripts/seed -u`, and the diff shows what changed.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildSeed, type SeedPlan } from './lib/build';

const NOW = new Date('2026-11-20T10:17:23.456Z');

/** Every document, in write order, with Dates as ISO strings and undefined fields kept visible. */
function serialise(plan: SeedPlan): string {
  return JSON.stringify({ docs: plan.docs, statsDocs: plan.statsDocs, authUsers: plan.authUsers }, (_k, v) =>
    v === undefined ? '__undefined__' : v,
  );
}

/** Documents per collection path, ids replaced by `*` (courses/*\/lectures/*). */
function perCollection(plan: SeedPlan): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { path } of [...plan.docs, ...plan.statsDocs]) {
    const key = path
      .split('/')
      .map((part, i) => (i % 2 === 1 ? '*' : part))
      .join('/');
    out[key] = (out[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

describe('buildSeed', () => {
  const plan = buildSeed(NOW);

  it('builds exactly the same plan twice from the same clock', () => {
    expect(serialise(buildSeed(NOW))).toBe(serialise(plan));
  });

  it('keeps its counts and the ids other tests scope their queries to', () => {
    expect({
      weekId: plan.weekId,
      counts: plan.counts,
      userIds: plan.userIds,
      courseIds: plan.courseIds,
      exchangeIds: plan.exchangeIds,
      liveSessionIds: plan.liveSessionIds,
    }).toMatchSnapshot();
  });

  it('writes as many documents to each collection as before', () => {
    expect(perCollection(plan)).toMatchSnapshot();
  });

  it('writes the same documents, field for field and in the same order, as before', () => {
    // Opaque on purpose: the two tests above say where a change is; this one says there is one.
    expect(createHash('sha256').update(serialise(plan)).digest('hex')).toMatchSnapshot();
  });
});

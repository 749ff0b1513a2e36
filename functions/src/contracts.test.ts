// Every deployed callable has its contract in @skillverse/domain/contracts, and every contract a
// deployed callable: read from the same endpoint annotations firebase-tools reads (__endpoint).
import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import { ALL_CALLABLES } from '@skillverse/domain/contracts/registry';
import { beforeAll, describe, expect, it } from 'vitest';

interface Endpoint {
  callableTrigger?: object;
  httpsTrigger?: object;
}

let callables: string[];
let httpFunctions: string[];

beforeAll(async () => {
  // The 1st-gen Auth trigger needs a project id to describe itself, as at deploy time.
  process.env.GCLOUD_PROJECT ??= 'demo-skillverse';
  const fns = (await import('./index')) as Record<string, { __endpoint?: Endpoint }>;
  const entries = Object.entries(fns);
  callables = entries.filter(([, fn]) => fn.__endpoint?.callableTrigger).map(([name]) => name);
  httpFunctions = entries.filter(([, fn]) => fn.__endpoint?.httpsTrigger).map(([name]) => name);
}, 30_000);

describe('callable contracts', () => {
  it('finds the callables', () => {
    expect(callables.length).toBeGreaterThan(20);
  });

  it('every exported callable has a contract', () => {
    const contracted = new Set(ALL_CALLABLES.map((c) => c.name));
    expect(callables.filter((name) => !contracted.has(name))).toEqual([]);
  });

  it('every contract has an exported callable of that name', () => {
    const exported = new Set(callables);
    expect(ALL_CALLABLES.map((c) => c.name).filter((name) => !exported.has(name))).toEqual([]);
  });

  it('names each callable once', () => {
    const names = ALL_CALLABLES.map((c) => c.name);
    expect(names.length).toBe(new Set(names).size);
  });

  it('HTTP_FUNCTIONS lists exactly the exported HTTP functions', () => {
    expect([...httpFunctions].sort()).toEqual(Object.values(HTTP_FUNCTIONS).sort());
  });
});

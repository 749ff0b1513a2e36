// Every callable in domain/src/contracts/registry.ts, walked with malformed payloads (issue 14):
// missing data, wrong types, huge strings, arrays, nested objects, own `__proto__` keys, ill-formed
// UTF-16 ("\ud800"), ids with "/", ".", "..", spaces or __reserved__, negative/NaN/huge numbers.
// As a signed-in verified learner, and again as an admin for admin-only callables: no answer may be
// INTERNAL (or any 5xx), a payload the callable's own schema rejects must be invalid-argument (unless
// the role check answers first), and nothing may be written. A sample per callable
// (`samplePayloads`); bench:faults (scenario 5) sends 200 each.
import type { AnyCallableContract } from '@skillverse/domain/contracts/callable';
import { ALL_CALLABLES } from '@skillverse/domain/contracts/registry';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptsInput, CALLABLE_SPECS, type ForeignIds } from '../../functions/test/callable-specs';
import {
  type CallableResponse,
  callFunction,
  createAuthUser,
  emulatorsRunning,
  idTokenFor,
  testDb,
  waitForDoc,
} from '../../functions/test/emulator';
import { samplePayloads } from '../../functions/test/malformed-payloads';
import {
  describeDiff,
  diffSize,
  diffSnapshots,
  knownCollectionIds,
  snapshotDb,
} from '../../scripts/bench/lib/faults-db';

const ROOT = join(import.meta.dirname, '..', '..');
const COLLECTIONS = knownCollectionIds(ROOT);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Ids that name nothing: the walker creates no fixtures, so a well-formed request finds nothing to act on. */
const NOTHING: ForeignIds = {
  freeCourse: 'walker-no-course',
  paidCourse: 'walker-no-paid-course',
  draftCourse: 'walker-no-draft-course',
  lectureId: 'l1',
  quizId: 'final',
  otherPayment: 'walker-no-payment',
  otherSession: 'walker-no-session',
  endedSession: 'walker-no-ended-session',
  otherUid: 'walker-no-user',
};

/** A snapshot once earlier writes' triggers have settled: two 2.5 s apart agree (up to a minute). */
async function quietSnapshot(): Promise<Map<string, string>> {
  let previous = await snapshotDb(testDb(), COLLECTIONS);
  for (let i = 0; i < 24; i++) {
    await sleep(2500);
    const current = await snapshotDb(testDb(), COLLECTIONS);
    if (diffSize(diffSnapshots(previous, current)) === 0) return current;
    previous = current;
  }
  return previous;
}

async function signedIn(claims?: Record<string, unknown>) {
  const account = await createAuthUser({ displayName: 'Walker', claims });
  await waitForDoc(testDb().doc(`users/${account.uid}`), (s) => s.get('status') === 'active');
  return { ...account, token: await idTokenFor(account) };
}

const codeOf = (r: CallableResponse) =>
  r.result !== undefined && !r.error
    ? 'ok'
    : (r.error?.status ?? `http-${r.status}`).toLowerCase().replaceAll('_', '-');

async function call(contract: AnyCallableContract, data: unknown, token: string): Promise<CallableResponse> {
  try {
    return await callFunction(contract, data, token);
  } catch (error) {
    // A non-JSON answer is the emulator's, not the callable's (callFunction says which).
    return { status: 0, error: { status: `transport: ${String(error).slice(0, 160)}`, message: '' } };
  }
}

describe.skipIf(!emulatorsRunning)('every callable, fed malformed payloads', () => {
  it('has a payload spec for every callable in the registry', () => {
    expect(ALL_CALLABLES.map((c) => c.name).filter((name) => !CALLABLE_SPECS[name])).toEqual([]);
  });

  it('answers no INTERNAL and writes nothing, as a learner and (admin-only callables) as an admin', async () => {
    const [learner, admin] = await Promise.all([signedIn(), signedIn({ admin: true })]);
    const before = await quietSnapshot();
    const problems: string[] = [];
    const tally: Record<string, Record<string, number>> = {};
    let calls = 0;

    const walk = async (contract: AnyCallableContract) => {
      const spec = CALLABLE_SPECS[contract.name];
      if (!spec) return;
      const payloads = samplePayloads(spec.fields, spec.foreign(NOTHING));
      const foreign = new Set(spec.foreign(NOTHING).map((p) => JSON.stringify(p)));
      const runs: { as: string; token: string; payload: unknown }[] = payloads.map((payload) => ({
        as: 'learner',
        token: learner.token,
        payload,
      }));
      if (spec.adminOnly)
        for (const payload of payloads) {
          // Not the requests an admin may legitimately make (a rollup or backfill that writes).
          const accepted = acceptsInput(spec, payload);
          if (foreign.has(JSON.stringify(payload)) || (spec.adminSkipsValid && accepted)) continue;
          runs.push({ as: 'admin', token: admin.token, payload });
        }
      // One call at a time per callable: one emulator worker each, however loaded the machine.
      for (const run of runs) {
        const answer = await call(contract, run.payload, run.token);
        calls++;
        const code = codeOf(answer);
        const key = `${contract.name} (${run.as})`;
        const counts = tally[key] ?? {};
        counts[code] = (counts[code] ?? 0) + 1;
        tally[key] = counts;
        const shown = `${contract.name} as ${run.as} ← ${JSON.stringify(run.payload)?.slice(0, 90)}`;
        if (
          code === 'internal' ||
          code === 'unknown' ||
          code.startsWith('http-5') ||
          code.startsWith('transport')
        )
          problems.push(`${shown}: ${code} ${answer.error?.message?.slice(0, 140) ?? ''}`);
        const rejected = !acceptsInput(spec, run.payload);
        const roleFirst = spec.adminOnly && run.as === 'learner';
        if (rejected && !roleFirst && code !== 'invalid-argument')
          problems.push(`${shown}: ${code}, expected invalid-argument (the schema rejects it)`);
      }
    };
    // Four callables at a time.
    const queue = [...ALL_CALLABLES];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await walk(next);
      }),
    );

    // The stats triggers' own bookkeeping (applied-event markers, counter shards) is left out: it is
    // written for other documents' writes, so a backlog from earlier test files can still be
    // draining during the walk. A callable that wrote a counted document would show that document.
    const bookkeeping = /^stats\/platform\/(appliedEvents|shards)\//;
    const raw = diffSnapshots(before, await quietSnapshot());
    const diff = {
      created: raw.created.filter((p) => !bookkeeping.test(p)),
      changed: raw.changed.filter((p) => !bookkeeping.test(p)),
      deleted: raw.deleted.filter((p) => !bookkeeping.test(p)),
    };
    console.log(
      `[malformed-payloads] ${calls} calls over ${ALL_CALLABLES.length} callables:\n${Object.entries(tally)
        .map(([name, counts]) => `  ${name}: ${JSON.stringify(counts)}`)
        .join('\n')}`,
    );
    expect(problems).toEqual([]);
    expect(describeDiff(diff, 20)).toBe('');
  }, 600_000);
});

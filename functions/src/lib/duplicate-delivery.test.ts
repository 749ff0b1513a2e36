import type { DocumentReference } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { backoffMs, claimOrAwait, isDoneRecord, pollUntil, StillProcessing } from './duplicate-delivery';

/** A clock that moves only when the code under test sleeps. */
function fakeTime(start = Date.now()) {
  let now = start;
  const slept: number[] = [];
  return {
    clock: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    slept,
  };
}

type Doc = Record<string, unknown> | null;

/** One document in memory, with create/update/delete preconditions like Firestore's. */
function fakeRef(initial: Doc, onGet: (n: number, doc: Doc) => Doc = (_n, d) => d) {
  let doc = initial;
  let version = 1;
  let gets = 0;
  const snap = () => ({
    exists: doc !== null,
    get: (f: string) => doc?.[f],
    updateTime: version,
    ref: { path: 'events/e1' },
  });
  const ref = {
    path: 'events/e1',
    get: async () => {
      doc = onGet(++gets, doc);
      return snap();
    },
    create: async (data: Record<string, unknown>) => {
      if (doc) throw Object.assign(new Error('6 ALREADY_EXISTS'), { code: 6 });
      doc = data;
      return { writeTime: ++version };
    },
    update: async (data: Record<string, unknown>, pre: { lastUpdateTime: number }) => {
      if (pre.lastUpdateTime !== version)
        throw Object.assign(new Error('9 FAILED_PRECONDITION'), { code: 9 });
      doc = { ...doc, ...data };
      return { writeTime: ++version };
    },
  };
  return { ref: ref as unknown as DocumentReference, doc: () => doc };
}

const toMillis = (ms: number) => ({ toMillis: () => ms });

describe('claimOrAwait', () => {
  it('claims an event nobody has recorded', async () => {
    const { ref, doc } = fakeRef(null);
    const out = await claimOrAwait(ref, { type: 't' }, { deadline: Date.now() + 1000, ...fakeTime() });
    expect('claimed' in out).toBe(true);
    expect(doc()).toMatchObject({ type: 't', state: 'processing' });
  });

  it('waits while another delivery holds a live claim, then answers its record', async () => {
    const live = { state: 'processing', claimId: 'other', claimedUntil: toMillis(Date.now() + 60_000) };
    const { ref } = fakeRef(live, (n, d) => (n >= 4 ? { state: 'done', paymentId: 'pay_1' } : d));
    const t = fakeTime();
    const out = await claimOrAwait(ref, {}, { deadline: Date.now() + 40_000, ...t });
    expect('done' in out && out.done.get('paymentId')).toBe('pay_1');
    expect(t.slept).toHaveLength(3);
  });

  it('takes over a stale claim, and claims again one that was released', async () => {
    const stale = { state: 'processing', claimId: 'dead', claimedUntil: toMillis(Date.now() - 1) };
    const a = fakeRef(stale);
    const out = await claimOrAwait(a.ref, {}, { deadline: Date.now() + 1000, ...fakeTime() });
    expect('claimed' in out && a.doc()?.claimId === out.claimed.claimId).toBe(true);
    const b = fakeRef(null);
    expect('claimed' in (await claimOrAwait(b.ref, {}, { deadline: Date.now() + 1000, ...fakeTime() }))).toBe(
      true,
    );
  });

  it('gives up with StillProcessing when the claim is still held at the deadline', async () => {
    const live = { state: 'processing', claimId: 'other', claimedUntil: toMillis(Date.now() + 600_000) };
    const { ref } = fakeRef(live);
    const t = fakeTime();
    await expect(claimOrAwait(ref, {}, { deadline: Date.now() + 40_000, ...t })).rejects.toBeInstanceOf(
      StillProcessing,
    );
    expect(Math.max(...t.slept)).toBeLessThanOrEqual(3000);
  });

  it('treats records without a state (written before claims) as done', () => {
    const snap = (data: Doc) => ({ exists: data !== null, get: (f: string) => data?.[f] }) as never;
    expect(isDoneRecord(snap({ type: 'x' }))).toBe(true);
    expect(isDoneRecord(snap({ state: 'done' }))).toBe(true);
    expect(isDoneRecord(snap({ state: 'processing' }))).toBe(false);
    expect(isDoneRecord(snap(null))).toBe(false);
  });
});

describe('pollUntil', () => {
  it('polls with backoff until a value, or answers undefined at the deadline', async () => {
    const t = fakeTime(0);
    let n = 0;
    expect(await pollUntil(async () => (++n === 4 ? 'done' : undefined), { deadline: 10_000, ...t })).toBe(
      'done',
    );
    expect(await pollUntil(async () => undefined, { deadline: 20_000, ...t })).toBeUndefined();
    expect(t.clock()).toBe(20_000);
  });

  it('backs off from ~100 ms to at most ~2 s, jittered', () => {
    expect(backoffMs(1, () => 0.5)).toBe(100);
    expect(backoffMs(4, () => 0.5)).toBe(800);
    expect(backoffMs(20, () => 0.999)).toBeLessThan(3000);
  });
});

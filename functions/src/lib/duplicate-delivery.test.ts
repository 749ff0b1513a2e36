import type { Firestore } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { applyOrAwaitWinner, backoffMs, pollUntil } from './duplicate-delivery';

const lockTimeout = () => Object.assign(new Error('10 ABORTED: Transaction lock timeout.'), { code: 10 });
const closed = () =>
  Object.assign(new Error('3 INVALID_ARGUMENT: Transaction is invalid or closed'), { code: 3 });

/** A clock that moves only when the code under test sleeps. */
function fakeTime() {
  let now = 0;
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

function dbFailing(failures: Error[], result = 'applied') {
  let calls = 0;
  const db = {
    runTransaction: async (_body: unknown, options: { maxAttempts?: number }) => {
      expect(options).toEqual({ maxAttempts: 1 });
      calls++;
      const failure = failures.shift();
      if (failure) throw failure;
      return result;
    },
  } as unknown as Firestore;
  return { db, calls: () => calls };
}

describe('applyOrAwaitWinner', () => {
  it('answers the winner’s record when it appears after this delivery lost on the lock', async () => {
    const t = fakeTime();
    const { db, calls } = dbFailing([lockTimeout(), closed(), lockTimeout(), lockTimeout()]);
    let looks = 0;
    const out = await applyOrAwaitWinner(
      db,
      async () => 'x',
      async () => (++looks >= 3 ? 'record' : null),
      {
        deadline: 40_000,
        ...t,
      },
    );
    expect(out).toEqual({ recorded: 'record' });
    expect(calls()).toBe(3);
    expect(t.slept).toHaveLength(2);
  });

  it('applies when a retry wins, and throws other errors at once', async () => {
    const t = fakeTime();
    const { db } = dbFailing([lockTimeout()]);
    expect(
      await applyOrAwaitWinner(
        db,
        async () => 'x',
        async () => null,
        { deadline: 40_000, ...t },
      ),
    ).toEqual({
      applied: 'applied',
    });
    const broken = dbFailing([new Error('boom')]);
    await expect(
      applyOrAwaitWinner(
        broken.db,
        async () => 'x',
        async () => 'record',
        { deadline: 40_000, ...t },
      ),
    ).rejects.toThrow('boom');
  });

  it('gives up at the deadline with the contention error when nothing is recorded', async () => {
    const t = fakeTime();
    const { db } = dbFailing(Array.from({ length: 1000 }, lockTimeout));
    await expect(
      applyOrAwaitWinner(
        db,
        async () => 'x',
        async () => null,
        { deadline: 40_000, ...t },
      ),
    ).rejects.toMatchObject({ code: 10 });
    expect(t.clock()).toBe(40_000);
    expect(Math.max(...t.slept)).toBeLessThanOrEqual(3000);
  });
});

describe('pollUntil', () => {
  it('polls with backoff until a value, or answers undefined at the deadline', async () => {
    const t = fakeTime();
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

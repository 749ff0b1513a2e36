import { describe, expect, it } from 'vitest';
import { retryState, withRetry } from './call-retry';

const failure = (code: string) => Object.assign(new Error(code), { code });

/** A fake callable answering the given outcomes in turn (an Error is thrown). */
function fakeCallable(outcomes: unknown[]) {
  let calls = 0;
  const call = async () => {
    const next = outcomes[calls++];
    if (next instanceof Error) throw next;
    return next;
  };
  return { call, calls: () => calls };
}

describe('withRetry (callFunction)', () => {
  it('tries an `aborted` call again, showing the retry while it waits, and answers the result', async () => {
    const fake = fakeCallable([failure('functions/aborted'), { ok: true }]);
    const seen: number[] = [];
    const unsubscribe = retryState.subscribe(() => seen.push(retryState.get()));
    let visibleWhileWaiting = -1;
    const result = await withRetry(fake.call, [10, 10], async () => {
      visibleWhileWaiting = retryState.get();
    });
    unsubscribe();
    expect(result).toEqual({ ok: true });
    expect(fake.calls()).toBe(2);
    expect(visibleWhileWaiting).toBe(1);
    expect(seen).toEqual([1, 0]);
    expect(retryState.get()).toBe(0);
  });

  it('tries `unavailable` at most twice more, then throws the last error', async () => {
    const last = failure('functions/unavailable');
    const fake = fakeCallable([failure('functions/unavailable'), failure('functions/aborted'), last]);
    await expect(withRetry(fake.call, [1, 1], async () => {})).rejects.toBe(last);
    expect(fake.calls()).toBe(3);
    expect(retryState.get()).toBe(0);
  });

  it.each([
    'functions/invalid-argument',
    'functions/internal',
    'functions/failed-precondition',
    'permission-denied',
  ])('does not retry %s', async (code) => {
    const error = failure(code);
    const fake = fakeCallable([error, { ok: true }]);
    await expect(withRetry(fake.call, [1, 1], async () => {})).rejects.toBe(error);
    expect(fake.calls()).toBe(1);
    expect(retryState.get()).toBe(0);
  });
});

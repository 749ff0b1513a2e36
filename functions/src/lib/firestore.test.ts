import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { HttpsError } from 'firebase-functions/v2/https';
import { BUSY_MESSAGE, isContention, runCallableTransaction, runTransactionRetrying } from './firestore';

/** A stand-in whose runTransaction fails with the given errors, then runs the body. */
function flakyDb(failures: unknown[]): { db: Firestore; calls: () => number } {
  let calls = 0;
  const db = {
    runTransaction: async (body: (tx: Transaction) => Promise<unknown>) => {
      calls++;
      const failure = failures.shift();
      if (failure) throw failure;
      return body({} as Transaction);
    },
  } as unknown as Firestore;
  return { db, calls: () => calls };
}

const closed = Object.assign(new Error('3 INVALID_ARGUMENT: Transaction is invalid or closed.'), { code: 3 });
const aborted = Object.assign(new Error('10 ABORTED: Transaction lock timeout'), { code: 10 });

describe('runTransactionRetrying', () => {
  it('tries again after contention and answers the body’s result', async () => {
    const { db, calls } = flakyDb([closed, aborted]);
    await expect(runTransactionRetrying(db, async () => 'applied')).resolves.toBe('applied');
    expect(calls()).toBe(3);
  });

  it('throws other errors at once, and contention after the last attempt', async () => {
    const other = Object.assign(new Error('3 INVALID_ARGUMENT: bad field'), { code: 3 });
    const first = flakyDb([other]);
    await expect(runTransactionRetrying(first.db, async () => 'x')).rejects.toBe(other);
    expect(first.calls()).toBe(1);
    const always = flakyDb([aborted, aborted, aborted]);
    await expect(runTransactionRetrying(always.db, async () => 'x', 3)).rejects.toBe(aborted);
    expect(always.calls()).toBe(3);
  });

  it('knows contention from other errors', () => {
    expect(isContention(closed)).toBe(true);
    expect(isContention(aborted)).toBe(true);
    expect(isContention(new HttpsError('aborted', BUSY_MESSAGE))).toBe(true);
    expect(isContention(new HttpsError('invalid-argument', 'no'))).toBe(false);
    expect(isContention(new Error('boom'))).toBe(false);
    expect(isContention(null)).toBe(false);
  });
});

describe('runCallableTransaction', () => {
  it('answers the result once a retry gets through', async () => {
    const { db, calls } = flakyDb([aborted, closed]);
    await expect(runCallableTransaction(db, async () => 'applied')).resolves.toBe('applied');
    expect(calls()).toBe(3);
  });

  it('answers `aborted` with a message a person can act on when contention never lets up', async () => {
    const { db, calls } = flakyDb(Array.from({ length: 6 }, () => aborted));
    const error = await runCallableTransaction(db, async () => 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpsError);
    expect((error as HttpsError).code).toBe('aborted');
    expect((error as HttpsError).message).toBe(BUSY_MESSAGE);
    expect(calls()).toBe(6);
  }, 20_000);

  it('passes the body’s own errors through unchanged, without retrying', async () => {
    const refused = new HttpsError('not-found', 'Course x was not found.');
    const { db, calls } = flakyDb([]);
    await expect(
      runCallableTransaction(db, async () => {
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(calls()).toBe(1);
  });
});

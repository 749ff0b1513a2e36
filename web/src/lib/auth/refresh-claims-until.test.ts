import { describe, expect, it, vi } from 'vitest';
import type { Claims } from './auth-context';
import { refreshClaimsUntil } from './refresh-claims-until';

const educator: Claims = { educator: true, admin: false };
const learner: Claims = { educator: false, admin: false };

describe('refreshClaimsUntil', () => {
  it('refreshes once when the new claims are already there', async () => {
    const refresh = vi.fn(async () => educator);
    const sleep = vi.fn(async () => {});
    expect(await refreshClaimsUntil(refresh, educator, { sleep })).toBe(true);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('retries with growing waits while the claim lands after the profile changed', async () => {
    const answers = [learner, learner, educator];
    const refresh = vi.fn(async () => answers.shift() ?? educator);
    const sleep = vi.fn(async (_ms: number) => {});
    expect(await refreshClaimsUntil(refresh, educator, { sleep })).toBe(true);
    expect(refresh).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([1000, 2000]);
  });

  it('counts a failed refresh as an attempt and keeps going', async () => {
    const refresh = vi
      .fn<() => Promise<Claims>>()
      .mockRejectedValueOnce(new Error('network'))
      .mockResolvedValue(educator);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await refreshClaimsUntil(refresh, educator, { sleep: async () => {} })).toBe(true);
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('gives up after the last wait (bounded)', async () => {
    const refresh = vi.fn(async () => learner);
    const sleep = vi.fn(async (_ms: number) => {});
    expect(await refreshClaimsUntil(refresh, educator, { sleep })).toBe(false);
    expect(refresh).toHaveBeenCalledTimes(5);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([1000, 2000, 4000, 8000]);
  });

  it('stops as soon as the caller cancels', async () => {
    let cancelled = false;
    const refresh = vi.fn(async () => {
      cancelled = true;
      return learner;
    });
    expect(
      await refreshClaimsUntil(refresh, educator, { sleep: async () => {}, cancelled: () => cancelled }),
    ).toBe(false);
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});

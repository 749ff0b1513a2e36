import { refreshPlatformStats as refreshPlatformStatsContract } from '@skillverse/domain/contracts/stats';
import type { RefreshPlatformStatsRequest, RefreshPlatformStatsResult } from '@skillverse/domain/stats';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';

/** Rolls up today so far and reconciles the counters (admins); the page updates from its listeners. */
export function refreshPlatformStats(
  input: RefreshPlatformStatsRequest = {},
): Promise<RefreshPlatformStatsResult> {
  return callFunction(refreshPlatformStatsContract, input);
}

export function useRefreshPlatformStats() {
  return useMutation({ mutationFn: refreshPlatformStats });
}

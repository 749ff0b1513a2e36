// Instructor payouts: my connected account (live), my recent payouts and sales (live), and the
// payouts callables — createConnectOnboardingLink, and in the keyless local mode the simulated
// onboarding and payout run (emulator only; the server refuses them elsewhere).
import {
  completeLocalOnboarding,
  createConnectOnboardingLink,
  runLocalPayout,
} from '@skillverse/domain/contracts/payouts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { limit, orderBy, query } from 'firebase/firestore';
import { callFunction } from '@/lib/firebase';
import { docSource, querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';
import { earningsEntriesRef, earningsRef } from '@/lib/data/earnings';
import { heldReleasesRef, payoutAccountRef, payoutsRef } from '@/lib/data/educator-payouts';

export const RECENT_PAYOUTS = 5;
export const RECENT_SALES = 5;

export function usePayoutAccount(uid: string | undefined) {
  return useLiveQuery(
    liveQueryOptions(
      ['educator', 'payout-account', uid ?? null] as const,
      uid ? docSource(payoutAccountRef(uid)) : null,
    ),
  );
}

export function useRecentPayouts(uid: string | undefined) {
  return useLiveQuery(
    liveQueryOptions(
      ['educator', 'payouts', uid ?? null] as const,
      uid ? querySource(query(payoutsRef(uid), orderBy('createdAt', 'desc'), limit(RECENT_PAYOUTS))) : null,
    ),
  );
}

export function useRecentSales(uid: string | undefined) {
  return useLiveQuery(
    liveQueryOptions(
      ['educator', 'sales', uid ?? null] as const,
      uid
        ? querySource(query(earningsEntriesRef(uid), orderBy('createdAt', 'desc'), limit(RECENT_SALES)))
        : null,
    ),
  );
}

/** My earnings totals, live: what is held for me is totals − transferred (domain heldBalances). */
export function useEarningsTotals(uid: string | undefined) {
  return useLiveQuery(
    liveQueryOptions(
      ['educator', 'earnings-totals', uid ?? null] as const,
      uid ? docSource(earningsRef(uid)) : null,
    ),
  );
}

/** Transfers of earnings held until onboarding finished, newest first (live). */
export function useHeldReleases(uid: string | undefined) {
  return useLiveQuery(
    liveQueryOptions(
      ['educator', 'held-releases', uid ?? null] as const,
      uid
        ? querySource(query(heldReleasesRef(uid), orderBy('createdAt', 'desc'), limit(RECENT_PAYOUTS)))
        : null,
    ),
  );
}

export function useCreateOnboardingLink() {
  return useMutation({
    mutationFn: () => callFunction(createConnectOnboardingLink, {}),
  });
}

export function useCompleteLocalOnboarding() {
  return useMutation({
    mutationFn: () => callFunction(completeLocalOnboarding, {}),
  });
}

export function useRunLocalPayout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => callFunction(runLocalPayout, {}),
    // Totals are a one-shot read (get-earnings): refresh them after a payout.
    onSuccess: () => void client.invalidateQueries({ queryKey: ['educator', 'earnings'] }),
  });
}

import { monthStart } from '@skillverse/domain/educator';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getDoc, getDocs, limit, orderBy, query, where } from 'firebase/firestore';
import { LiveQueryError } from '@/lib/firestore/live-source';
import {
  earningsEntriesRef,
  type EarningsEntryDoc,
  earningsRef,
  type EarningsSummaryDoc,
} from '@/lib/data/earnings';

/** Months shown in the earnings chart (this one included). */
export const EARNINGS_MONTHS = 6;
/** Upper bound on the ledger entries read for the chart. */
export const EARNINGS_ENTRY_LIMIT = 1000;

export interface EducatorEarnings {
  summary: EarningsSummaryDoc;
  /** Entries of the last EARNINGS_MONTHS months, newest first. */
  recent: EarningsEntryDoc[];
  /** True when EARNINGS_ENTRY_LIMIT cut the chart's entries short. */
  truncated: boolean;
}

/** Two reads: the running totals, and the ledger entries of the charted months (bounded). */
export async function getEducatorEarnings(uid: string, now: Date): Promise<EducatorEarnings> {
  try {
    const since = monthStart(now, EARNINGS_MONTHS - 1);
    const [summary, entries] = await Promise.all([
      getDoc(earningsRef(uid)),
      getDocs(
        query(
          earningsEntriesRef(uid),
          where('createdAt', '>=', since),
          orderBy('createdAt', 'desc'),
          limit(EARNINGS_ENTRY_LIMIT),
        ),
      ),
    ]);
    return {
      summary: summary.data() ?? { totals: {}, paidOut: {}, paymentsCount: 0 },
      recent: entries.docs.map((d) => d.data()),
      truncated: entries.size >= EARNINGS_ENTRY_LIMIT,
    };
  } catch (error) {
    throw LiveQueryError.from(error);
  }
}

export function educatorEarningsQueryOptions(uid: string | undefined) {
  return queryOptions({
    queryKey: ['educator', 'earnings', uid ?? null] as const,
    queryFn: () => getEducatorEarnings(uid as string, new Date()),
    enabled: Boolean(uid),
    staleTime: 60_000,
  });
}

/** My earnings: totals per currency and the entries of the last months. */
export function useEducatorEarnings(uid: string | undefined) {
  return useQuery(educatorEarningsQueryOptions(uid));
}

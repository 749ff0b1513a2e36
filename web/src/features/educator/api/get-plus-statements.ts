import { queryOptions, useQuery } from '@tanstack/react-query';
import { getDocs } from 'firebase/firestore';
import { LiveQueryError } from '@/lib/firestore/live-source';
import { myPlusStatementsQuery, type PlusStatementDoc } from '@/lib/data/plus-statements';

/** Months of Plus statements shown on the dashboard. */
export const PLUS_STATEMENT_MONTHS = 12;

/** One query: the instructor's last PLUS_STATEMENT_MONTHS statements, newest first. */
export async function getPlusStatements(uid: string): Promise<PlusStatementDoc[]> {
  try {
    const snap = await getDocs(myPlusStatementsQuery(uid, PLUS_STATEMENT_MONTHS));
    return snap.docs.map((d) => d.data());
  } catch (error) {
    throw LiveQueryError.from(error);
  }
}

export function plusStatementsQueryOptions(uid: string | undefined) {
  return queryOptions({
    queryKey: ['educator', 'plus-statements', uid ?? null] as const,
    queryFn: () => getPlusStatements(uid as string),
    enabled: Boolean(uid),
    staleTime: 60_000,
  });
}

export function usePlusStatements(uid: string | undefined) {
  return useQuery(plusStatementsQueryOptions(uid));
}

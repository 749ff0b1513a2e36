import { exchangeRef } from '@/lib/data/exchanges';
import { docSource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function exchangeQueryOptions(id: string | undefined) {
  return liveQueryOptions(['exchange', 'doc', id ?? null] as const, id ? docSource(exchangeRef(id)) : null);
}

/** One exchange, live; `null` when it does not exist (or is not mine: the rules deny the read). */
export function useExchange(id: string | undefined) {
  return useLiveQuery(exchangeQueryOptions(id));
}

import { limit, orderBy, query } from 'firebase/firestore';
import { exchangeMessagesRef } from '@/lib/data/exchanges';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

/** Messages per page of history; "load earlier" raises the window by one page. */
export const MESSAGE_PAGE_SIZE = 30;

export function messagesQueryOptions(exchangeId: string | undefined, count: number) {
  return liveQueryOptions(
    ['exchange', 'messages', exchangeId ?? null, count] as const,
    exchangeId
      ? querySource(
          query(exchangeMessagesRef(exchangeId), orderBy('createdAt', 'desc'), limit(count + 1)),
          (items) => ({
            // One extra document tells whether there is earlier history.
            hasEarlier: items.length > count,
            messages: items.slice(0, count).reverse(),
          }),
        )
      : null,
  );
}

/** The latest `count` messages, oldest first, live. */
export function useMessages(exchangeId: string | undefined, count: number) {
  return useLiveQuery(messagesQueryOptions(exchangeId, count));
}

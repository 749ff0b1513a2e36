import { deleteDoc, serverTimestamp, setDoc } from 'firebase/firestore';
import { exchangePaths, exchangeTypingRef, rawDoc } from '@/lib/data/exchanges';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

/** An indicator older than this is stale (the writer closed the tab mid-sentence). */
export const TYPING_STALE_MS = 5000;

export async function setTyping(exchangeId: string, uid: string, typing: boolean): Promise<void> {
  const ref = rawDoc(exchangePaths.typing(exchangeId, uid));
  if (typing) await setDoc(ref, { uid, typing: true, at: serverTimestamp() });
  else await deleteDoc(ref);
}

export function typingQueryOptions(exchangeId: string | undefined) {
  return liveQueryOptions(
    ['exchange', 'typing', exchangeId ?? null] as const,
    exchangeId ? querySource(exchangeTypingRef(exchangeId)) : null,
  );
}

/** Everyone's typing indicators in the exchange, live (filter out yourself and stale ones). */
export function useTypingIndicators(exchangeId: string | undefined) {
  return useLiveQuery(typingQueryOptions(exchangeId));
}

import { updateDoc } from 'firebase/firestore';
import { exchangePaths, rawDoc } from '@/lib/data/exchanges';

/** Resets the caller's own unread counter (the only part of `unread` a client may write). */
export async function markChatRead(exchangeId: string, uid: string): Promise<void> {
  await updateDoc(rawDoc(exchangePaths.exchange(exchangeId)), { [`unread.${uid}`]: 0 });
}

import { useMutation } from '@tanstack/react-query';
import { serverTimestamp, updateDoc } from 'firebase/firestore';
import { z } from '@/lib/zod';
import { exchangePaths, rawDoc } from '@/lib/data/exchanges';

export const exchangeStatusChangeSchema = z.object({
  exchangeId: z.string().min(1),
  status: z.enum(['accepted', 'rejected', 'cancelled']),
});
export type ExchangeStatusChange = z.infer<typeof exchangeStatusChangeSchema>;

/**
 * Accept or reject (the provider, while pending) or cancel (the requester while pending; either
 * participant once accepted or active). The rules enforce who may make which move.
 */
export async function changeExchangeStatus(input: ExchangeStatusChange): Promise<void> {
  const { exchangeId, status } = exchangeStatusChangeSchema.parse(input);
  await updateDoc(rawDoc(exchangePaths.exchange(exchangeId)), { status, updatedAt: serverTimestamp() });
}

export function useChangeExchangeStatus() {
  return useMutation({ mutationFn: changeExchangeStatus });
}

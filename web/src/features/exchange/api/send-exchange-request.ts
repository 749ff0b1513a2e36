import { requestExchange as requestExchangeContract } from '@skillverse/domain/contracts/exchange';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';
import { z } from '@/lib/zod';

export const sendExchangeRequestSchema = z.object({
  requesterId: z.string().min(1),
  providerId: z.string().min(1),
  offeredSkill: z.string().trim().min(1, 'Choose a skill you will teach').max(100),
  requestedSkill: z.string().trim().min(1, 'Choose a skill you want to learn').max(100),
  message: z.string().trim().max(2000, 'Keep the message under 2000 characters'),
});
export type SendExchangeRequestInput = z.infer<typeof sendExchangeRequestSchema>;

/**
 * Creates a pending request through the requestExchange callable (verified email; at most 10
 * pending and 20 a day). `requestId` is the new exchange's id, so a retried call creates it once.
 */
export async function sendExchangeRequest(
  input: SendExchangeRequestInput,
  requestId: string = crypto.randomUUID(),
): Promise<string> {
  const d = sendExchangeRequestSchema.parse(input);
  if (d.requesterId === d.providerId) throw new Error('You can’t send a request to yourself.');
  const result = await callFunction(requestExchangeContract, {
    requestId,
    providerId: d.providerId,
    offeredSkill: d.offeredSkill,
    requestedSkill: d.requestedSkill,
    message: d.message,
  });
  return result.exchangeId;
}

/** The live "my exchanges" list picks the new request up; nothing to invalidate. */
export function useSendExchangeRequest() {
  return useMutation({ mutationFn: (input: SendExchangeRequestInput) => sendExchangeRequest(input) });
}

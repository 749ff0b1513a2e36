import { useMutation } from '@tanstack/react-query';
import { addDoc, serverTimestamp } from 'firebase/firestore';
import { z } from '@/lib/zod';
import { exchangePaths, rawCollection } from '@/lib/data/exchanges';

export const sendExchangeRequestSchema = z.object({
  requesterId: z.string().min(1),
  providerId: z.string().min(1),
  offeredSkill: z.string().trim().min(1, 'Choose a skill you will teach').max(100),
  requestedSkill: z.string().trim().min(1, 'Choose a skill you want to learn').max(100),
  message: z.string().trim().max(2000, 'Keep the message under 2000 characters'),
});
export type SendExchangeRequestInput = z.infer<typeof sendExchangeRequestSchema>;

/** Creates a pending request (the rules check requester, provider, status and times). */
export async function sendExchangeRequest(input: SendExchangeRequestInput): Promise<string> {
  const d = sendExchangeRequestSchema.parse(input);
  if (d.requesterId === d.providerId) throw new Error('You can’t send a request to yourself.');
  const ref = await addDoc(rawCollection(exchangePaths.exchanges()), {
    requesterId: d.requesterId,
    providerId: d.providerId,
    participants: [d.requesterId, d.providerId],
    offeredSkill: d.offeredSkill,
    requestedSkill: d.requestedSkill,
    message: d.message,
    status: 'pending',
    terms: null,
    termsAcceptedBy: [],
    completedBy: [],
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
  });
  return ref.id;
}

/** The live "my exchanges" list picks the new request up; nothing to invalidate. */
export function useSendExchangeRequest() {
  return useMutation({ mutationFn: sendExchangeRequest });
}

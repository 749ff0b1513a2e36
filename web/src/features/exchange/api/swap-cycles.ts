import { respondToSwapCycle } from '@skillverse/domain/contracts/exchange';
import type { RespondToSwapCycleRequest, RespondToSwapCycleResponse } from '@skillverse/domain/swap-cycles';
import { useMutation } from '@tanstack/react-query';
import { addDoc, limit, orderBy, query, serverTimestamp, where } from 'firebase/firestore';
import { callFunction } from '@/lib/firebase';
import {
  cycleMessagesRef,
  exchangeCycleRef,
  exchangeCyclesRef,
  rawCycleMessages,
} from '@/lib/data/exchange-cycles';
import { docSource, querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';
import { z } from '@/lib/zod';

/** Proposals shown at most (a person is in one open cycle at a time; the rest is history). */
export const MY_CYCLES_LIMIT = 20;

export function myCyclesQueryOptions(uid: string | undefined) {
  return liveQueryOptions(
    ['exchangeCycles', 'mine', uid ?? null] as const,
    uid
      ? querySource(
          query(
            exchangeCyclesRef(),
            where('participants', 'array-contains', uid),
            orderBy('createdAt', 'desc'),
            limit(MY_CYCLES_LIMIT),
          ),
        )
      : null,
  );
}

/** My group-swap proposals, newest first, live. */
export function useMyCycles(uid: string | undefined) {
  return useLiveQuery(myCyclesQueryOptions(uid));
}

export function cycleQueryOptions(id: string | undefined) {
  return liveQueryOptions(
    ['exchangeCycles', 'one', id ?? null] as const,
    id ? docSource(exchangeCycleRef(id)) : null,
  );
}

/** One proposal, live (null when it does not exist). */
export function useCycle(id: string | undefined) {
  return useLiveQuery(cycleQueryOptions(id));
}

export const CYCLE_MESSAGE_LIMIT = 100;

export function cycleMessagesQueryOptions(id: string | undefined) {
  return liveQueryOptions(
    ['exchangeCycles', 'messages', id ?? null] as const,
    id
      ? querySource(
          query(cycleMessagesRef(id), orderBy('createdAt', 'desc'), limit(CYCLE_MESSAGE_LIMIT)),
          (items) => items.reverse(),
        )
      : null,
  );
}

/** The last 100 messages of the group room, oldest first, live. */
export function useCycleMessages(id: string | undefined) {
  return useLiveQuery(cycleMessagesQueryOptions(id));
}

/** Accept or decline a proposal (the function checks who may and moves the status for all three). */
export function respondToCycle(input: RespondToSwapCycleRequest): Promise<RespondToSwapCycleResponse> {
  return callFunction(respondToSwapCycle, input);
}

/** The proposal list updates from its live query. */
export function useRespondToCycle() {
  return useMutation({ mutationFn: respondToCycle });
}

export const sendCycleMessageSchema = z.object({
  cycleId: z.string().min(1),
  senderId: z.string().min(1),
  text: z.string().trim().min(1, 'Write a message').max(4000, 'Keep messages under 4000 characters'),
});
export type SendCycleMessageInput = z.infer<typeof sendCycleMessageSchema>;

export async function sendCycleMessage(input: SendCycleMessageInput): Promise<string> {
  const d = sendCycleMessageSchema.parse(input);
  const ref = await addDoc(rawCycleMessages(d.cycleId), {
    senderId: d.senderId,
    text: d.text,
    createdAt: serverTimestamp(),
  });
  return ref.id;
}

/** The live message list shows the message once the write lands. */
export function useSendCycleMessage() {
  return useMutation({ mutationFn: sendCycleMessage });
}

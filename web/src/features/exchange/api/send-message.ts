import { useMutation } from '@tanstack/react-query';
import { addDoc, doc, serverTimestamp, setDoc } from 'firebase/firestore';
import { z } from '@/lib/zod';
import { exchangePaths, rawCollection } from '@/lib/data/exchanges';

export const attachmentSchema = z.object({
  name: z.string().trim().min(1).max(200),
  url: z
    .string()
    .trim()
    .url('Enter a full link, starting with https://')
    .refine((u) => /^https?:\/\//i.test(u), 'Only http and https links can be shared')
    .max(2048),
});

export const sendMessageSchema = z.object({
  exchangeId: z.string().min(1),
  senderId: z.string().min(1),
  text: z.string().trim().min(1, 'Write a message').max(4000, 'Keep messages under 4000 characters'),
  attachments: z.array(attachmentSchema).max(10),
});
export type SendMessageInput = z.infer<typeof sendMessageSchema>;

/** A new message id, chosen before sending so a failed send can be retried under the same id. */
export function newMessageId(exchangeId: string): string {
  return doc(rawCollection(exchangePaths.messages(exchangeId))).id;
}

export async function sendMessage(input: SendMessageInput & { id?: string }): Promise<string> {
  const d = sendMessageSchema.parse(input);
  const data = {
    senderId: d.senderId,
    text: d.text,
    attachments: d.attachments,
    createdAt: serverTimestamp(),
  };
  const messages = rawCollection(exchangePaths.messages(d.exchangeId));
  if (input.id) {
    await setDoc(doc(messages, input.id), data);
    return input.id;
  }
  return (await addDoc(messages, data)).id;
}

/** The live message list shows the message once the write lands. */
export function useSendMessage() {
  return useMutation({ mutationFn: sendMessage });
}

import { collection, doc } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { cycleMessageConverter, exchangeCycleConverter } from './converters/exchange-cycle-converter';

// Swap-cycle paths (issue 8, item 3): exchangeCycles/{id} and its group room. Reads use the
// converted refs; a message is written through the plain collection.

export const exchangeCyclePaths = {
  cycles: () => 'exchangeCycles',
  cycle: (id: string) => `exchangeCycles/${id}`,
  messages: (id: string) => `exchangeCycles/${id}/messages`,
} as const;

export const exchangeCyclesRef = () =>
  collection(db, exchangeCyclePaths.cycles()).withConverter(exchangeCycleConverter);
export const exchangeCycleRef = (id: string) =>
  doc(db, exchangeCyclePaths.cycle(id)).withConverter(exchangeCycleConverter);
export const cycleMessagesRef = (id: string) =>
  collection(db, exchangeCyclePaths.messages(id)).withConverter(cycleMessageConverter);
export const rawCycleMessages = (id: string) => collection(db, exchangeCyclePaths.messages(id));

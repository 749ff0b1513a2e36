import { PAYMENT_STATUSES, type Payment } from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { z } from 'zod';
import { count, dateOrNow, dateOrNull, serverOnly, text } from './parse';

const schema = z.object({
  uid: text(),
  courseId: text(),
  instructorId: text(),
  amount: count,
  currency: text('USD'),
  status: z.enum(PAYMENT_STATUSES).catch('pending'),
  stripeCheckoutSessionId: z.string().nullable().catch(null),
  stripePaymentIntentId: z.string().nullable().catch(null),
  courseTitle: text(),
  createdAt: dateOrNow,
  paidAt: dateOrNull,
});

/** A payment, plus the course title when the server stored it on the document. */
export type PaymentRecord = Payment & { courseTitle: string };

export function parsePayment(id: string, data: unknown): PaymentRecord {
  return { id, ...schema.parse(data ?? {}) };
}

export const paymentConverter: FirestoreDataConverter<PaymentRecord> = {
  toFirestore: () => serverOnly('payments'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parsePayment(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};

// payments/{paymentId} (SPEC §3): server-written, read by the buyer.
import { PAYMENT_STATUSES, type Payment } from '@skillverse/domain/models';
import { collection, doc, type FirestoreDataConverter } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import {
  dateOrNow,
  dateOrNull,
  nullableStr,
  num,
  obj,
  oneOf,
  str,
  readOnlyConverter,
} from '@/lib/firestore/parse';

/** A payment, plus the course title when the server stored it on the document. */
export type PaymentRecord = Payment & { courseTitle: string };

export function parsePayment(id: string, data: unknown): PaymentRecord {
  const d = obj(data);
  return {
    id,
    uid: str(d.uid),
    courseId: str(d.courseId),
    instructorId: str(d.instructorId),
    amount: num(d.amount),
    currency: str(d.currency, 'USD'),
    status: oneOf(PAYMENT_STATUSES, d.status, 'pending'),
    stripeCheckoutSessionId: nullableStr(d.stripeCheckoutSessionId),
    stripePaymentIntentId: nullableStr(d.stripePaymentIntentId),
    courseTitle: str(d.courseTitle),
    createdAt: dateOrNow(d.createdAt),
    paidAt: dateOrNull(d.paidAt),
  };
}

export const paymentConverter: FirestoreDataConverter<PaymentRecord> = readOnlyConverter(
  'payments',
  parsePayment,
);

// ---------------------------------------------------------------- paths and refs

export const paymentPaths = {
  payments: () => 'payments',
  payment: (paymentId: string) => `payments/${paymentId}`,
} as const;

export const paymentsRef = () => collection(db, paymentPaths.payments()).withConverter(paymentConverter);
export const paymentRef = (paymentId: string) =>
  doc(db, paymentPaths.payment(paymentId)).withConverter(paymentConverter);

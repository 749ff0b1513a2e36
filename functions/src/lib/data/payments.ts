// payments/{paymentId} (one checkout and its outcome), stripeEvents/{eventId} (each Stripe event
// applied once) and stripeRefundMarkers/{paymentIntentId} (a refund seen before its payment).
import type { CollectionReference, DocumentReference, Firestore } from 'firebase-admin/firestore';

export const PAYMENTS = 'payments';
export const STRIPE_EVENTS = 'stripeEvents';
export const STRIPE_REFUND_MARKERS = 'stripeRefundMarkers';

export const paymentsCol = (db: Firestore): CollectionReference => db.collection(PAYMENTS);
export const paymentRef = (db: Firestore, paymentId: string): DocumentReference =>
  paymentsCol(db).doc(paymentId);
export const stripeEventsCol = (db: Firestore): CollectionReference => db.collection(STRIPE_EVENTS);
export const stripeEventRef = (db: Firestore, eventId: string): DocumentReference =>
  stripeEventsCol(db).doc(eventId);
export const stripeRefundMarkerRef = (db: Firestore, paymentIntentId: string): DocumentReference =>
  db.collection(STRIPE_REFUND_MARKERS).doc(paymentIntentId);

/** Trigger path (the wildcard names the param handlers read). */
export const PAYMENT_DOC = 'payments/{paymentId}';

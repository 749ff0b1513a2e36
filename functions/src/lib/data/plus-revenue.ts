// The Plus revenue share's documents (issue 18 item 5; docs/plus.md "Revenue share"):
// - plusWatch/{month}_{courseId}_{uid}: observed seconds of one Plus enrolment in one month (the
//   tally; written by recordLectureProgress in the transaction that credits the seconds).
// - plusMonths/{month}: the month's close (state, totals, the split) — closePlusMonth.
// - plusStatements/{month}_{instructorId}: one instructor's statement and its transfer.
// - plusCarries/{invoiceId}_{amountRefunded}: a refund that came after its month closed, carried
//   into the next month's statements.
// - plusInvoices/{invoiceId}: written by the subscription webhook (slice D); refunds mark it here.
import type { CollectionReference, DocumentReference, Firestore } from 'firebase-admin/firestore';
import { PLUS_INVOICES, plusInvoiceRef, plusSubscriptionRef } from './plus-membership';

export { PLUS_INVOICES, plusInvoiceRef, plusSubscriptionRef };

export const PLUS_WATCH = 'plusWatch';
export const PLUS_MONTHS = 'plusMonths';
export const PLUS_STATEMENTS = 'plusStatements';
export const PLUS_CARRIES = 'plusCarries';

export const plusWatchCol = (db: Firestore): CollectionReference => db.collection(PLUS_WATCH);
export const plusWatchRef = (db: Firestore, id: string): DocumentReference => plusWatchCol(db).doc(id);
export const plusMonthsCol = (db: Firestore): CollectionReference => db.collection(PLUS_MONTHS);
export const plusMonthRef = (db: Firestore, month: string): DocumentReference => plusMonthsCol(db).doc(month);
export const plusStatementsCol = (db: Firestore): CollectionReference => db.collection(PLUS_STATEMENTS);
export const plusStatementRef = (db: Firestore, id: string): DocumentReference =>
  plusStatementsCol(db).doc(id);
export const plusCarriesCol = (db: Firestore): CollectionReference => db.collection(PLUS_CARRIES);
export const plusCarryRef = (db: Firestore, id: string): DocumentReference => plusCarriesCol(db).doc(id);
export const plusInvoicesCol = (db: Firestore): CollectionReference => db.collection(PLUS_INVOICES);

// certificates/{certificateId}: a course or exchange certificate with its signed credential; the
// id is the public verification key.
import { randomBytes } from 'node:crypto';
import type { CollectionReference, DocumentReference, Firestore } from 'firebase-admin/firestore';

export const CERTIFICATES = 'certificates';

export const certificatesCol = (db: Firestore): CollectionReference => db.collection(CERTIFICATES);
export const certificateRef = (db: Firestore, certificateId: string): DocumentReference =>
  certificatesCol(db).doc(certificateId);

/** 128 random bits, URL-safe: the public verification key of a certificate. */
export function newCertificateId(): string {
  return randomBytes(16).toString('base64url');
}

/** Trigger path (the wildcard names the param handlers read). */
export const CERTIFICATE_DOC = 'certificates/{certificateId}';

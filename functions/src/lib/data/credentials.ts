// Verifiable credentials, server-only: credentialKeys/{kid} (public signing keys),
// credentialStatusLists/{listId} (revocation bitstrings) and credentialIssuance/{id} (one marker per
// exchange credential issued, so it is issued once).
import type { CollectionReference, DocumentReference, Firestore } from 'firebase-admin/firestore';

export const CREDENTIAL_KEYS = 'credentialKeys';
export const STATUS_LISTS = 'credentialStatusLists';
export const ISSUANCE = 'credentialIssuance';

export const credentialKeysCol = (db: Firestore): CollectionReference => db.collection(CREDENTIAL_KEYS);
export const statusListRef = (db: Firestore, listId: string): DocumentReference =>
  db.collection(STATUS_LISTS).doc(listId);
export const issuanceRef = (db: Firestore, id: string): DocumentReference => db.collection(ISSUANCE).doc(id);

// exchangePairs/{pairKey}: server-only memory of what two people earned from exchanges with each
// other, so points and rating weight between the same pair count once per PAIR_WINDOW_DAYS
// (domain/src/exchange-rewards.ts). pairKey = the two uids sorted, joined by "__".
import { pairKey } from '@skillverse/domain/exchange-rewards';
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';

export const EXCHANGE_PAIRS = 'exchangePairs';

export const exchangePairRef = (db: Firestore, a: string, b: string): DocumentReference =>
  db.collection(EXCHANGE_PAIRS).doc(pairKey(a, b));

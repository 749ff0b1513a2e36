import type { PrivateAccount } from '@skillverse/domain/models';
import { resolvePreferences, type StoredNotificationPreferences } from '@skillverse/domain/notifications';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { dateOrNow, isPlainObject, nullableStr, obj, serverOnly } from './parse';

export function parsePrivateAccount(data: unknown): PrivateAccount {
  const d = obj(data);
  const stored = isPlainObject(d.notificationPreferences) ? { ...d.notificationPreferences } : null;
  return {
    email: nullableStr(d.email),
    stripeCustomerId: nullableStr(d.stripeCustomerId),
    // Stored preferences may be partial or older than the list of types: fill in the defaults.
    notificationPreferences: resolvePreferences(stored as StoredNotificationPreferences),
    referredBy: nullableStr(d.referredBy),
    createdAt: dateOrNow(d.createdAt),
  };
}

export const privateAccountConverter: FirestoreDataConverter<PrivateAccount> = {
  // The owner changes only notificationPreferences, with updateDoc (features/settings/api).
  toFirestore: () => serverOnly('users/{uid}/private'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parsePrivateAccount(snapshot.data({ serverTimestamps: 'estimate' })),
};

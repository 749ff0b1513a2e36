import type { PrivateAccount } from '@skillverse/domain/models';
import { resolvePreferences, type StoredNotificationPreferences } from '@skillverse/domain/notifications';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { z } from 'zod';
import { dateOrNow, serverOnly } from './parse';

const schema = z.object({
  email: z.string().nullable().catch(null),
  stripeCustomerId: z.string().nullable().catch(null),
  notificationPreferences: z.record(z.string(), z.unknown()).nullable().catch(null),
  referredBy: z.string().nullable().catch(null),
  createdAt: dateOrNow,
});

export function parsePrivateAccount(data: unknown): PrivateAccount {
  const d = schema.parse(data ?? {});
  return {
    ...d,
    // Stored preferences may be partial or older than the list of types: fill in the defaults.
    notificationPreferences: resolvePreferences(d.notificationPreferences as StoredNotificationPreferences),
  };
}

export const privateAccountConverter: FirestoreDataConverter<PrivateAccount> = {
  // The owner changes only notificationPreferences, with updateDoc (features/settings/api).
  toFirestore: () => serverOnly('users/{uid}/private'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parsePrivateAccount(snapshot.data({ serverTimestamps: 'estimate' })),
};

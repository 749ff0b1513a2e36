import {
  NOTIFICATION_TYPES,
  type NotificationPreferences,
  type NotificationType,
} from '@skillverse/domain/models';
import { useMutation } from '@tanstack/react-query';
import { updateDoc } from 'firebase/firestore';
import { z } from '@/lib/zod';
import { privateAccountRef } from '@/lib/data/users';

const channelSchema = z.object({ inApp: z.boolean(), email: z.boolean() }).strict();

/** Every notification type with both channels: the whole map is written at once. */
export const notificationPreferencesSchema = z
  .object(
    Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, channelSchema])) as Record<
      NotificationType,
      typeof channelSchema
    >,
  )
  .strict();

/** The owner may change only `notificationPreferences` on the private account document. */
export async function updateNotificationPreferences(
  uid: string,
  preferences: NotificationPreferences,
): Promise<void> {
  const parsed = notificationPreferencesSchema.parse(preferences);
  await updateDoc(privateAccountRef(uid), { notificationPreferences: parsed });
}

export function useUpdateNotificationPreferences(uid: string) {
  return useMutation({
    mutationFn: (preferences: NotificationPreferences) => updateNotificationPreferences(uid, preferences),
  });
}

// In-app notifications (../data/notifications.ts), whose certificate links must point at seeded
// certificates.
import type { AppNotification } from '@skillverse/domain/models';
import { seedNotifications } from '../data/notifications';
import type { SeededCertificate } from './course-docs';
import { certificateIdFor, type Data, type SeedContext } from './seed-context';

export function addNotificationDocs(ctx: SeedContext, certificates: readonly SeededCertificate[]): number {
  const { c, put, user } = ctx;
  let notificationCount = 0;
  const notifications = seedNotifications({ certificateId: certificateIdFor });
  for (const [uid, items] of Object.entries(notifications)) {
    user(uid, 'notifications');
    for (const n of items) {
      put<Data<AppNotification>>(`notifications/${uid}/items/${n.id}`, {
        type: n.type,
        title: n.title,
        body: n.body,
        link: n.link,
        read: n.read,
        createdAt: c.hoursFromNow(n.at),
      });
      notificationCount += 1;
    }
  }
  // Every certificate link in a notification must point at a seeded certificate.
  for (const items of Object.values(notifications)) {
    for (const n of items) {
      const m = n.link && /^\/certificates\/([^/]+)\/verify$/.exec(n.link);
      if (m && !certificates.some((cert) => cert.id === m[1]))
        throw new Error(`seed: notification ${n.id} links a missing certificate`);
    }
  }
  return notificationCount;
}

import { collection, doc } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { notificationConverter } from './converters/notification-converter';
import { privateAccountConverter } from './converters/private-account-converter';
import { userProfileConverter } from './converters/user-profile-converter';

/** Every Firestore path the web app uses (SPEC §3), in one place. */
export const firestorePaths = {
  user: (uid: string) => `users/${uid}`,
  privateAccount: (uid: string) => `users/${uid}/private/account`,
  notifications: (uid: string) => `notifications/${uid}/items`,
  notification: (uid: string, id: string) => `notifications/${uid}/items/${id}`,
} as const;

/** users/{uid}: the public profile. */
export const userRef = (uid: string) => doc(db, firestorePaths.user(uid)).withConverter(userProfileConverter);

/** users/{uid}/private/account: email and notification preferences (owner only). */
export const privateAccountRef = (uid: string) =>
  doc(db, firestorePaths.privateAccount(uid)).withConverter(privateAccountConverter);

/** notifications/{uid}/items */
export const notificationsRef = (uid: string) =>
  collection(db, firestorePaths.notifications(uid)).withConverter(notificationConverter);

export const notificationRef = (uid: string, id: string) =>
  doc(db, firestorePaths.notification(uid, id)).withConverter(notificationConverter);

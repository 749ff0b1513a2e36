import { collection, collectionGroup, doc } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { auditLogConverter } from './converters/audit-log-converter';
import { educatorApplicationConverter } from './converters/educator-application-converter';
import { privateAccountConverter } from './converters/private-account-converter';
import { userProfileConverter } from './converters/user-profile-converter';

/** Paths of educator applications, the audit log and admin user lookups (SPEC §3). */
export const accountPaths = {
  educatorApplications: () => 'educatorApplications',
  educatorApplication: (uid: string) => `educatorApplications/${uid}`,
  auditLog: () => 'auditLog',
  users: () => 'users',
} as const;

/** educatorApplications/{uid}, read through the converter. */
export const educatorApplicationRef = (uid: string) =>
  doc(db, accountPaths.educatorApplication(uid)).withConverter(educatorApplicationConverter);
/** The same document without a converter, for the applicant's own writes. */
export const educatorApplicationWriteRef = (uid: string) => doc(db, accountPaths.educatorApplication(uid));
export const educatorApplicationsRef = () =>
  collection(db, accountPaths.educatorApplications()).withConverter(educatorApplicationConverter);

/** auditLog: admins read; only functions write. */
export const auditLogRef = () => collection(db, accountPaths.auditLog()).withConverter(auditLogConverter);

/** users, for admin search (nameLower, status, roles). */
export const usersRef = () => collection(db, accountPaths.users()).withConverter(userProfileConverter);

/** Every users/{uid}/private/* document: admins look accounts up by email. */
export const privateAccountsGroupRef = () =>
  collectionGroup(db, 'private').withConverter(privateAccountConverter);

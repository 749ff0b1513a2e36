// educatorApplications/{uid} (SPEC §3): the applicant writes theirs, admins decide.
import { EDUCATOR_APPLICATION_STATUSES, type EducatorApplication } from '@skillverse/domain/models';
import { collection, doc, type FirestoreDataConverter } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import {
  asStr,
  dateOrNow,
  dateOrNull,
  nullableStr,
  obj,
  oneOf,
  str,
  strings,
  readOnlyConverter,
} from '@/lib/firestore/parse';

export type EducatorApplicationDoc = EducatorApplication & { updatedAt: Date | null };

export function parseEducatorApplication(uid: string, data: unknown): EducatorApplicationDoc {
  const d = obj(data);
  const sampleUrl = asStr(d.sampleUrl);
  return {
    uid,
    expertise: strings(d.expertise),
    motivation: str(d.motivation),
    ...(sampleUrl ? { sampleUrl } : {}),
    status: oneOf(EDUCATOR_APPLICATION_STATUSES, d.status, 'pending'),
    decidedBy: nullableStr(d.decidedBy),
    decidedAt: dateOrNull(d.decidedAt),
    decisionReason: nullableStr(d.decisionReason),
    createdAt: dateOrNow(d.createdAt),
    updatedAt: dateOrNull(d.updatedAt),
  };
}

// The applicant writes with setDoc/updateDoc on the raw reference (features/educator-applications/api);
// decisions belong to decideEducatorApplication.
export const educatorApplicationConverter: FirestoreDataConverter<EducatorApplicationDoc> = readOnlyConverter(
  'educatorApplications',
  parseEducatorApplication,
);

// ---------------------------------------------------------------- paths and refs

export const educatorApplicationPaths = {
  applications: () => 'educatorApplications',
  application: (uid: string) => `educatorApplications/${uid}`,
} as const;

/** educatorApplications/{uid}, read through the converter. */
export const educatorApplicationRef = (uid: string) =>
  doc(db, educatorApplicationPaths.application(uid)).withConverter(educatorApplicationConverter);
/** The same document without a converter, for the applicant's own writes. */
export const educatorApplicationWriteRef = (uid: string) =>
  doc(db, educatorApplicationPaths.application(uid));
export const educatorApplicationsRef = () =>
  collection(db, educatorApplicationPaths.applications()).withConverter(educatorApplicationConverter);

import { EDUCATOR_APPLICATION_STATUSES, type EducatorApplication } from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { asStr, dateOrNow, dateOrNull, nullableStr, obj, oneOf, serverOnly, str, strings } from '@/lib/firestore/parse';

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

export const educatorApplicationConverter: FirestoreDataConverter<EducatorApplicationDoc> = {
  // The applicant writes with setDoc/updateDoc on the raw reference (features/educator-applications/api);
  // decisions belong to decideEducatorApplication.
  toFirestore: () => serverOnly('educatorApplications'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseEducatorApplication(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};

import { EDUCATOR_APPLICATION_STATUSES, type EducatorApplication } from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { z } from 'zod';
import { arrayOf, dateOrNow, dateOrNull, serverOnly } from './parse';

const schema = z.object({
  expertise: arrayOf(z.string()),
  motivation: z.string().catch(''),
  sampleUrl: z.string().nullable().optional().catch(undefined),
  status: z.enum(EDUCATOR_APPLICATION_STATUSES).catch('pending'),
  decidedBy: z.string().nullable().optional().catch(null),
  decidedAt: dateOrNull,
  decisionReason: z.string().nullable().optional().catch(null),
  createdAt: dateOrNow,
  updatedAt: dateOrNull,
});

export type EducatorApplicationDoc = EducatorApplication & { updatedAt: Date | null };

export function parseEducatorApplication(uid: string, data: unknown): EducatorApplicationDoc {
  const d = schema.parse(data ?? {});
  return {
    uid,
    expertise: d.expertise,
    motivation: d.motivation,
    ...(d.sampleUrl ? { sampleUrl: d.sampleUrl } : {}),
    status: d.status,
    decidedBy: d.decidedBy ?? null,
    decidedAt: d.decidedAt,
    decisionReason: d.decisionReason ?? null,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

export const educatorApplicationConverter: FirestoreDataConverter<EducatorApplicationDoc> = {
  // The applicant writes with setDoc/updateDoc on the raw reference (features/educator-applications/api);
  // decisions belong to decideEducatorApplication.
  toFirestore: () => serverOnly('educatorApplications'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseEducatorApplication(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};

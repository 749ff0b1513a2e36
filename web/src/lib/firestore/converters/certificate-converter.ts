import type { Certificate } from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { z } from 'zod';
import { dateOrNow, serverOnly, text } from './parse';

const schema = z.object({
  uid: text(),
  userName: text(),
  courseId: text(),
  courseTitle: text(),
  instructorId: text(),
  instructorName: text(),
  issuedAt: dateOrNow,
});

export function parseCertificate(id: string, data: unknown): Certificate {
  return { id, ...schema.parse(data ?? {}) };
}

export const certificateConverter: FirestoreDataConverter<Certificate> = {
  toFirestore: () => serverOnly('certificates'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseCertificate(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};

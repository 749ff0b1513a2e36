import type { Lecture } from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { z } from 'zod';
import { arrayOf, count, dateOrNow, serverOnly, text } from './parse';

const resource = z.object({ title: text(), url: z.string().min(1) });

const schema = z.object({
  title: text(),
  order: count,
  sectionId: text(),
  videoUrl: z.string().nullable().catch(null),
  videoPath: z.string().nullable().catch(null),
  durationSec: count,
  preview: z.boolean().catch(false),
  body: text(),
  resources: arrayOf(resource),
  quizId: z.string().nullable().catch(null),
  createdAt: dateOrNow,
  updatedAt: dateOrNow,
});

export function parseLecture(id: string, data: unknown): Lecture {
  return { id, ...schema.parse(data ?? {}) };
}

export const lectureConverter: FirestoreDataConverter<Lecture> = {
  // The instructor writes lectures with plain objects on the untyped ref (features/educator/api).
  toFirestore: () => serverOnly('courses/{id}/lectures'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseLecture(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};

import type { Lecture, LectureResource } from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { arrayOf, bool, dateOrNow, nonEmptyStr, nullableStr, num, obj, serverOnly, str } from '@/lib/firestore/parse';

/** A lecture resource (a link); dropped without a url. */
function readResource(raw: unknown): LectureResource | undefined {
  const r = obj(raw);
  const url = nonEmptyStr(r.url);
  return url === undefined ? undefined : { title: str(r.title), url };
}

export function parseLecture(id: string, data: unknown): Lecture {
  const d = obj(data);
  return {
    id,
    title: str(d.title),
    order: num(d.order),
    sectionId: str(d.sectionId),
    videoUrl: nullableStr(d.videoUrl),
    videoPath: nullableStr(d.videoPath),
    durationSec: num(d.durationSec),
    preview: bool(d.preview),
    body: str(d.body),
    resources: arrayOf(d.resources, readResource),
    quizId: nullableStr(d.quizId),
    createdAt: dateOrNow(d.createdAt),
    updatedAt: dateOrNow(d.updatedAt),
  };
}

export const lectureConverter: FirestoreDataConverter<Lecture> = {
  // The instructor writes lectures with plain objects on the untyped ref (features/educator/api).
  toFirestore: () => serverOnly('courses/{id}/lectures'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseLecture(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};

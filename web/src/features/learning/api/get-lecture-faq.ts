import { limit, orderBy, query } from 'firebase/firestore';
import { lectureFaqRef } from '@/lib/data/lectures';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

/** At most this many FAQ entries per lecture are shown (newest first). */
export const LECTURE_FAQ_LIMIT = 50;

export function lectureFaqQueryOptions(courseId: string, lectureId: string, enabled: boolean) {
  return liveQueryOptions(
    ['courses', courseId, 'lectures', lectureId, 'faq'] as const,
    enabled
      ? querySource(
          query(lectureFaqRef(courseId, lectureId), orderBy('publishedAt', 'desc'), limit(LECTURE_FAQ_LIMIT)),
        )
      : null,
  );
}

/** The live-session questions published on a lecture (readable by whoever reads the lecture), live. */
export function useLectureFaq(courseId: string, lectureId: string, enabled = true) {
  return useLiveQuery(lectureFaqQueryOptions(courseId, lectureId, enabled));
}

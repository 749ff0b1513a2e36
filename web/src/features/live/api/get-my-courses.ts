import { useQuery } from '@tanstack/react-query';
import { getDocs, limit, query, where } from 'firebase/firestore';
import { coursesRawRef } from '@/lib/data/courses';

export interface CourseOption {
  id: string;
  title: string;
}

/** The educator's own courses, for linking a session to one. */
export async function getMyCourses(uid: string): Promise<CourseOption[]> {
  const snap = await getDocs(query(coursesRawRef(), where('instructorId', '==', uid), limit(100)));
  return snap.docs
    .map((d) => ({ id: d.id, title: String(d.get('title') ?? 'Untitled course') }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

export function useMyCourses(uid: string) {
  return useQuery({ queryKey: ['live-sessions', 'my-courses', uid], queryFn: () => getMyCourses(uid) });
}

import type { CourseDoc } from '@/lib/firestore/converters/course-converter';
import { docSource } from '@/lib/firestore/live-source';
import { courseRef } from '@/lib/firestore/refs';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function courseQueryOptions(courseId: string | undefined) {
  return liveQueryOptions(
    ['courses', courseId ?? null] as const,
    courseId ? docSource(courseRef(courseId)) : null,
  );
}

/** The course of an older payment that has no title stored on it. */
export function useCourseTitle(courseId: string | undefined): string | null {
  const course = useLiveQuery(courseQueryOptions(courseId));
  return (course.data as CourseDoc | null | undefined)?.title ?? null;
}

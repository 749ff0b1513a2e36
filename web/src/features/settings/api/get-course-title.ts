import { type CourseDoc, useCourse } from '@/lib/data/courses';

/** The course of an older payment that has no title stored on it. */
export function useCourseTitle(courseId: string | undefined): string | null {
  const course = useCourse(courseId);
  return (course.data as CourseDoc | null | undefined)?.title ?? null;
}

// Moved to lib/data/courses.ts. This re-export stays only for learning/pages/player-page.tsx, which
// another change is carving into sections; point those at '@/lib/data/courses' and delete this file.
export { courseQueryOptions, useCourse } from '@/lib/data/courses';

// Moved to lib/data/enrollments.ts. This re-export stays only for learning/pages/player-page.tsx, which
// another change is carving into sections; point those at '@/lib/data/enrollments' and delete this file.
export { enrollmentQueryOptions, useEnrollment } from '@/lib/data/enrollments';

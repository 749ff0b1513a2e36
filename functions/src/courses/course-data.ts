// Transitional re-exports: course documents are read in lib/data/courses.ts, enrolments in
// lib/data/enrollments.ts and field readers in @skillverse/domain/fields. Only
// billing/stripe-webhook.ts and billing/connect-webhook.ts (being split into a folder by another
// change) still import this file; point them at those modules and delete it.
export { num, str } from '@skillverse/domain/fields';
export { type CourseInfo, courseRef, readCourse } from '../lib/data/courses';
export { enrollmentRef, newEnrollmentData } from '../lib/data/enrollments';

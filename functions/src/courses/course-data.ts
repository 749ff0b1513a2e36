// Reading course documents at the boundary (typed, with defaults), the enrolment document a
// function creates, and the refs the course handlers share.
import { enrollmentId } from '@skillverse/domain/courses-api';
import type { CertificateRule, CourseStatus, EnrollmentSource } from '@skillverse/domain/models';
import type { DocumentReference, DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import { isRecord } from '../lib/firestore';

/** The course fields the server logic relies on, read defensively from a snapshot. */
export interface CourseInfo {
  id: string;
  instructorId: string;
  title: string;
  status: CourseStatus | string;
  price: number;
  currency: string;
  thumbnailUrl: string | null;
  instructorName: string | null;
  certificate: CertificateRule;
  totalLectures: number;
  publishedAt: unknown;
}

export function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

export function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function strList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A missing certificate rule means "certificate on, no quiz score required". */
export function certificateRule(value: unknown): CertificateRule {
  if (!isRecord(value)) return { enabled: true, passingScore: 0 };
  return {
    enabled: value.enabled !== false,
    passingScore: Math.min(100, Math.max(0, num(value.passingScore))),
  };
}

export function readCourse(snap: DocumentSnapshot): CourseInfo | null {
  if (!snap.exists) return null;
  const d = snap.data() ?? {};
  return {
    id: snap.id,
    instructorId: str(d.instructorId),
    title: str(d.title, 'Untitled course'),
    status: str(d.status, 'draft'),
    price: Math.max(0, Math.trunc(num(d.price))),
    currency: str(d.currency, 'USD').toUpperCase(),
    thumbnailUrl: typeof d.thumbnailUrl === 'string' ? d.thumbnailUrl : null,
    instructorName: typeof d.instructorName === 'string' && d.instructorName ? d.instructorName : null,
    certificate: certificateRule(d.certificate),
    totalLectures: num(d.totalLectures),
    publishedAt: d.publishedAt ?? null,
  };
}

export const courseRef = (db: Firestore, courseId: string): DocumentReference =>
  db.collection('courses').doc(courseId);

export const enrollmentRef = (db: Firestore, courseId: string, uid: string): DocumentReference =>
  db.collection('enrollments').doc(enrollmentId(courseId, uid));

export const userRef = (db: Firestore, uid: string): DocumentReference => db.collection('users').doc(uid);

/** A new enrolment document (SPEC §3), with the course's display fields for "my learning". */
export function newEnrollmentData(input: {
  uid: string;
  course: CourseInfo;
  source: EnrollmentSource;
  now: Date;
  paymentId?: string | null;
}) {
  return {
    uid: input.uid,
    courseId: input.course.id,
    instructorId: input.course.instructorId,
    status: 'active' as const,
    source: input.source,
    completedLectureIds: [] as string[],
    progress: 0,
    lastLectureId: null,
    lastPositionSec: 0,
    completedAt: null,
    certificateId: null,
    passedQuizIds: [] as string[],
    courseTitle: input.course.title,
    courseThumbnailUrl: input.course.thumbnailUrl,
    paymentId: input.paymentId ?? null,
    createdAt: input.now,
    updatedAt: input.now,
  };
}

import type { CertificateRule } from '@skillverse/domain/models';
import { useMutation } from '@tanstack/react-query';
import { serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { z } from '@/lib/zod';
import { courseRef, newCourseId } from '@/lib/data/courses';
import { type CourseDetails, certificateRuleSchema, courseDetailsSchema } from '../utils/course-schema';

export { courseDetailsSchema };

/**
 * Creates a draft as its instructor, exactly as the rules allow: instructorId == me, status
 * 'draft', rating {0, 0}, enrollmentCount 0, server times; returns the new id.
 */
export async function createCourse(uid: string, details: CourseDetails): Promise<string> {
  const id = newCourseId();
  await setDoc(courseRef(id).withConverter(null), {
    ...details,
    thumbnailUrl: details.thumbnailUrl || null,
    sections: [],
    totalLectures: 0,
    certificate: { enabled: true, passingScore: 70 },
    instructorId: uid,
    status: 'draft',
    rating: { average: 0, count: 0 },
    enrollmentCount: 0,
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
  });
  return id;
}

export function useCreateCourse(uid: string) {
  return useMutation({ mutationFn: (details: CourseDetails) => createCourse(uid, details) });
}

/** Content fields only (the rules reject counters, ownership and moderation fields). */
export async function updateCourseDetails(courseId: string, details: CourseDetails): Promise<void> {
  await updateDoc(courseRef(courseId).withConverter(null), {
    ...details,
    thumbnailUrl: details.thumbnailUrl || null,
    updatedAt: serverTimestamp(),
  });
}

export function useUpdateCourseDetails(courseId: string) {
  return useMutation({ mutationFn: (details: CourseDetails) => updateCourseDetails(courseId, details) });
}

export async function updateCertificateRule(courseId: string, rule: CertificateRule): Promise<void> {
  await updateDoc(courseRef(courseId).withConverter(null), {
    certificate: certificateRuleSchema.parse(rule),
    updatedAt: serverTimestamp(),
  });
}

export function useUpdateCertificateRule(courseId: string) {
  return useMutation({ mutationFn: (rule: CertificateRule) => updateCertificateRule(courseId, rule) });
}

export const courseStatusMoveSchema = z.enum(['pending', 'draft', 'archived']);

/**
 * The instructor's status moves: submit for review (draft/rejected → pending), withdraw
 * (pending → draft), archive a published course. Publishing is an admin's job (moderateCourse).
 */
export async function setCourseStatus(courseId: string, status: z.infer<typeof courseStatusMoveSchema>) {
  await updateDoc(courseRef(courseId).withConverter(null), {
    status: courseStatusMoveSchema.parse(status),
    updatedAt: serverTimestamp(),
  });
}

export function useSetCourseStatus(courseId: string) {
  return useMutation({
    mutationFn: (status: z.infer<typeof courseStatusMoveSchema>) => setCourseStatus(courseId, status),
  });
}

/** Plus (docs/plus.md): the instructor's choice; live courses too (the rules allow it in place). */
export async function setIncludedInPlus(courseId: string, includedInPlus: boolean): Promise<void> {
  await updateDoc(courseRef(courseId).withConverter(null), { includedInPlus, updatedAt: serverTimestamp() });
}

export function useSetIncludedInPlus(courseId: string) {
  return useMutation({ mutationFn: (included: boolean) => setIncludedInPlus(courseId, included) });
}

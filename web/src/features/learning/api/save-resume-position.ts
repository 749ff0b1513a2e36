import { useMutation } from '@tanstack/react-query';
import { serverTimestamp, updateDoc } from 'firebase/firestore';
import { z } from '@/lib/zod';
import { enrollmentRef } from '@/lib/data/enrollments';

export const resumePositionSchema = z.object({
  courseId: z.string().min(1),
  uid: z.string().min(1),
  lectureId: z.string().min(1).max(128),
  positionSec: z.number().min(0),
});
export type ResumePosition = z.infer<typeof resumePositionSchema>;

/** The only enrolment fields a learner writes: where to resume (rules: lastLectureId, lastPositionSec). */
export async function saveResumePosition(input: ResumePosition): Promise<void> {
  const { courseId, uid, lectureId, positionSec } = resumePositionSchema.parse(input);
  await updateDoc(enrollmentRef(courseId, uid), {
    lastLectureId: lectureId,
    lastPositionSec: Math.floor(positionSec),
    updatedAt: serverTimestamp(),
  });
}

export function useSaveResumePosition() {
  return useMutation({ mutationFn: saveResumePosition });
}

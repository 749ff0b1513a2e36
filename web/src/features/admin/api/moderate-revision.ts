import { moderateRevision as moderateRevisionContract } from '@skillverse/domain/contracts/courses';
import type { ModerateRevisionResponse, RevisionAction } from '@skillverse/domain/course-revisions';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';

export interface ModerateRevisionInput {
  courseId: string;
  revisionId: string;
  action: RevisionAction;
  /** Required to reject (10–1000 characters), shown to the educator. */
  reason?: string;
}

/** Approve (applies it for learners) or reject an educator's revision of a live course (admins). */
export function moderateRevision(input: ModerateRevisionInput): Promise<ModerateRevisionResponse> {
  return callFunction(moderateRevisionContract, input);
}

/** The queue updates from its listener. */
export function useModerateRevision() {
  return useMutation({ mutationFn: moderateRevision });
}

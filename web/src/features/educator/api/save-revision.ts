import { useMutation } from '@tanstack/react-query';
import { setDoc } from 'firebase/firestore';
import { type RevisionDoc, revisionRef } from '@/lib/data/revisions';
import { pendingRevision } from './save-outline';

/**
 * Withdraws a pending revision (or dismisses a rejected one): the instructor rewrites it whole with
 * status `withdrawn`, which the rules allow; only an admin's moderateRevision approves or rejects.
 */
export async function withdrawRevision(input: { courseId: string; revision: RevisionDoc }): Promise<void> {
  const r = input.revision;
  await setDoc(revisionRef(input.courseId, r.id).withConverter(null), {
    ...pendingRevision(r.instructorId, r.kind, r.op, r.itemId, r.title, r.changes),
    status: 'withdrawn',
  });
}

export function useWithdrawRevision() {
  return useMutation({ mutationFn: withdrawRevision });
}

import type { ExchangeMilestone } from '@skillverse/domain/models';
import { useMutation } from '@tanstack/react-query';
import { serverTimestamp, updateDoc } from 'firebase/firestore';
import { z } from '@/lib/zod';
import { exchangePaths, rawDoc } from '@/lib/data/exchanges';

export const MAX_MILESTONES = 20;
export const milestoneTitleSchema = z.string().trim().min(1, 'Name the milestone').max(200);

/** Replaces the milestone list (accepted or active exchanges; at most 20). */
export async function updateMilestones(input: { exchangeId: string; milestones: ExchangeMilestone[] }) {
  if (input.milestones.length > MAX_MILESTONES) throw new Error(`At most ${MAX_MILESTONES} milestones.`);
  await updateDoc(rawDoc(exchangePaths.exchange(input.exchangeId)), {
    milestones: input.milestones.map((m) => ({ id: m.id, title: m.title, done: m.done })),
    updatedAt: serverTimestamp(),
  });
}

export function useUpdateMilestones() {
  return useMutation({ mutationFn: updateMilestones });
}

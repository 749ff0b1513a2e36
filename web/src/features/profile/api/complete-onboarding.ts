import { FIRST_GOALS, type FirstGoal } from '@skillverse/domain/models';
import { useMutation } from '@tanstack/react-query';
import { serverTimestamp, updateDoc } from 'firebase/firestore';
import { z } from 'zod';
import { userRef } from '@/lib/firestore/refs';
import { type ProfileUpdate, profileInputSchema } from '../utils/profile-schema';

export const firstGoalSchema = z.enum(FIRST_GOALS).nullable();

export const onboardingInputSchema = profileInputSchema.extend({ firstGoal: firstGoalSchema });
export type OnboardingInput = ProfileUpdate & { firstGoal: FirstGoal | null };

/** Saves everything from onboarding and marks the profile onboarded. */
export async function completeOnboarding(uid: string, input: OnboardingInput): Promise<void> {
  await updateDoc(userRef(uid), { ...input, onboarded: true, updatedAt: serverTimestamp() });
}

export function useCompleteOnboarding(uid: string) {
  return useMutation({ mutationFn: (input: OnboardingInput) => completeOnboarding(uid, input) });
}

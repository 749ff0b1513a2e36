import { FIRST_GOALS, type FirstGoal } from '@skillverse/domain/models';
import { useMutation } from '@tanstack/react-query';
import { serverTimestamp, updateDoc } from 'firebase/firestore';
import { z } from '@/lib/zod';
import { userRef } from '@/lib/data/users';
import { type ProfileUpdate, profileInputSchema } from '../utils/profile-schema';
import { recordRememberedReferrer } from './record-referrer';

export const firstGoalSchema = z.enum(FIRST_GOALS).nullable();

export const onboardingInputSchema = profileInputSchema.extend({ firstGoal: firstGoalSchema });
export type OnboardingInput = ProfileUpdate & { firstGoal: FirstGoal | null };

/**
 * Saves everything from onboarding and marks the profile onboarded. A referrer remembered from an
 * invite link is recorded first (the rules accept it only before onboarding is complete); its
 * refusal never blocks onboarding.
 */
export async function completeOnboarding(
  uid: string,
  input: OnboardingInput,
  profile: { onboarded: boolean; referredBy?: string | null } | null = null,
): Promise<void> {
  await recordRememberedReferrer(uid, profile).catch((error: unknown) => {
    console.warn('Could not record who invited you; continuing without it', error);
  });
  await updateDoc(userRef(uid), { ...input, onboarded: true, updatedAt: serverTimestamp() });
}

export function useCompleteOnboarding(
  uid: string,
  profile: { onboarded: boolean; referredBy?: string | null } | null = null,
) {
  return useMutation({ mutationFn: (input: OnboardingInput) => completeOnboarding(uid, input, profile) });
}

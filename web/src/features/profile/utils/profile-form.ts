import type { FirstGoal, UserProfile } from '@skillverse/domain/models';
import type { BasicInfoValues } from '../components/basic-info-fields';
import type { SkillsValues } from '../components/skills-fields';
import { type SlotDraft, slotToDraft } from './availability';
import { browserTimeZone } from './timezones';

export interface ProfileFormState extends BasicInfoValues, SkillsValues {
  availability: SlotDraft[];
}

export interface OnboardingFormState extends ProfileFormState {
  firstGoal: FirstGoal | null;
}

/**
 * Form values from a profile. Before onboarding, the server's placeholders give way: the time zone
 * comes from the browser and the display name from the one given at sign-up (`signUpName`).
 */
export function profileToForm(profile: UserProfile, signUpName = ''): ProfileFormState {
  return {
    displayName: (!profile.onboarded && signUpName.trim()) || profile.displayName || signUpName,
    headline: profile.headline,
    bio: profile.bio,
    timezone: profile.onboarded && profile.timezone ? profile.timezone : browserTimeZone(),
    photoURL: profile.photoURL ?? '',
    skills: profile.skills.map((s) => ({ ...s })),
    offeredSkills: profile.offeredSkills.map((s) => ({ ...s })),
    desiredSkills: profile.desiredSkills.map((s) => ({ ...s })),
    interests: [...profile.interests],
    availability: profile.availability.map(slotToDraft),
  };
}

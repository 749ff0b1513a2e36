import { SKILL_LEVELS } from '@skillverse/domain/models';
import { z } from '@/lib/zod';
import { availabilitySchema } from './availability';
import { isValidTimeZone } from './timezones';

// The owner-editable profile fields (PROFILE_FIELDS) as the forms edit them, and what is written.
// Pure (no Firebase) so it is unit-tested and shared by onboarding and the profile page.

export const PROFILE_LIMITS = {
  displayName: 60,
  headline: 120,
  bio: 1000,
  skills: 30,
  skillName: 50,
  interests: 20,
  interest: 40,
  photoURL: 2000,
} as const;

const skillInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter a skill name, or remove this row.')
    .max(PROFILE_LIMITS.skillName, `Keep skill names under ${PROFILE_LIMITS.skillName} characters.`),
  level: z.enum(SKILL_LEVELS, { error: 'Choose a level.' }),
});

const skillListSchema = z
  .array(skillInputSchema)
  .max(PROFILE_LIMITS.skills, `Add at most ${PROFILE_LIMITS.skills} skills.`)
  .superRefine((skills, ctx) => {
    const seen = new Set<string>();
    skills.forEach((skill, i) => {
      const key = skill.name.trim().toLowerCase();
      if (!key) return;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'name'],
          message: `${skill.name.trim()} is already in this list.`,
        });
      }
      seen.add(key);
    });
  });

/** The owner-editable profile fields (PROFILE_FIELDS), as the forms edit them. */
export const profileInputSchema = z.object({
  displayName: z
    .string()
    .trim()
    .min(1, 'Enter the name people will see.')
    .max(
      PROFILE_LIMITS.displayName,
      `Keep your display name under ${PROFILE_LIMITS.displayName} characters.`,
    ),
  headline: z
    .string()
    .trim()
    .max(PROFILE_LIMITS.headline, `Keep your headline under ${PROFILE_LIMITS.headline} characters.`),
  bio: z.string().trim().max(PROFILE_LIMITS.bio, `Keep your bio under ${PROFILE_LIMITS.bio} characters.`),
  timezone: z.string().refine(isValidTimeZone, 'Choose your time zone from the list.'),
  photoURL: z
    .string()
    .trim()
    .max(PROFILE_LIMITS.photoURL, 'That link is too long.')
    .refine(
      (v) => v === '' || /^https?:\/\/[^\s]+\.[^\s]+/i.test(v),
      'Enter a full link starting with https://, or leave it empty.',
    )
    .transform((v) => (v === '' ? null : v)),
  skills: skillListSchema,
  offeredSkills: skillListSchema,
  desiredSkills: skillListSchema,
  interests: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(PROFILE_LIMITS.interest, `Keep each interest under ${PROFILE_LIMITS.interest} characters.`),
    )
    .max(PROFILE_LIMITS.interests, `Add at most ${PROFILE_LIMITS.interests} interests.`),
  availability: availabilitySchema,
});

export type ProfileFormValues = z.input<typeof profileInputSchema>;
export type ProfileUpdate = z.output<typeof profileInputSchema>;

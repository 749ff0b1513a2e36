import {
  EXPERTISE_ITEM_MAX,
  EXPERTISE_MAX,
  MOTIVATION_MAX,
  MOTIVATION_MIN,
  SAMPLE_URL_MAX,
} from '@skillverse/domain/accounts-api';
import { z } from '@/lib/zod';

// The application form as it is edited and what is written to educatorApplications/{uid}.
// Pure (no Firebase), unit-tested; the limits match firestore.rules.

export interface ApplicationFormValues {
  expertise: string[];
  motivation: string;
  sampleUrl: string;
}

export const emptyApplication = (): ApplicationFormValues => ({
  expertise: [],
  motivation: '',
  sampleUrl: '',
});

export const applicationSchema = z.object({
  expertise: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(EXPERTISE_ITEM_MAX, `Keep each skill under ${EXPERTISE_ITEM_MAX} characters.`),
    )
    .min(1, 'Add at least one skill you would teach (type it and press Enter).')
    .max(EXPERTISE_MAX, `Add at most ${EXPERTISE_MAX} skills.`),
  motivation: z
    .string()
    .trim()
    .min(MOTIVATION_MIN, `Tell us a little more: at least ${MOTIVATION_MIN} characters.`)
    .max(MOTIVATION_MAX, `Keep it under ${MOTIVATION_MAX} characters.`),
  sampleUrl: z
    .string()
    .trim()
    .max(SAMPLE_URL_MAX, 'That link is too long.')
    .refine((value) => value === '' || isHttpUrl(value), {
      message: 'Enter a full link starting with https:// (or leave it empty).',
    })
    .transform((value) => (value === '' ? null : value)),
});

export type ApplicationInput = z.output<typeof applicationSchema>;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

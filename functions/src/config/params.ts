// Deploy-time parameters and secrets. Declared here, read with `.value()` only inside handlers.
import { defineSecret, defineString } from 'firebase-functions/params';

type SecretParam = ReturnType<typeof defineSecret>;

/** SendGrid key; without it mail goes to `mailLog` and the log (SPEC §7). */
export const SENDGRID_API_KEY = defineSecret('SENDGRID_API_KEY');

/** OpenAI key for skill embeddings; without it matching compares normalised names only (SPEC §7). */
export const OPENAI_API_KEY = defineSecret('OPENAI_API_KEY');

export const DEFAULT_MAIL_FROM = 'SkillVerse <no-reply@skillverse.local>';
export const MAIL_FROM = defineString('MAIL_FROM', { default: DEFAULT_MAIL_FROM });

/** Public address of the web app, for links in emails. */
export const DEFAULT_APP_URL = 'http://localhost:5173';
export const APP_URL = defineString('APP_URL', { default: DEFAULT_APP_URL });

/**
 * The value of a secret the app can run without (SPEC §7), or '' when it is not configured. Call
 * inside handlers only. Unlike `.value()` it does not log a warning for a secret that is absent on
 * purpose (the emulator without functions/.secret.local).
 */
export function optionalSecret(secret: SecretParam): string {
  return process.env[secret.name] === undefined ? '' : secret.value();
}

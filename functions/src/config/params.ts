// Deploy-time parameters and secrets. Declared here, read with `.value()` only inside handlers.
import { defineBoolean, defineSecret, defineString } from 'firebase-functions/params';

type SecretParam = ReturnType<typeof defineSecret>;

/** SendGrid key; without it mail goes to `mailLog` and the log (SPEC §7). */
export const SENDGRID_API_KEY = defineSecret('SENDGRID_API_KEY');

/** OpenAI key for skill embeddings; without it matching compares normalised names only (SPEC §7). */
export const OPENAI_API_KEY = defineSecret('OPENAI_API_KEY');

export const DEFAULT_MAIL_FROM = 'SkillVerse <no-reply@skillverse.local>';
export const MAIL_FROM = defineString('MAIL_FROM', { default: DEFAULT_MAIL_FROM });

/** Public address of the web app, for links in emails. */
export const DEFAULT_APP_URL = 'http://127.0.0.1:5173';
export const APP_URL = defineString('APP_URL', { default: DEFAULT_APP_URL });

/**
 * Whether callables reject requests without a valid Firebase App Check token. Every onCall sets
 * `enforceAppCheck: appCheckEnforced()` (a test checks). Off by default, so the emulators and a
 * project without App Check work; turn it on (functions/.env.<projectId>: ENFORCE_APP_CHECK=true)
 * once the web app is built with VITE_RECAPTCHA_ENTERPRISE_SITE_KEY and App Check is set up (README,
 * Deploy).
 */
export const ENFORCE_APP_CHECK = defineBoolean('ENFORCE_APP_CHECK', {
  default: false,
  description: 'Reject callable requests without a valid App Check token',
});

/**
 * ENFORCE_APP_CHECK for an onCall's options. firebase-functions reads `enforceAppCheck` once, when
 * the function is defined (it is not part of the deploy manifest), so the param's runtime value is
 * read here. While firebase-tools only inspects the code (deploy, emulator start-up:
 * FUNCTIONS_CONTROL_API=true) the value is unused, and reading it would only log warnings; answer false.
 */
export function appCheckEnforced(): boolean {
  if (process.env.FUNCTIONS_CONTROL_API === 'true') return false;
  return ENFORCE_APP_CHECK.value();
}

/**
 * The value of a secret the app can run without (SPEC §7), or '' when it is not configured. Call
 * inside handlers only. Unlike `.value()` it does not log a warning for a secret that is absent on
 * purpose (the emulator without functions/.secret.local).
 */
export function optionalSecret(secret: SecretParam): string {
  // Trimmed: the emulator's generated functions/.secret.local writes an unset secret as " "
  // (scripts/lib/local-secrets.mjs says why).
  return process.env[secret.name] === undefined ? '' : secret.value().trim();
}

/**
 * Ed25519 private key that signs verifiable credentials (PKCS#8 PEM, or the 32-byte seed in
 * base64url). Without it the Functions emulator signs with a derived dev-only key
 * (credentials/signing-key.ts); deployed functions refuse to sign.
 */
export const CREDENTIAL_SIGNING_KEY = defineSecret('CREDENTIAL_SIGNING_KEY');

/**
 * HMAC key for one-click unsubscribe links in emails (notifications/unsubscribe-token.ts). Without
 * it the Functions emulator uses a derived dev-only key; deployed functions then send no
 * List-Unsubscribe header and the unsubscribe endpoint answers 503 (people still turn email off in
 * Settings, which every email links to).
 */
export const UNSUBSCRIBE_SECRET = defineSecret('UNSUBSCRIBE_SECRET');

/**
 * Public base URL of the HTTP functions, for links that must reach a function directly (one-click
 * unsubscribe). Empty: the hosting rewrites on APP_URL (firebase.json). The emulators set it to the
 * Functions emulator (functions/.env.demo-skillverse).
 */
export const FUNCTIONS_URL = defineString('FUNCTIONS_URL', { default: '' });

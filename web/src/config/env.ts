import { z } from 'zod';

// No `new Function` in the browser: zod's JIT probes for it, and under the site's CSP (no
// 'unsafe-eval', firebase.json) that probe is reported as a CSP violation even though zod catches it.
// Set here, before any schema exists: main.tsx imports this module first.
z.config({ jitless: true });

/**
 * The web app's configuration, parsed once from `import.meta.env` (VITE_* variables).
 *
 * Emulator mode (the default in development, and whenever VITE_USE_EMULATORS=true) needs nothing:
 * every value has a local default. Against a real Firebase project, the missing values are listed
 * together so the fix is one edit of `.env.local`.
 */
export interface Env {
  firebase: {
    apiKey: string;
    projectId: string;
    authDomain: string;
    storageBucket: string;
    appId: string | undefined;
  };
  useEmulators: boolean;
  emulators: {
    host: string;
    authPort: number;
    firestorePort: number;
    functionsPort: number;
    storagePort: number;
    /** Whether the Storage emulator runs (it needs a download some machines cannot do). */
    storage: boolean;
  };
  functionsRegion: string;
  /**
   * Firebase App Check with reCAPTCHA Enterprise, or null when no site key is configured (then App
   * Check is off, and callables must not enforce it: ENFORCE_APP_CHECK in functions/.env).
   */
  appCheck: AppCheckConfig | null;
}

export interface AppCheckConfig {
  siteKey: string;
  /**
   * Emulator or dev server only: the App Check debug token (`self.FIREBASE_APPCHECK_DEBUG_TOKEN`).
   * `true` lets the SDK make one and print it to the console (register it in the Firebase console);
   * a string is a token already registered (VITE_APPCHECK_DEBUG_TOKEN). Undefined in production.
   */
  debugToken: string | true | undefined;
}

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(1, 'must be a port number')
    .max(65535, 'must be a port number')
    .default(fallback);

const rawSchema = z.object({
  VITE_USE_EMULATORS: z.enum(['true', 'false'], { error: "must be 'true' or 'false'" }).optional(),
  VITE_FIREBASE_API_KEY: optionalString,
  VITE_FIREBASE_PROJECT_ID: optionalString,
  VITE_FIREBASE_AUTH_DOMAIN: optionalString,
  VITE_FIREBASE_STORAGE_BUCKET: optionalString,
  VITE_FIREBASE_APP_ID: optionalString,
  VITE_FUNCTIONS_REGION: optionalString,
  VITE_EMULATOR_HOST: optionalString,
  VITE_AUTH_EMULATOR_PORT: port(9099),
  VITE_FIRESTORE_EMULATOR_PORT: port(8080),
  VITE_FUNCTIONS_EMULATOR_PORT: port(5001),
  VITE_STORAGE_EMULATOR_PORT: port(9199),
  VITE_STORAGE_EMULATOR: z.enum(['0', '1'], { error: "must be '0' or '1'" }).optional(),
  VITE_RECAPTCHA_ENTERPRISE_SITE_KEY: optionalString,
  VITE_APPCHECK_DEBUG_TOKEN: optionalString,
});

/** Pure: turns the raw variables into an `Env` or the list of what is wrong. */
export function parseEnv(raw: Record<string, unknown>, { dev }: { dev: boolean }): EnvResult {
  // Empty strings (VAR= in a .env file) count as unset.
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''));
  const parsed = rawSchema.safeParse(cleaned);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'env')} ${issue.message}`),
    };
  }
  const v = parsed.data;
  const useEmulators = v.VITE_USE_EMULATORS ? v.VITE_USE_EMULATORS === 'true' : dev;

  if (!useEmulators) {
    const required = [
      'VITE_FIREBASE_API_KEY',
      'VITE_FIREBASE_PROJECT_ID',
      'VITE_FIREBASE_AUTH_DOMAIN',
    ] as const;
    const missing: string[] = required.filter((name) => !v[name]);
    // App Check identifies the web app by its app id.
    if (v.VITE_RECAPTCHA_ENTERPRISE_SITE_KEY && !v.VITE_FIREBASE_APP_ID) missing.push('VITE_FIREBASE_APP_ID');
    if (missing.length > 0) {
      return { ok: false, problems: missing.map((name) => `${name} is missing`) };
    }
  }

  const projectId = v.VITE_FIREBASE_PROJECT_ID ?? 'demo-skillverse';
  return {
    ok: true,
    env: {
      firebase: {
        apiKey: v.VITE_FIREBASE_API_KEY ?? 'demo-api-key',
        projectId,
        authDomain: v.VITE_FIREBASE_AUTH_DOMAIN ?? `${projectId}.firebaseapp.com`,
        storageBucket: v.VITE_FIREBASE_STORAGE_BUCKET ?? `${projectId}.appspot.com`,
        appId: v.VITE_FIREBASE_APP_ID,
      },
      useEmulators,
      emulators: {
        host: v.VITE_EMULATOR_HOST ?? '127.0.0.1',
        authPort: v.VITE_AUTH_EMULATOR_PORT,
        firestorePort: v.VITE_FIRESTORE_EMULATOR_PORT,
        functionsPort: v.VITE_FUNCTIONS_EMULATOR_PORT,
        storagePort: v.VITE_STORAGE_EMULATOR_PORT,
        storage: v.VITE_STORAGE_EMULATOR === '1',
      },
      functionsRegion: v.VITE_FUNCTIONS_REGION ?? 'us-central1',
      appCheck: v.VITE_RECAPTCHA_ENTERPRISE_SITE_KEY
        ? {
            siteKey: v.VITE_RECAPTCHA_ENTERPRISE_SITE_KEY,
            debugToken: useEmulators || dev ? (v.VITE_APPCHECK_DEBUG_TOKEN ?? true) : undefined,
          }
        : null,
    },
  };
}

export const envResult: EnvResult = parseEnv(import.meta.env, { dev: import.meta.env.DEV });

/**
 * The parsed configuration. `main.tsx` checks `envResult` first and renders the list of problems
 * instead of the app, so nothing reads `env` when it is invalid; if something does, it fails loudly.
 */
export const env: Env = envResult.ok
  ? envResult.env
  : new Proxy({} as Env, {
      get() {
        throw new Error(
          `SkillVerse configuration is incomplete: ${envResult.ok ? '' : envResult.problems.join('; ')}`,
        );
      },
    });

import { z } from 'zod';

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
    const missing = required.filter((name) => !v[name]);
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

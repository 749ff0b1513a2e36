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

// Parsed by hand rather than with zod: this module is on every page's first paint, and zod (about
// 25 kB gzip) then loads only with the forms that validate input (lib/zod.ts).

/** A trimmed string, or undefined when unset or blank. */
function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

const STRING_VARS = [
  'VITE_FIREBASE_API_KEY',
  'VITE_FIREBASE_PROJECT_ID',
  'VITE_FIREBASE_AUTH_DOMAIN',
  'VITE_FIREBASE_STORAGE_BUCKET',
  'VITE_FIREBASE_APP_ID',
  'VITE_FUNCTIONS_REGION',
  'VITE_EMULATOR_HOST',
  'VITE_RECAPTCHA_ENTERPRISE_SITE_KEY',
  'VITE_APPCHECK_DEBUG_TOKEN',
] as const;

const PORT_VARS = {
  VITE_AUTH_EMULATOR_PORT: 9099,
  VITE_FIRESTORE_EMULATOR_PORT: 8080,
  VITE_FUNCTIONS_EMULATOR_PORT: 5001,
  VITE_STORAGE_EMULATOR_PORT: 9199,
} as const;

const CHOICE_VARS = {
  VITE_USE_EMULATORS: ['true', 'false'],
  VITE_STORAGE_EMULATOR: ['0', '1'],
} as const;

type Raw = { [K in (typeof STRING_VARS)[number]]: string | undefined } & {
  [K in keyof typeof PORT_VARS]: number;
} & { [K in keyof typeof CHOICE_VARS]: (typeof CHOICE_VARS)[K][number] | undefined };

/** The raw variables, typed, or the list of malformed ones ("VITE_X must be …"). */
function readVars(raw: Record<string, unknown>): { ok: true; vars: Raw } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const vars: Record<string, unknown> = {};
  for (const name of STRING_VARS) vars[name] = optionalString(raw[name]);
  for (const [name, fallback] of Object.entries(PORT_VARS)) {
    const value = raw[name];
    if (value === undefined) {
      vars[name] = fallback;
      continue;
    }
    const port = typeof value === 'number' ? value : Number(String(value).trim());
    if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`${name} must be a port number`);
    else vars[name] = port;
  }
  for (const [name, choices] of Object.entries(CHOICE_VARS)) {
    const value = raw[name];
    if (value === undefined) continue;
    if ((choices as readonly unknown[]).includes(value)) vars[name] = value;
    else problems.push(`${name} must be ${choices.map((c) => `'${c}'`).join(' or ')}`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, vars: vars as Raw };
}

/** Pure: turns the raw variables into an `Env` or the list of what is wrong. */
export function parseEnv(raw: Record<string, unknown>, { dev }: { dev: boolean }): EnvResult {
  // Empty strings (VAR= in a .env file) count as unset.
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''));
  const parsed = readVars(cleaned);
  if (!parsed.ok) return parsed;
  const v = parsed.vars;
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

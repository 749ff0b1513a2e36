import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('needs nothing in emulator mode and uses local defaults', () => {
    const result = parseEnv({}, { dev: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.env.useEmulators).toBe(true);
    expect(result.env.firebase.apiKey).toBe('demo-api-key');
    expect(result.env.firebase.projectId).toBe('demo-skillverse');
    expect(result.env.emulators).toEqual({
      host: '127.0.0.1',
      authPort: 9099,
      firestorePort: 8080,
      functionsPort: 5001,
      storagePort: 9199,
      storage: false,
    });
  });

  it('reads shifted emulator ports and the storage switch', () => {
    const result = parseEnv(
      {
        VITE_USE_EMULATORS: 'true',
        VITE_AUTH_EMULATOR_PORT: '12099',
        VITE_FIRESTORE_EMULATOR_PORT: '11080',
        VITE_FUNCTIONS_EMULATOR_PORT: '8001',
        VITE_STORAGE_EMULATOR: '1',
      },
      { dev: false },
    );
    expect(result.ok && result.env.emulators).toMatchObject({
      authPort: 12099,
      firestorePort: 11080,
      functionsPort: 8001,
      storage: true,
    });
  });

  it('lists every missing value for a real project at once', () => {
    const result = parseEnv({ VITE_USE_EMULATORS: 'false' }, { dev: true });
    expect(result).toEqual({
      ok: false,
      problems: [
        'VITE_FIREBASE_API_KEY is missing',
        'VITE_FIREBASE_PROJECT_ID is missing',
        'VITE_FIREBASE_AUTH_DOMAIN is missing',
      ],
    });
  });

  it('defaults to a real project in a production build', () => {
    const result = parseEnv({}, { dev: false });
    expect(result.ok).toBe(false);
  });

  it('accepts a complete production configuration', () => {
    const result = parseEnv(
      {
        VITE_FIREBASE_API_KEY: 'key',
        VITE_FIREBASE_PROJECT_ID: 'skillverse-prod',
        VITE_FIREBASE_AUTH_DOMAIN: 'skillverse-prod.firebaseapp.com',
      },
      { dev: false },
    );
    expect(result.ok && result.env.useEmulators).toBe(false);
  });

  it('leaves App Check off without a site key', () => {
    const result = parseEnv({ VITE_APPCHECK_DEBUG_TOKEN: 'token' }, { dev: true });
    expect(result.ok && result.env.appCheck).toBeNull();
  });

  it('turns App Check on with a site key, with the debug token only in the emulator', () => {
    const emulator = parseEnv(
      { VITE_USE_EMULATORS: 'true', VITE_RECAPTCHA_ENTERPRISE_SITE_KEY: ' site-key ' },
      { dev: false },
    );
    expect(emulator.ok && emulator.env.appCheck).toEqual({ siteKey: 'site-key', debugToken: true });
    const registered = parseEnv(
      { VITE_RECAPTCHA_ENTERPRISE_SITE_KEY: 'site-key', VITE_APPCHECK_DEBUG_TOKEN: 'registered-token' },
      { dev: true },
    );
    expect(registered.ok && registered.env.appCheck).toEqual({
      siteKey: 'site-key',
      debugToken: 'registered-token',
    });
    const production = parseEnv(
      {
        VITE_FIREBASE_API_KEY: 'key',
        VITE_FIREBASE_PROJECT_ID: 'skillverse-prod',
        VITE_FIREBASE_AUTH_DOMAIN: 'skillverse-prod.firebaseapp.com',
        VITE_FIREBASE_APP_ID: '1:123:web:abc',
        VITE_RECAPTCHA_ENTERPRISE_SITE_KEY: 'site-key',
        VITE_APPCHECK_DEBUG_TOKEN: 'leaked-token',
      },
      { dev: false },
    );
    expect(production.ok && production.env.appCheck).toEqual({ siteKey: 'site-key', debugToken: undefined });
  });

  it('needs the app id for App Check against a real project', () => {
    const result = parseEnv(
      {
        VITE_FIREBASE_API_KEY: 'key',
        VITE_FIREBASE_PROJECT_ID: 'skillverse-prod',
        VITE_FIREBASE_AUTH_DOMAIN: 'skillverse-prod.firebaseapp.com',
        VITE_RECAPTCHA_ENTERPRISE_SITE_KEY: 'site-key',
      },
      { dev: false },
    );
    expect(result).toEqual({ ok: false, problems: ['VITE_FIREBASE_APP_ID is missing'] });
  });

  it('treats an empty site key as not configured', () => {
    const result = parseEnv({ VITE_RECAPTCHA_ENTERPRISE_SITE_KEY: '' }, { dev: true });
    expect(result.ok && result.env.appCheck).toBeNull();
  });

  it('rejects malformed values with the variable name', () => {
    const result = parseEnv({ VITE_AUTH_EMULATOR_PORT: 'abc', VITE_USE_EMULATORS: 'yes' }, { dev: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join(' ')).toMatch(/VITE_AUTH_EMULATOR_PORT/);
    expect(result.problems.join(' ')).toMatch(/VITE_USE_EMULATORS/);
  });

  it('says what a malformed value must be', () => {
    const result = parseEnv(
      {
        VITE_STORAGE_EMULATOR: '2',
        VITE_FIRESTORE_EMULATOR_PORT: '70000',
        VITE_FUNCTIONS_EMULATOR_PORT: '80.5',
      },
      { dev: true },
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        'VITE_FIRESTORE_EMULATOR_PORT must be a port number',
        'VITE_FUNCTIONS_EMULATOR_PORT must be a port number',
        "VITE_STORAGE_EMULATOR must be '0' or '1'",
      ],
    });
  });

  it('trims values and treats blank ones as unset', () => {
    const result = parseEnv(
      { VITE_EMULATOR_HOST: ' localhost ', VITE_FUNCTIONS_REGION: '   ', VITE_AUTH_EMULATOR_PORT: ' 9100 ' },
      { dev: true },
    );
    expect(result.ok && result.env.emulators.host).toBe('localhost');
    expect(result.ok && result.env.emulators.authPort).toBe(9100);
    expect(result.ok && result.env.functionsRegion).toBe('us-central1');
  });
});

import type { FirebaseApp } from 'firebase/app';
import type { AppCheck } from 'firebase/app-check';
import type { AppCheckConfig } from '@/config/env';

declare global {
  // Read by the App Check SDK when it initialises (Firebase's documented debug hook).
  var FIREBASE_APPCHECK_DEBUG_TOKEN: string | boolean | undefined;
}

/**
 * Firebase App Check with reCAPTCHA Enterprise. Loaded with a dynamic import by `lib/firebase.ts`
 * only when a site key is configured, so the SDK (and reCAPTCHA's script) stay out of the first
 * paint. Firestore, Auth and Functions pick the App Check provider up once it registers; callables
 * wait for it (`getFunctionsLazy`), so every call carries a token when ENFORCE_APP_CHECK is on.
 *
 * In the emulator or the dev server the debug provider is used: setting the global debug token
 * before `initializeAppCheck` makes the SDK exchange that token instead of running reCAPTCHA.
 */
export async function startAppCheck(app: FirebaseApp, config: AppCheckConfig): Promise<AppCheck> {
  if (config.debugToken !== undefined) self.FIREBASE_APPCHECK_DEBUG_TOKEN = config.debugToken;
  const { initializeAppCheck, ReCaptchaEnterpriseProvider } = await import('firebase/app-check');
  return initializeAppCheck(app, {
    provider: new ReCaptchaEnterpriseProvider(config.siteKey),
    isTokenAutoRefreshEnabled: true,
  });
}

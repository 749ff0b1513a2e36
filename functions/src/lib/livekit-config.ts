// LiveKit configuration: three optional secrets (SPEC §7). Read inside handlers only.
import { defineSecret, defineString } from 'firebase-functions/params';
import { optionalSecret } from '../config/params';

export const LIVEKIT_URL = defineSecret('LIVEKIT_URL');
export const LIVEKIT_API_KEY = defineSecret('LIVEKIT_API_KEY');
export const LIVEKIT_API_SECRET = defineSecret('LIVEKIT_API_SECRET');
export const LIVEKIT_SECRETS = [LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET];

/**
 * Cloud recording (LiveKit Egress): the bucket recordings are written to (non-secret; '' = cloud
 * recording off), and optionally the JSON key of a Google service account that may write to it
 * (secret; '' = the egress service uses its own storage credentials).
 */
export const LIVEKIT_RECORDINGS_BUCKET = defineString('LIVEKIT_RECORDINGS_BUCKET', { default: '' });
export const LIVEKIT_RECORDINGS_CREDENTIALS = defineSecret('LIVEKIT_RECORDINGS_CREDENTIALS');

export interface RecordingsConfig {
  bucket: string;
  credentials: string;
}

/** The configured recordings bucket ('' where absent). Call inside handlers only. */
export function recordingsConfig(): RecordingsConfig {
  return {
    bucket: (LIVEKIT_RECORDINGS_BUCKET.value() || '').trim(),
    credentials: optionalSecret(LIVEKIT_RECORDINGS_CREDENTIALS),
  };
}

/**
 * LiveKit's own development key pair (`livekit-server --dev`). In the Functions emulator, when no
 * keys are configured, the webhook verifies signatures with these, so webhook tests and a local
 * `livekit-server --dev` work with no set-up. Never used outside the emulator.
 */
export const LOCAL_DEV_API_KEY = 'devkey';
export const LOCAL_DEV_API_SECRET = 'secret';

export interface LiveKitConfig {
  /** The server URL (wss://…) clients connect to; '' when video is not configured. */
  url: string;
  apiKey: string;
  apiSecret: string;
}

export function isEmulator(): boolean {
  return process.env.FUNCTIONS_EMULATOR === 'true';
}

/** The configured LiveKit keys ('' where absent). */
export function liveKitConfig(): LiveKitConfig {
  return {
    url: optionalSecret(LIVEKIT_URL),
    apiKey: optionalSecret(LIVEKIT_API_KEY),
    apiSecret: optionalSecret(LIVEKIT_API_SECRET),
  };
}

/** Keys for verifying webhooks: the configured pair, or the local dev pair in the emulator. */
export function webhookKeys(
  config: LiveKitConfig = liveKitConfig(),
): { apiKey: string; apiSecret: string } | null {
  if (config.apiKey && config.apiSecret) return { apiKey: config.apiKey, apiSecret: config.apiSecret };
  if (isEmulator()) return { apiKey: LOCAL_DEV_API_KEY, apiSecret: LOCAL_DEV_API_SECRET };
  return null;
}

/** Video works only with a server URL and a key pair. */
export function videoConfigured(config: LiveKitConfig): boolean {
  return Boolean(config.url && config.apiKey && config.apiSecret);
}

/** RoomServiceClient wants http(s); clients connect with ws(s). */
export function liveKitHttpUrl(url: string): string {
  return url.replace(/^ws(s?):\/\//, 'http$1://');
}

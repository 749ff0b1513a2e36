// Signed one-click unsubscribe tokens (issue 16 §12): `<payload>.<signature>`, both base64url;
// the payload names the person and the notification type whose email to turn off, the signature
// is HMAC-SHA256 over the payload with UNSUBSCRIBE_SECRET. A token is a capability for exactly
// that one change, so it does not expire; anything forged, altered or malformed verifies to null.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { isNotificationType } from '@skillverse/domain/notifications';
import type { NotificationType } from '@skillverse/domain/models';
import { optionalSecret, UNSUBSCRIBE_SECRET } from '../config/params';

export interface UnsubscribeClaim {
  uid: string;
  type: NotificationType;
}

/** The notification types whose emails carry a one-click unsubscribe (List-Unsubscribe). */
export const ONE_CLICK_UNSUBSCRIBE_TYPES: readonly NotificationType[] = ['nudge'];

const VERSION = 1;

function hmac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

export function signUnsubscribeToken(claim: UnsubscribeClaim, secret: string): string {
  if (!secret) throw new Error('signUnsubscribeToken: no secret');
  const payload = Buffer.from(JSON.stringify({ v: VERSION, u: claim.uid, t: claim.type }), 'utf8').toString(
    'base64url',
  );
  return `${payload}.${hmac(secret, payload).toString('base64url')}`;
}

/** The claim of a genuine token, or null (wrong signature, altered payload, junk). */
export function verifyUnsubscribeToken(token: unknown, secret: string): UnsubscribeClaim | null {
  if (!secret || typeof token !== 'string' || token.length > 1024) return null;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, payload, signature] = match as unknown as [string, string, string];
  const given = Buffer.from(signature, 'base64url');
  const expected = hmac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (data.v !== VERSION) return null;
    if (typeof data.u !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(data.u)) return null;
    if (!isNotificationType(data.t)) return null;
    return { uid: data.u, type: data.t };
  } catch {
    return null;
  }
}

const isEmulator = () => process.env.FUNCTIONS_EMULATOR === 'true';
const projectIdFromEnv = () => process.env.GCLOUD_PROJECT || process.env.GCP_PROJECT || 'demo-skillverse';

/** DEV ONLY: the key the emulator uses without UNSUBSCRIBE_SECRET. Anyone can compute it. */
export function devUnsubscribeSecret(projectId: string): string {
  return createHash('sha256').update(`skillverse-dev-only-unsubscribe-key:${projectId}`).digest('base64url');
}

/**
 * The key in use: the secret when set; the dev key in the emulator; otherwise '' (no one-click
 * links are sent, and the endpoint refuses).
 */
export function unsubscribeSecret(
  secretValue = optionalSecret(UNSUBSCRIBE_SECRET),
  env = { emulator: isEmulator(), projectId: projectIdFromEnv() },
): string {
  if (secretValue.trim()) return secretValue.trim();
  return env.emulator ? devUnsubscribeSecret(env.projectId) : '';
}

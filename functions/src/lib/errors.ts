// Callable guards: precise HttpsError codes with messages a person can act on.
import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';

export interface Caller {
  uid: string;
  token: Record<string, unknown>;
}

export function requireAuth(request: Pick<CallableRequest, 'auth'>): Caller {
  if (!request.auth) throw new HttpsError('unauthenticated', 'Sign in to do this.');
  return { uid: request.auth.uid, token: request.auth.token as Record<string, unknown> };
}

export function requireAdmin(request: Pick<CallableRequest, 'auth'>): Caller {
  const caller = requireAuth(request);
  if (caller.token.admin !== true) throw new HttpsError('permission-denied', 'Only admins can do this.');
  return caller;
}

export function isEducator(caller: Caller): boolean {
  return caller.token.educator === true;
}

export function notFound(what: string): HttpsError {
  return new HttpsError('not-found', `${what} was not found.`);
}

export function failedPrecondition(message: string): HttpsError {
  return new HttpsError('failed-precondition', message);
}

/**
 * Buying, requesting exchanges and counting as a referral need a verified email (seed §4.1): the
 * ID token's `email_verified`, which only the Auth service sets.
 */
export function requireVerifiedEmail(caller: Caller, action: string): void {
  if (caller.token.email_verified !== true) {
    throw failedPrecondition(
      `Verify your email address before you ${action}: open the link we sent you, then choose “I’ve verified — refresh”.`,
    );
  }
}

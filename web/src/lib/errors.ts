/**
 * Friendly messages for Firebase errors (Auth, Firestore, Functions), by error code. Anything
 * unknown gets a generic message; the original stays in the console for developers.
 */
const MESSAGES: Record<string, string> = {
  // Auth
  'auth/invalid-credential': 'Incorrect email or password. Check them and try again.',
  'auth/invalid-login-credentials': 'Incorrect email or password. Check them and try again.',
  'auth/wrong-password': 'Incorrect email or password. Check them and try again.',
  'auth/user-not-found': 'Incorrect email or password. Check them and try again.',
  'auth/email-already-in-use':
    'An account with this email already exists. Sign in instead, or reset your password.',
  'auth/weak-password': 'That password is too weak. Use at least 8 characters, mixing letters and numbers.',
  'auth/invalid-email': 'That doesn’t look like a valid email address.',
  'auth/missing-email': 'Enter your email address.',
  'auth/missing-password': 'Enter your password.',
  'auth/too-many-requests':
    'Too many attempts in a short time. Wait a few minutes and try again, or reset your password.',
  'auth/user-disabled': 'This account has been disabled. Contact support if you think this is a mistake.',
  'auth/network-request-failed': 'We couldn’t reach the server. Check your connection and try again.',
  'auth/popup-closed-by-user': 'The Google sign-in window was closed before you finished.',
  'auth/cancelled-popup-request': 'The Google sign-in window was closed before you finished.',
  'auth/popup-blocked':
    'Your browser blocked the Google sign-in window. Allow pop-ups for this site and try again.',
  'auth/account-exists-with-different-credential':
    'An account with this email already exists with a different sign-in method. Sign in with email and password.',
  'auth/internal-error': 'Sign-in couldn’t start. Check your connection and try again.',
  'auth/operation-not-allowed': 'This sign-in method is not enabled for SkillVerse.',
  'auth/requires-recent-login': 'For your security, sign in again and then retry.',
  // Firestore / Functions
  'permission-denied': 'You don’t have permission to do that.',
  unauthenticated: 'Please sign in again.',
  'not-found': 'We couldn’t find what you were looking for.',
  unavailable: 'We couldn’t reach the server. Check your connection and try again.',
  'deadline-exceeded': 'The server took too long to answer. Try again.',
  'resource-exhausted': 'Too many requests right now. Wait a moment and try again.',
  // A callable that lost on contention even after the automatic retries (lib/call-retry.ts).
  aborted: 'Busy right now — nothing was changed. Please try again in a moment.',
  'failed-precondition': 'That can’t be done right now.',
};

export const GENERIC_ERROR = 'Something went wrong. Please try again.';

export const SUSPENDED_ERROR =
  'Your account is suspended, so it can’t make changes. Check your notifications or contact support to find out more.';
export const BANNED_ERROR = 'Your account is banned, so it can’t make changes.';

/**
 * The signed-in account's status, kept current by the AuthProvider. The rules deny every write
 * of a suspended or banned account with a bare `permission-denied`; with this, friendlyError says
 * why instead of a generic "no permission".
 */
let currentAccountStatus: string | null = null;

export function setAccountStatusForErrors(status: string | null): void {
  currentAccountStatus = status;
}

function accountStatusMessage(error: unknown): string | undefined {
  // Callables say it themselves ("Your account is suspended; it cannot make changes.").
  const message = error instanceof Error ? error.message : '';
  const status =
    /your account is (suspended|banned)/i.exec(message)?.[1]?.toLowerCase() ?? currentAccountStatus;
  if (status === 'suspended') return SUSPENDED_ERROR;
  if (status === 'banned') return BANNED_ERROR;
  return undefined;
}

export function errorCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    // Functions errors are "functions/permission-denied"; Firestore errors are bare codes.
    return error.code.replace(/^(functions|firestore)\//, '');
  }
  return undefined;
}

export function friendlyError(error: unknown, fallback = GENERIC_ERROR): string {
  const code = errorCode(error);
  if (code === 'permission-denied') {
    const blocked = accountStatusMessage(error);
    if (blocked) return blocked;
  }
  if (code && MESSAGES[code]) return MESSAGES[code];
  // Callables throw HttpsError with a message meant for people.
  if (code === 'invalid-argument' && error instanceof Error && error.message) return error.message;
  return fallback;
}

// Pure helpers for the account section of /settings.

/** The downloaded export's file name: skillverse-data-2026-12-07.json. */
export function exportFileName(at: Date): string {
  return `skillverse-data-${at.toISOString().slice(0, 10)}.json`;
}

export const MIN_PASSWORD_LENGTH = 8;

/** What is wrong with a new password (or null): length, and it must differ from the current one. */
export function newPasswordProblem(current: string, next: string, confirm: string): string | null {
  if (next.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (next === current) return 'Choose a password different from your current one.';
  if (next !== confirm) return 'The two new passwords don’t match.';
  return null;
}

/** What is wrong with a new email address (or null). */
export function newEmailProblem(current: string | null, next: string): string | null {
  const email = next.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return 'That doesn’t look like a valid email address.';
  if (current && email.toLowerCase() === current.toLowerCase()) return 'That is already your email address.';
  return null;
}

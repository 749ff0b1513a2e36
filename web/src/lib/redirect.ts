/**
 * Sanitises a `?redirect=` value: only a same-origin relative path ("/dashboard?tab=1#x") is kept,
 * anything else (absolute URLs, protocol-relative "//evil", backslashes, "javascript:") becomes
 * `fallback`. Auth pages are not valid targets either, to avoid loops.
 */
export function safeRedirect(value: string | null | undefined, fallback = '/dashboard'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//')) return fallback;
  // Backslashes and control characters are normalised by browsers into surprising URLs.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, 'https://skillverse.invalid');
  } catch {
    return fallback;
  }
  if (url.origin !== 'https://skillverse.invalid') return fallback;
  if (['/sign-in', '/sign-up', '/forgot-password'].includes(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The path + search of the current location, to come back to after signing in. */
export function currentTarget(location: { pathname: string; search: string; hash?: string }): string {
  return `${location.pathname}${location.search}${location.hash ?? ''}`;
}

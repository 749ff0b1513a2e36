import { describe, expect, it } from 'vitest';
import { currentTarget, safeRedirect } from './redirect';

describe('safeRedirect', () => {
  it('keeps a same-origin path with its query and hash', () => {
    expect(safeRedirect('/settings?tab=notifications#email')).toBe('/settings?tab=notifications#email');
    expect(safeRedirect('/u/abc123')).toBe('/u/abc123');
  });

  it('falls back to the dashboard when there is no redirect', () => {
    expect(safeRedirect(null)).toBe('/dashboard');
    expect(safeRedirect(undefined)).toBe('/dashboard');
    expect(safeRedirect('')).toBe('/dashboard');
  });

  it('rejects absolute and protocol-relative URLs to other sites', () => {
    expect(safeRedirect('https://evil.example/phish')).toBe('/dashboard');
    expect(safeRedirect('//evil.example/phish')).toBe('/dashboard');
    expect(safeRedirect('http:/evil.example')).toBe('/dashboard');
  });

  it('rejects script URLs and paths that browsers rewrite into other hosts', () => {
    expect(safeRedirect('javascript:alert(1)')).toBe('/dashboard');
    expect(safeRedirect('/\\evil.example')).toBe('/dashboard');
    expect(safeRedirect('/\tevil')).toBe('/dashboard');
    expect(safeRedirect('relative/path')).toBe('/dashboard');
  });

  it('does not send people back to the sign-in pages (no loops)', () => {
    expect(safeRedirect('/sign-in?redirect=/dashboard')).toBe('/dashboard');
    expect(safeRedirect('/sign-up')).toBe('/dashboard');
  });

  it('normalises dot segments and uses the given fallback', () => {
    expect(safeRedirect('/a/../settings')).toBe('/settings');
    expect(safeRedirect('https://x.example', '/')).toBe('/');
  });

  it('builds the target from a location', () => {
    expect(currentTarget({ pathname: '/settings', search: '?a=1', hash: '' })).toBe('/settings?a=1');
  });
});

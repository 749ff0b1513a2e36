import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './emulators.mjs';
import {
  escapeHtml,
  HERO_HTML,
  homeHeadTags,
  isPrerendered,
  prerenderHome,
  writeHomeFiles,
} from './prerender-home.mjs';

const shell = readFileSync(join(ROOT, 'web', 'index.html'), 'utf8');
const rootOf = (html: string) => html.slice(html.indexOf('<div id="root"'), html.indexOf('<noscript>'));
const scripts = (html: string) => html.match(/<script\b[^>]*>/g) ?? [];

describe('prerenderHome', () => {
  it('puts the hero inside #root, marked data-prerendered, and keeps the rest of the shell', () => {
    const html = prerenderHome(shell);
    expect(rootOf(html)).toContain('<div id="root" data-prerendered="home">');
    expect(rootOf(html)).toContain(HERO_HTML);
    expect(rootOf(html)).toMatch(
      /<h1 [^>]*>Learn from people\. <span[^>]*>Teach what you know\.<\/span><\/h1>/,
    );
    expect(rootOf(html)).toContain('href="/sign-up"');
    expect(rootOf(html)).toContain('<main id="main-content"');
    expect(rootOf(html)).not.toContain('Loading SkillVerse');
    // Same scripts as the shell (the CSP allows no inline script), one description, one title.
    expect(scripts(html)).toEqual(scripts(shell));
    expect(html.match(/<meta name="description"/g)).toHaveLength(1);
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain('<title>SkillVerse</title>');
    expect(html.slice(html.indexOf('<noscript>'))).toBe(shell.slice(shell.indexOf('<noscript>')));
  });

  it('carries the share tags (OpenGraph, Twitter card) in <head>', () => {
    const head = prerenderHome(shell).split('</head>')[0];
    for (const tag of [
      'property="og:site_name" content="SkillVerse"',
      'property="og:type" content="website"',
      'property="og:title"',
      'property="og:description"',
      'name="twitter:card" content="summary"',
      'name="twitter:title"',
      'name="twitter:description"',
    ]) {
      expect(head).toContain(tag);
    }
    // No absolute URL is known without an APP_URL: no canonical, no og:url.
    expect(head).not.toContain('og:url');
    const withUrl = prerenderHome(shell, { appUrl: 'https://skillverse.example/' });
    expect(withUrl).toContain('<meta property="og:url" content="https://skillverse.example/" />');
    expect(withUrl).toContain('<link rel="canonical" href="https://skillverse.example/" />');
  });

  it('escapes what it writes into attributes, and ignores an app URL that is not http(s)', () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    const tags = homeHeadTags({ appUrl: 'https://evil.example/"><script>alert(1)</script>' });
    expect(tags).not.toContain('<script');
    expect(tags).toContain('&quot;&gt;&lt;script&gt;');
    expect(homeHeadTags({ appUrl: 'javascript:alert(1)' })).not.toContain('og:url');
    // A replacement pattern in the shell's title cannot leak into the output.
    const odd = shell.replace('<title>SkillVerse</title>', "<title>$& $' $`</title>");
    expect(prerenderHome(odd)).toContain('<title>SkillVerse</title>');
  });

  it('leaves the shell itself bare (the app.html the fallback serves)', () => {
    const before = shell.slice();
    prerenderHome(shell);
    expect(shell).toBe(before);
    expect(isPrerendered(shell)).toBe(false);
    expect(shell).not.toContain('Learn from people');
    expect(shell).toContain('Loading SkillVerse');
  });

  it('is idempotent: a page already prerendered comes back unchanged', () => {
    const once = prerenderHome(shell);
    expect(isPrerendered(once)).toBe(true);
    expect(prerenderHome(once)).toBe(once);
  });

  it('refuses a shell without a #root to fill', () => {
    expect(() => prerenderHome('<html><head></head><body></body></html>')).toThrow(/#root|root/);
  });
});

describe('writeHomeFiles (the post-build step)', () => {
  it('writes app.html as the bare shell and index.html as the home page, the same on a rerun', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prerender-home-'));
    try {
      writeFileSync(join(dir, 'index.html'), shell);
      writeHomeFiles(dir);
      const app = readFileSync(join(dir, 'app.html'), 'utf8');
      const index = readFileSync(join(dir, 'index.html'), 'utf8');
      expect(app).toBe(shell);
      expect(index).toBe(prerenderHome(shell));
      writeHomeFiles(dir);
      expect(readFileSync(join(dir, 'app.html'), 'utf8')).toBe(app);
      expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe(index);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails rather than keep a prerendered page as the shell', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prerender-home-'));
    try {
      writeFileSync(join(dir, 'index.html'), prerenderHome(shell));
      expect(() => writeHomeFiles(dir)).toThrow(/no bare app shell/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

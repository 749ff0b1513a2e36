// Security and cache headers as Firebase Hosting serves them: the production build (the one the other
// journeys use) through the Hosting emulator, which applies firebase.json's `hosting.headers`
// (scripts/test.mjs starts it for the e2e suite; the generated emulator config points it at this
// stack's build). Then `/` and `/courses` load in Chromium under the served CSP with no violation.
//
// The CSP served here is firebase.json's production policy plus this stack's emulator origins
// (http://127.0.0.1:<port>) in connect-src, frame-src, img-src and media-src — added only in the
// generated emulator config (scripts/lib/hosting-headers.mjs), never in firebase.json — so the app can
// reach the emulators; the first test pins that this is the only difference. Any violation at all,
// emulator connection or not, fails the browser test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTS, ROOT } from '../scripts/lib/emulators.mjs';
import { emulatorCspSources, parseCsp, withEmulatorSources } from '../scripts/lib/hosting-headers.mjs';
import { launchBrowser, newPage } from './support/browser';

interface HeaderRule {
  source: string;
  headers: { key: string; value: string }[];
}

const offset = Number(process.env.SV_PORT_OFFSET || 0);
const hostingPort = Number(process.env.SV_HOSTING_PORT || PORTS.hosting + offset);
const base = `http://127.0.0.1:${hostingPort}`;
const ports = Object.fromEntries(
  Object.entries(PORTS).map(([name, port]) => [name, port + offset]),
) as Record<keyof typeof PORTS, number>;

const config = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8')) as {
  hosting: { headers: HeaderRule[] };
};
const productionCsp = config.hosting.headers
  .flatMap((rule) => rule.headers)
  .find((h) => h.key === 'Content-Security-Policy')?.value;

async function get(path: string): Promise<Response> {
  const res = await fetch(`${base}${path}`);
  expect(res.status, `${path} status`).toBe(200);
  return res;
}

function directive(csp: string, name: string): string[] | undefined {
  return parseCsp(csp).find(([n]) => n === name)?.[1];
}

describe('security headers from the Hosting emulator', () => {
  let indexHtml = '';
  let assetPath = '';

  beforeAll(async () => {
    const res = await fetch(`${base}/`).catch((error: unknown) => {
      throw new Error(
        `the Hosting emulator does not answer on ${base} (scripts/test.mjs starts it with the e2e suite): ${String(error)}`,
      );
    });
    indexHtml = await res.text();
    assetPath = /<script[^>]*\ssrc="(\/assets\/[^"]+\.js)"/.exec(indexHtml)?.[1] ?? '';
  });

  it('serves firebase.json’s CSP, differing only by this stack’s emulator origins', async () => {
    expect(productionCsp).toBeTruthy();
    const csp = productionCsp ?? '';
    expect(csp).not.toContain('127.0.0.1');
    const served = (await get('/')).headers.get('content-security-policy');
    expect(served).toBe(withEmulatorSources(csp, emulatorCspSources({ ports })));
  });

  it('has a strict production CSP', () => {
    const csp = productionCsp ?? '';
    const scripts = directive(csp, 'script-src') ?? [];
    expect(scripts).toContain("'self'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts.some((s) => s === '*' || s === 'https:' || s === 'http:')).toBe(false);
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    expect(directive(csp, 'base-uri')).toEqual(["'none'"]);
    expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(csp, 'default-src')).toEqual(["'self'"]);
    const connect = directive(csp, 'connect-src') ?? [];
    expect(connect.some((s) => s === '*' || s === 'https:' || s === 'wss:')).toBe(false);
    for (const host of [
      'https://identitytoolkit.googleapis.com',
      'https://securetoken.googleapis.com',
      'https://firestore.googleapis.com',
      'https://firebasestorage.googleapis.com',
      'https://content-firebaseappcheck.googleapis.com',
      'https://*.cloudfunctions.net',
      'https://api.stripe.com',
      'https://*.livekit.cloud',
      'wss://*.livekit.cloud',
    ]) {
      expect(connect).toContain(host);
    }
    const frames = directive(csp, 'frame-src') ?? [];
    expect(frames).toEqual(
      expect.arrayContaining(['https://www.youtube-nocookie.com', 'https://player.vimeo.com']),
    );
    expect(frames).not.toContain('https://www.youtube.com');
  });

  it.each(['/', '/courses', '/live/x'])('sets the transport and content headers on %s', async (path) => {
    const h = (await get(path)).headers;
    expect(h.get('strict-transport-security')).toMatch(/^max-age=\d{8,}; includeSubDomains/);
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(h.get('x-frame-options')).toBe('DENY');
    expect(h.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // /courses is rendered by publicPage and cached by the CDN for a few minutes (docs/rendering.md).
    expect(h.get('cache-control')).toBe(
      path === '/courses' ? 'public, max-age=60, s-maxage=600' : 'no-cache',
    );
  });

  it('serves hashed assets with a long immutable cache and the same headers', async () => {
    expect(assetPath).toMatch(/^\/assets\/.+-[\w-]{8}\.js$/);
    const h = (await get(assetPath)).headers;
    expect(h.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(h.get('content-type')).toMatch(/javascript/);
    expect(h.get('x-content-type-options')).toBe('nosniff');
  });

  it('allows camera, microphone and screen capture in the live room only', async () => {
    const outside = (await get('/courses')).headers.get('permissions-policy') ?? '';
    const room = (await get('/live/x')).headers.get('permissions-policy') ?? '';
    for (const feature of ['camera', 'microphone', 'display-capture']) {
      expect(outside).toContain(`${feature}=()`);
      expect(room).toContain(`${feature}=(self)`);
    }
    expect((await get('/')).headers.get('permissions-policy')).toBe(outside);
    expect((await get('/live-sessions')).headers.get('permissions-policy')).toBe(outside);
  });

  it('has no inline script in the production index.html', () => {
    const scripts = [...indexHtml.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\ssrc="/);
      expect(body?.trim()).toBe('');
    }
    expect(indexHtml).not.toMatch(/\son[a-z]+=/i);
  });
});

describe('the app under the served CSP (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['/', '/courses'])('loads %s with no CSP violation and no header warning', async (path) => {
    const { context, page, errors } = await newPage(browser);
    const console: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') console.push(msg.text());
    });
    // Recorded from the first script on, before the app's own code runs.
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__csp.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
        );
      });
    });
    await page.goto(`${base}${path}`);
    await page.locator('h1').first().waitFor({ timeout: 30_000 });
    // Let the first Firestore reads, lazy chunks and images go out (a listener never goes idle).
    await page.waitForTimeout(1500);
    const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(violations).toEqual([]);
    expect(
      console.filter((m) => /Content Security Policy|Permissions-Policy|Permissions Policy/i.test(m)),
    ).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

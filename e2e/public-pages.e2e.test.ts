// Journey (issue 17 item 1): the public pages arrive as HTML that already holds their content.
// A crawler or a phone with JavaScript off gets the seeded course's title, price and curriculum, and
// its share preview (OpenGraph, Twitter, schema.org/Course) from the Hosting emulator → publicPage;
// with JavaScript the app takes over the painted page without a loading flash, a layout shift or a
// console error, and stays interactive (sign in to enrol, navigate). Phone and desktop screenshots.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTS } from '../scripts/lib/emulators.mjs';
import { adminSdk } from './support/admin-sdk';
import { launchBrowser, newPage, screenshot } from './support/browser';

// The Hosting emulator (its rewrites reach publicPage on the Functions emulator), not `vite preview`.
const offset = Number(process.env.SV_PORT_OFFSET || 0);
const hosting = `http://127.0.0.1:${Number(process.env.SV_HOSTING_PORT || PORTS.hosting + offset)}`;
const webUrl = (path: string) => new URL(path, hosting).toString();

const COURSE = 'c-react-fundamentals';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const meta = (html: string, attr: 'property' | 'name', key: string) =>
  new RegExp(`<meta ${attr}="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`).exec(html)?.[1];

describe('public pages paint before the JavaScript', () => {
  it('serves the course page with its content and share preview in the HTML', async () => {
    const res = await fetch(webUrl(`/courses/${COURSE}`), { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/public, .*s-maxage=\d+/);
    const html = await res.text();
    const root = html.slice(html.indexOf('<div id="root"'));
    expect(root).toContain('data-prerendered="course"');
    expect(root).toMatch(/<h1[^>]*>React Fundamentals<\/h1>/);
    expect(root).toContain('$49.00');
    expect(root).toContain('Course outline');
    expect(root).toContain('Getting started');
    expect(html).toContain('<title>React Fundamentals · SkillVerse</title>');
    expect(meta(html, 'property', 'og:title')).toBe('React Fundamentals');
    expect(meta(html, 'property', 'og:url')).toBe(webUrl(`/courses/${COURSE}`));
    expect(meta(html, 'name', 'twitter:card')).toMatch(/^summary/);
    const ld = JSON.parse(
      /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}',
    );
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Course',
      name: 'React Fundamentals',
      offers: { price: '49.00', priceCurrency: 'USD' },
    });

    // The catalogue's header, filters bar and first page of cards are in the HTML too (a filtered
    // URL gets the header and the filters, its results come with the app); a profile and a
    // certificate carry their previews.
    const catalog = await (await fetch(webUrl('/courses'))).text();
    expect(catalog).toMatch(/<h1[^>]*>Courses<\/h1>/);
    expect(catalog).toContain('data-prerendered="catalog"');
    expect(catalog).toMatch(new RegExp(`<article[^>]*>.*?href="/courses/${COURSE}"`));
    expect(catalog).toContain('placeholder="Search by title, topic or instructor"');
    const filtered = await (await fetch(webUrl('/courses?q=react&level=beginner'))).text();
    expect(filtered).toMatch(/<h1[^>]*>Courses<\/h1>/);
    expect(filtered).toContain('value="react"');
    expect(filtered).not.toContain('<article');
    const profile = await (await fetch(webUrl('/u/demo-learner'))).text();
    expect(meta(profile, 'property', 'og:type')).toBe('profile');
    expect(meta(profile, 'property', 'og:title')).toMatch(/ on SkillVerse$/);
    const cert = (await adminSdk().db.collection('certificates').limit(1).get()).docs[0];
    if (cert) {
      const verify = await (await fetch(webUrl(`/certificates/${cert.id}/verify`))).text();
      expect(meta(verify, 'property', 'og:url')).toBe(webUrl(`/certificates/${cert.id}/verify`));
      expect(meta(verify, 'property', 'og:title')).toMatch(/certificate/i);
    }
    // An unknown course gets the plain app shell (the app shows "Course not found").
    const unknown = await (await fetch(webUrl('/courses/no-such-course'))).text();
    expect(unknown).not.toContain('data-prerendered');
  });

  for (const [label, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1280, height: 860 }],
  ] as const) {
    it(`shows the course with JavaScript off (${label})`, async () => {
      const context = await browser.newContext({ viewport, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(webUrl(`/courses/${COURSE}`));
      await page.getByRole('heading', { level: 1, name: 'React Fundamentals' }).waitFor();
      await expect.poll(() => page.getByText('$49.00').isVisible()).toBe(true);
      await screenshot(page, `public-pages-01-course-no-js-${label}`);
      await context.close();
    });
  }

  /**
   * Records, from the first byte, whether the page's heading (or the first element matching
   * `selector` with that text) ever left the page, and the layout shift.
   */
  async function watchPaint(page: Page, heading = 'React Fundamentals', selector = 'h1') {
    await page.addInitScript(
      ([text, sel]: [string, string]) => {
        const w = window as unknown as { __cls: number; __lost: number; __seen: boolean };
        w.__cls = 0;
        w.__lost = 0;
        w.__seen = false;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[]) {
            if (!e.hadRecentInput) w.__cls += e.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        new MutationObserver(() => {
          const has = Array.from(document.querySelectorAll(sel)).some((h) => h.textContent === text);
          if (has) w.__seen = true;
          else if (w.__seen) w.__lost += 1;
        }).observe(document, { childList: true, subtree: true, characterData: true });
      },
      [heading, selector] as [string, string],
    );
  }

  const paintFigures = (page: Page) =>
    page.evaluate(() => {
      const w = window as unknown as { __cls: number; __lost: number; __seen: boolean };
      return { cls: w.__cls, lost: w.__lost, seen: w.__seen };
    });

  it('hands over to the app without a flash, a shift or a console error, and stays interactive', async () => {
    const { page, errors, context } = await newPage(browser, { width: 390, height: 844 });
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await watchPaint(page);
    await page.goto(webUrl(`/courses/${COURSE}`));
    // The app has taken over once its own enrol panel shows (the prerendered page has no buttons).
    const enrol = page.getByRole('link', { name: 'Sign in to enrol' });
    await page.waitForFunction(() => !document.querySelector('#root[data-prerendered]'), null, {
      timeout: 30_000,
    });
    await enrol.waitFor({ timeout: 30_000 });
    const figures = await paintFigures(page);
    expect(figures.seen).toBe(true);
    expect(figures.lost).toBe(0);
    expect(figures.cls).toBeLessThanOrEqual(0.1);
    await screenshot(page, 'public-pages-02-course-app-phone');

    // Interactive: the enrol link goes to sign-in (client side), and back to the catalogue.
    await enrol.click();
    await page.waitForURL((url) => url.pathname === '/sign-in', { timeout: 30_000 });
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'React Fundamentals' }).waitFor();
    expect(errors).toEqual([]);
    expect(consoleErrors.filter((m) => /hydrat|Minified React error|#418|#423|#425/i.test(m))).toEqual([]);
    await context.close();
  });

  // The catalogue: its first page arrives as the same cards the app renders (render.ts; the web
  // unit test catalog-page.test.tsx keeps the two markups equal).
  for (const [label, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1280, height: 860 }],
  ] as const) {
    it(`shows the catalogue's cards with JavaScript off, linking to the course pages (${label})`, async () => {
      const context = await browser.newContext({ viewport, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(webUrl('/courses'));
      await page.getByRole('heading', { level: 1, name: 'Courses' }).waitFor();
      const card = page.locator('article').filter({ hasText: 'React Fundamentals' });
      await expect.poll(() => card.isVisible()).toBe(true);
      expect(await page.locator('article').count()).toBeGreaterThan(1);
      // The card's image area keeps its 16:9 box, image or not.
      const box = await card.locator('.aspect-video').boundingBox();
      expect(box && Math.abs(box.width / box.height - 16 / 9)).toBeLessThan(0.05);
      await screenshot(page, `public-pages-05-catalog-no-js-${label}`);
      const link = card.getByRole('link', { name: 'React Fundamentals' });
      expect(await link.getAttribute('href')).toBe(`/courses/${COURSE}`);
      await link.click();
      await page.waitForURL((url) => url.pathname === `/courses/${COURSE}`);
      await page.getByRole('heading', { level: 1, name: 'React Fundamentals' }).waitFor();
      await context.close();
    });

    it(`hands the catalogue over to the app with its cards in place (${label})`, async () => {
      const { page, errors, context } = await newPage(browser, viewport);
      const consoleErrors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      await watchPaint(page, 'React Fundamentals', 'article h3 a');
      await page.goto(webUrl('/courses'));
      await page.waitForFunction(() => !document.querySelector('#root[data-prerendered]'), null, {
        timeout: 30_000,
      });
      // The app's header (the server's placeholder has no "Sign in") shows React has rendered.
      await page
        .getByRole('banner')
        .getByRole('link', { name: 'Sign in' })
        .first()
        .waitFor({ timeout: 30_000 });
      const figures = await paintFigures(page);
      expect(figures.seen).toBe(true);
      expect(figures.lost).toBe(0);
      expect(figures.cls).toBeLessThanOrEqual(0.1);
      await screenshot(page, `public-pages-06-catalog-app-${label}`);
      // The app's card links navigate client side.
      await page.locator('article').getByRole('link', { name: 'React Fundamentals' }).click();
      await page.waitForURL((url) => url.pathname === `/courses/${COURSE}`, { timeout: 30_000 });
      await page.getByRole('heading', { level: 1, name: 'React Fundamentals' }).waitFor({ timeout: 30_000 });
      expect(errors).toEqual([]);
      expect(consoleErrors.filter((m) => /hydrat|Minified React error|#418|#423|#425/i.test(m))).toEqual([]);
      await context.close();
    });
  }

  // The home page is prerendered at build (scripts/lib/prerender-home.mjs): index.html holds the hero
  // and the share tags; every other path falls back to the bare shell (app.html), never the hero.
  const HERO = 'Learn from people. Teach what you know.';

  it('serves / with its hero and share preview in the HTML, and deep links without it', async () => {
    const res = await fetch(webUrl('/'), { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    const root = html.slice(html.indexOf('<div id="root"'));
    expect(root).toContain('data-prerendered="home"');
    expect(root).toMatch(/<h1[^>]*>Learn from people\. <span[^>]*>Teach what you know\.<\/span><\/h1>/);
    expect(root).toContain('href="/sign-up"');
    expect(html).toContain('<title>SkillVerse</title>');
    expect(meta(html, 'property', 'og:type')).toBe('website');
    expect(meta(html, 'property', 'og:title')).toMatch(/SkillVerse/);
    expect(meta(html, 'property', 'og:description')).toMatch(/courses/);
    expect(meta(html, 'name', 'twitter:card')).toBe('summary');
    expect(meta(html, 'name', 'description')).toMatch(/courses/);

    // Deep links, on the Hosting emulator (firebase.json's ** → /app.html) and on vite preview (the
    // other journeys' server), and publicPage's shell for an unknown course: the bare app shell.
    const preview = process.env.SV_WEB_URL;
    expect(preview).toBeTruthy();
    for (const url of [
      webUrl('/dashboard'),
      webUrl('/leaderboard'),
      webUrl('/courses/no-such-course'),
      new URL('/dashboard', preview).toString(),
      new URL('/leaderboard', preview).toString(),
    ]) {
      const deep = await (await fetch(url, { headers: { accept: 'text/html' } })).text();
      expect(deep, url).toContain('<div id="root">');
      expect(deep, url).not.toContain('Learn from people');
      expect(deep, url).not.toContain('data-prerendered');
    }
    const previewHome = await (await fetch(preview as string, { headers: { accept: 'text/html' } })).text();
    expect(previewHome).toContain('data-prerendered="home"');
  });

  it('shows the home page hero with JavaScript off', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(webUrl('/'));
    await page.getByRole('heading', { level: 1, name: HERO }).waitFor();
    await expect
      .poll(() => page.getByRole('link', { name: 'Get started — it’s free' }).isVisible())
      .toBe(true);
    await screenshot(page, 'public-pages-03-home-no-js-phone');
    await context.close();
  });

  for (const [label, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1280, height: 860 }],
  ] as const) {
    it(`hands / over to the app without a flash, a shift or a console error (${label})`, async () => {
      const { page, errors, context } = await newPage(browser, viewport);
      const consoleErrors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      await watchPaint(page, HERO);
      await page.goto(webUrl('/'));
      await page.waitForFunction(() => !document.querySelector('#root[data-prerendered]'), null, {
        timeout: 30_000,
      });
      // The app's own page is there: the sections below the hero are React's.
      await page.getByRole('heading', { level: 2, name: 'Three ways to grow' }).waitFor({ timeout: 30_000 });
      const figures = await paintFigures(page);
      expect(figures.seen).toBe(true);
      expect(figures.lost).toBe(0);
      expect(figures.cls).toBeLessThanOrEqual(0.1);
      await screenshot(page, `public-pages-04-home-app-${label}`);
      const popular = page.getByRole('region', { name: 'Popular right now' });
      if (label === 'phone') {
        // Below the fold on a phone, the course rows read nothing until the visitor scrolls to them.
        await page.waitForTimeout(1_000);
        expect(await popular.getByRole('link', { name: /^(?!See all)/ }).count()).toBe(0);
      }
      await popular.scrollIntoViewIfNeeded();
      await popular.locator('ul > li').getByRole('link').first().waitFor({ timeout: 30_000 });
      await page.evaluate(() => window.scrollTo(0, 0));
      // Still interactive: the call to action goes to sign-up, client side.
      await page.getByRole('link', { name: 'Get started — it’s free' }).click();
      await page.waitForURL((url) => url.pathname === '/sign-up', { timeout: 30_000 });
      expect(errors).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  }

  it('does not paint the landing hero on a deep link (signed out /dashboard → sign-in)', async () => {
    const { page, errors, context } = await newPage(browser, { width: 390, height: 844 });
    await watchPaint(page, HERO);
    await page.goto(webUrl('/dashboard'));
    await page.waitForURL((url) => url.pathname === '/sign-in', { timeout: 30_000 });
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
    expect((await paintFigures(page)).seen).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});

// Journey: the keyboard alone. The demo learner signs in, goes to the catalogue, searches, opens a
// free course, enrols, opens the first lecture and marks it complete with Tab, Shift+Tab, Enter and
// typing only, and every control that takes focus on the way shows a visible focus indicator.
// Then reduced motion: with `prefers-reduced-motion: reduce` nothing animates or transitions.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LEARNER } from '../scripts/seed/demo-accounts';
import { creditObservedWatching } from './support/admin-sdk';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, webUrl } from './support/browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Free, and neither the demo learner's seeded enrolments nor another journey touch it.
const COURSE = { id: 'c-web-accessibility', title: 'Web Accessibility Basics' };

interface Focused {
  tag: string;
  label: string;
  /** An outline or a box-shadow ring drawn around the element. */
  visible: boolean;
}

/** What has focus, and whether it shows a focus indicator (outline or box-shadow ring). */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== 'none' && style.boxShadow !== '';
    const label = (
      el.getAttribute('aria-label') ??
      (el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? el.name) : el.textContent) ??
      ''
    )
      .replace(/\s+/g, ' ')
      .trim();
    // The browser must treat it as keyboard focus, and the style must draw something.
    return {
      tag: el.tagName.toLowerCase(),
      label,
      visible: el.matches(':focus-visible') && (outline || ring),
    };
  });
}

/**
 * Presses Tab until the element `isTarget` picks has focus (at most `max` presses), checking that
 * every element focus lands on shows a visible indicator. Returns the labels passed on the way.
 */
async function tabTo(page: Page, isTarget: (f: Focused) => boolean, max = 80): Promise<string[]> {
  const visited: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) continue;
    visited.push(`${f.tag} "${f.label.slice(0, 40)}"`);
    expect(f.visible, `no visible focus on ${f.tag} "${f.label}"`).toBe(true);
    if (isTarget(f)) return visited;
  }
  throw new Error(`never reached the target after ${max} Tabs; focus went through: ${visited.join(' → ')}`);
}

/**
 * After a client-side navigation the app moves focus to the new page's heading (or to the main
 * region) within about a second; wait for that, so the next Tab starts from there and is not
 * overtaken by it. When the page replaces its heading after loading (skeleton → loaded), the new
 * heading gets the focus back.
 */
async function routeFocusSettled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const active = document.activeElement;
        return active?.tagName === 'H1' || active?.id === 'main-content';
      },
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  await page.waitForTimeout(300);
}

const named =
  (tag: string, name: string | RegExp) =>
  (f: Focused): boolean =>
    f.tag === tag && (typeof name === 'string' ? f.label === name : name.test(f.label));

describe('keyboard only', () => {
  it('signs in, searches the catalogue, enrols and completes a lecture without a pointer, focus always visible', async () => {
    const { context, page, errors } = await newPage(browser);

    // The skip link is the first stop and jumps past the header.
    await page.goto(webUrl('/'));
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ tag: 'a', label: 'Skip to content', visible: true });
    await screenshot(page, 'keyboard-01-skip-link');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main-content');

    // Sign in: Tab to the fields, type, Enter submits.
    await page.goto(webUrl('/sign-in'));
    await page.getByLabel('Email').waitFor({ timeout: 20_000 });
    await tabTo(page, (f) => f.tag === 'input' && /email/i.test(f.label));
    await page.keyboard.type(DEMO_LEARNER.email);
    await tabTo(page, (f) => f.tag === 'input' && /password/i.test(f.label), 3);
    await page.keyboard.type(DEMO_LEARNER.password);
    await screenshot(page, 'keyboard-02-sign-in');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/dashboard/, { timeout: 30_000 });

    // To the catalogue through the navigation.
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 20_000 });
    await routeFocusSettled(page);
    await tabTo(page, named('a', 'Courses'));
    await screenshot(page, 'keyboard-03-nav-focus');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/courses$/, { timeout: 15_000 });
    await routeFocusSettled(page);
    await expect.poll(() => page.getByRole('article').count(), { timeout: 20_000 }).toBeGreaterThan(0);

    // Search: type into the box and press Enter.
    await tabTo(page, (f) => f.tag === 'input' && /search/i.test(f.label));
    await page.keyboard.type('accessibility');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=accessibility/, { timeout: 15_000 });
    await expect
      .poll(() => page.getByRole('link', { name: COURSE.title }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);

    // Open the course from its card.
    await tabTo(page, named('a', COURSE.title));
    await screenshot(page, 'keyboard-04-card-focus');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/courses/${COURSE.id}$`), { timeout: 15_000 });
    await routeFocusSettled(page);
    // Once the course has loaded (its heading replaced the skeleton's), focus is on the page's
    // heading (or main landmark), not lost to <body>: a screen reader announces the course.
    await page.getByRole('heading', { level: 1, name: COURSE.title }).waitFor({ timeout: 20_000 });
    const focusAfterLoad = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        if (active?.tagName === 'H1') return `h1: ${active.textContent?.trim()}`;
        if (active?.id === 'main-content') return 'main';
        return active === document.body ? 'body' : String(active?.tagName);
      });
    await expect.poll(focusAfterLoad).toMatch(new RegExp(`^(h1: ${COURSE.title}|main)$`));
    await page.waitForTimeout(500);
    expect(await focusAfterLoad()).toMatch(new RegExp(`^(h1: ${COURSE.title}|main)$`));
    await screenshot(page, 'keyboard-04-course-heading-focus');

    // Enrol for free, then "Start learning" opens the first lecture.
    await page.getByRole('button', { name: 'Enrol for free' }).waitFor({ timeout: 20_000 });
    await tabTo(page, named('button', 'Enrol for free'));
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Start learning' }).waitFor({ timeout: 20_000 });
    await creditObservedWatching(DEMO_LEARNER.email, COURSE.id); // the seed's lectures are minutes long
    // The enrol button is replaced by the link: focus starts again from the page.
    await tabTo(page, named('a', 'Start learning'));
    await screenshot(page, 'keyboard-05-start-learning');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/learn/${COURSE.id}/`), { timeout: 15_000 });
    await routeFocusSettled(page);
    await expect.poll(() => page.getByText(/^Lecture 1 of \d+$/).count(), { timeout: 15_000 }).toBe(1);

    // Mark the lecture complete with the keyboard; the server's tick shows live.
    await page.getByRole('button', { name: 'Mark complete' }).waitFor({ timeout: 15_000 });
    await tabTo(page, named('button', 'Mark complete'), 120);
    await screenshot(page, 'keyboard-06-mark-complete-focus');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByText('Completed', { exact: true }).count(), { timeout: 20_000 })
      .toBe(1);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'keyboard-07-lecture-complete');

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('reduced motion', () => {
  it('stops skeleton pulses, spinners and transitions when the user asks for less motion', async () => {
    // newPage emulates `prefers-reduced-motion: reduce`.
    const { context, page, errors } = await newPage(browser);
    await page.goto(webUrl('/courses'));
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);

    // Elements that animate or transition in the normal theme, plus probes with the classes the
    // app uses (a loading skeleton is gone by the time the page has loaded).
    const computed = await page.evaluate(() => {
      const probes = ['animate-pulse', 'animate-spin', 'transition-colors', 'transition'].map((cls) => {
        const el = document.createElement('div');
        el.className = cls;
        document.body.append(el);
        return el;
      });
      const live = Array.from(
        document.querySelectorAll<HTMLElement>('a, button, [class*="transition"], [class*="animate-"]'),
      );
      const out = [...probes, ...live].map((el) => {
        const s = getComputedStyle(el);
        return {
          what: `${el.tagName.toLowerCase()}.${String(el.className).split(' ').slice(0, 3).join('.')}`,
          animation: s.animationName,
          transition: s.transitionProperty === 'none' || Number.parseFloat(s.transitionDuration) === 0,
        };
      });
      for (const el of probes) el.remove();
      return out;
    });
    expect(computed.length).toBeGreaterThan(4);
    expect(computed.filter((c) => c.animation !== 'none')).toEqual([]);
    expect(computed.filter((c) => !c.transition)).toEqual([]);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the motion for people who have not asked for less', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      reducedMotion: 'no-preference',
    });
    const page = await context.newPage();
    await page.goto(webUrl('/courses'));
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 20_000 });
    const pulse = await page.evaluate(() => {
      const el = document.createElement('div');
      el.className = 'animate-pulse';
      document.body.append(el);
      const name = getComputedStyle(el).animationName;
      el.remove();
      return name;
    });
    expect(pulse).toBe('pulse');
    await context.close();
  });
});

// Journey: with the system set to dark (prefers-color-scheme: dark), the app follows it: dark page
// and surfaces, light text, and no serious axe violation (colour contrast included) on the home
// page, the catalogue, a public profile and the sign-in form. Phone (390 px) and desktop.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, webUrl } from './support/browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Relative luminance of a computed `rgb(...)`/`oklch(...)` colour, measured by the browser. */
async function luminanceOf(
  page: Page,
  selector: string,
  property: 'color' | 'backgroundColor',
): Promise<number> {
  return page.evaluate(
    ([sel, prop]) => {
      const el = document.querySelector(sel as string);
      if (!el) throw new Error(`no ${sel}`);
      const value = getComputedStyle(el)[prop as 'color'];
      // Let a canvas convert any CSS colour to sRGB bytes.
      const ctx = document.createElement('canvas').getContext('2d');
      if (!ctx) throw new Error('no canvas');
      ctx.fillStyle = value;
      ctx.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0] = ctx.getImageData(0, 0, 1, 1).data;
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    },
    [selector, property],
  );
}

describe('dark mode', () => {
  for (const [label, viewport] of [
    ['desktop', { width: 1280, height: 860 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`follows the system setting with readable contrast (${label})`, async () => {
      const { page, errors, context } = await newPage(browser, viewport);
      await page.emulateMedia({ colorScheme: 'dark' });
      const pages: [string, string][] = [
        ['/', 'home'],
        ['/courses', 'catalog'],
        ['/u/demo-learner', 'profile'],
        ['/sign-in', 'sign-in'],
      ];
      for (const [path, name] of pages) {
        await page.goto(webUrl(path));
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForTimeout(1500);
        expect(await luminanceOf(page, 'body', 'backgroundColor'), `${path} background`).toBeLessThan(0.02);
        expect(await luminanceOf(page, 'h1', 'color'), `${path} heading`).toBeGreaterThan(0.6);
        await expectNoSeriousA11yViolations(page);
        await screenshot(page, `dark-mode-${name}-${label}`);
      }

      // The same page in light mode is light: the setting is followed, not forced.
      await page.emulateMedia({ colorScheme: 'light' });
      expect(await luminanceOf(page, 'body', 'backgroundColor')).toBeGreaterThan(0.9);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

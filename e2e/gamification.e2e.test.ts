// Journey: the demo learner checks her progress. The dashboard shows her streak with the
// calendar heat-map, her level bar and recent badges; /achievements lists every badge with its
// date or progress and her points ledger a page at a time; /leaderboard shows the all-time and
// weekly boards live, with her rank — also once 55 people have overtaken her this week.
import { join } from 'node:path';
import { isoWeekId } from '@skillverse/domain/gamification';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LEARNER } from '../scripts/seed/demo-accounts';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  newPage,
  SCREENSHOT_DIR,
  screenshot,
  webUrl,
} from './support/browser';
import { adminSdk } from './support/admin-sdk';

const RIVALS = 55;
const rivalUid = (i: number) => `e2e-rival-${String(i).padStart(2, '0')}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  // Leave the boards as the seed made them for the journeys that follow.
  const db = firestore();
  const batch = db.batch();
  for (let i = 0; i < RIVALS; i++)
    batch.delete(db.doc(`leaderboards/${isoWeekId(new Date())}/entries/${rivalUid(i)}`));
  await batch.commit();
});

function firestore() {
  return adminSdk().db;
}

async function signIn(page: Page, redirect: string) {
  await page.goto(webUrl(`/sign-in?redirect=${encodeURIComponent(redirect)}`));
  await page.getByLabel('Email').fill(DEMO_LEARNER.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_LEARNER.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === redirect, { timeout: 30_000 });
}

describe('dashboard, achievements and leaderboard', () => {
  it('shows the streak heat-map, level bar and badges on the dashboard', async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, '/dashboard');

    // Streak: current and longest, and the heat-map with a summary for screen readers.
    const streak = page.getByRole('heading', { name: 'Learning streak' });
    await expect.poll(() => streak.count(), { timeout: 20_000 }).toBe(1);
    const heatmap = page.getByRole('img', { name: /Learning activity, last 22 weeks/ });
    await expect.poll(() => heatmap.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText(/Active on \d+ days in the last 22 weeks/).isVisible()).toBe(true);
    // Her seeded activity: several coloured days, and today outlined with its title.
    expect(await heatmap.locator('[data-level]:not([data-level="0"])').count()).toBeGreaterThan(5);
    expect(await heatmap.locator('[title*="(today)"]').count()).toBe(1);

    // Points and the level bar toward the next level.
    const bar = page.getByRole('progressbar', { name: 'Progress to level 2' });
    await expect.poll(() => bar.count()).toBe(1);
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/points to level 2, Learner/);

    // Recent badges, newest first, and the other cards with their data.
    await expect.poll(() => page.getByRole('heading', { name: 'Recent badges' }).count()).toBe(1);
    await expect.poll(() => page.getByText('7-Day Streak').count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Continue learning' }).count(), { timeout: 15_000 })
      .toBe(1);
    await expect
      .poll(() => page.getByRole('link', { name: /^(Resume|Start)\b/ }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('heading', { name: 'Upcoming live sessions' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Skill exchanges' }).count()).toBe(1);
    // An open exchange where her partner wrote last shows its unread messages.
    await expect.poll(() => page.getByText(/^\d+ unread/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // Every card has settled (no skeletons left).
    await expect.poll(() => page.locator('.animate-pulse').count(), { timeout: 20_000 }).toBe(0);

    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'gamification-01-dashboard');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits the dashboard on a phone', async () => {
    const { context, page, errors } = await newPage(browser, { width: 390, height: 844 });
    await signIn(page, '/dashboard');
    await expect
      .poll(() => page.getByRole('img', { name: /Learning activity, last 15 weeks/ }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    await expect.poll(() => page.locator('.animate-pulse').count(), { timeout: 20_000 }).toBe(0);
    // Nothing on the dashboard is wider than the screen (the list names whatever sticks out).
    const overflowing = await page.evaluate(() => {
      return Array.from(document.querySelectorAll('main *'))
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .filter((el) => !el.closest('[class*="overflow-x-auto"]'))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent?.slice(0, 40)}"`);
    });
    expect(overflowing).toEqual([]);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'gamification-02-dashboard-mobile');
    // The streak card up close: the heat-map must fit a phone without scrolling sideways.
    const streakCard = page
      .getByRole('heading', { name: 'Learning streak' })
      .locator('xpath=ancestor::div[contains(@class, "rounded-(--radius-card)")][1]');
    await streakCard.screenshot({ path: join(SCREENSHOT_DIR, 'gamification-02b-streak-mobile.png') });
    const grid = page.getByRole('img', { name: /Learning activity/ });
    expect(await grid.evaluate((el) => el.scrollWidth <= (el.parentElement?.clientWidth ?? 0))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists every badge with progress and the points ledger with reasons and links', async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, '/achievements');

    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Achievements' }).count()).toBe(1);
    // Seven badges: earned ones with a date, the others with progress such as Bookworm 1/10.
    await expect.poll(() => page.getByText(/^Earned \w{3} \d{1,2}, \d{4}$/).count()).toBeGreaterThan(0);
    const bookworm = page.getByRole('progressbar', { name: 'Progress toward Bookworm' });
    await expect.poll(() => bookworm.count()).toBe(1);
    expect(await bookworm.getAttribute('aria-valuetext')).toMatch(/^\d of 10$/);
    // The level ladder marks where she is.
    await expect.poll(() => page.getByText('You are here').count()).toBe(1);

    // The ledger: 20 entries, newest first, then "Load more".
    const ledger = page.getByRole('list', { name: 'Points history' }).getByRole('listitem');
    await expect.poll(() => ledger.count(), { timeout: 20_000 }).toBe(20);
    await expect.poll(() => page.getByText('Completed a lecture').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('link', { name: /Open the lecture/ }).count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'gamification-03-achievements');
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => ledger.count(), { timeout: 15_000 }).toBeGreaterThan(20);

    // A ledger link opens what earned the points.
    await page
      .getByRole('link', { name: /Open the course/ })
      .first()
      .click();
    await page.waitForURL(/\/courses\/[^/]+$/, { timeout: 15_000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows both boards live with her rank, in the top 50 and outside it', async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, '/leaderboard');

    const tabs = page.getByRole('tablist', { name: 'Leaderboard period' });
    const allTime = tabs.getByRole('tab', { name: 'All time' });
    const week = tabs.getByRole('tab', { name: 'This week' });
    await expect.poll(() => allTime.getAttribute('aria-selected')).toBe('true');

    // All time: the top 50 with her highlighted, each row linking to a profile, and her rank.
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(5);
    const me = page.locator('tr[aria-current="true"]');
    await expect.poll(() => me.count()).toBe(1);
    expect(await me.getByRole('link').getAttribute('href')).toBe(`/u/${DEMO_LEARNER.uid}`);
    await expect.poll(() => page.getByTestId('my-rank').textContent()).toMatch(/^#\d+$/);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'gamification-04-leaderboard-all-time');

    // Keyboard: arrow right selects "This week" (tablist semantics).
    await allTime.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => week.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('This week');
    await expect.poll(() => page.getByTestId('my-rank').textContent(), { timeout: 15_000 }).toMatch(/^#\d+$/);
    const myPoints = Number(((await me.locator('td').last().textContent()) ?? '0').replace(/\D/g, ''));
    expect(myPoints).toBeGreaterThan(0);
    const rankBefore = Number(((await page.getByTestId('my-rank').textContent()) ?? '').replace(/\D/g, ''));

    // 55 people overtake her this week: the live board drops her, and her rank comes from count().
    const db = firestore();
    const period = isoWeekId(new Date());
    const batch = db.batch();
    for (let i = 0; i < RIVALS; i++) {
      batch.set(db.doc(`leaderboards/${period}/entries/${rivalUid(i)}`), {
        uid: rivalUid(i),
        points: myPoints + 100 + i,
        displayName: `Rival ${i + 1}`,
        photoURL: null,
        updatedAt: new Date(),
      });
    }
    await batch.commit();
    await expect.poll(() => me.count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => rows.count()).toBe(51); // header + 50
    await expect
      .poll(() => page.getByTestId('my-rank').textContent(), { timeout: 20_000 })
      .toBe(`#${rankBefore + RIVALS}`);
    await expect.poll(() => page.getByText('outside the top 50').count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'gamification-05-leaderboard-outside-top-50');
    expect(errors).toEqual([]);
    await context.close();
  });
});

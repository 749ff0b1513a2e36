// Journey: the demo learner opens her weekly league. The seeded Silver cohort shows live standings
// with her row highlighted, the promotion line after #5 and the demotion line before the last 5
// (as text, not colour only), her tier, the time left until her Monday, last week's result and her
// streak freeze. She then earns points (a ledger entry written with the Admin SDK, applied by the
// deployed trigger) and her row moves to the top without a reload. Also at 390 px.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LEARNER } from '../scripts/seed/demo-accounts';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, webUrl } from './support/browser';
import { adminSdk, waitUntil } from './support/admin-sdk';

const EVENT_ID = 'referral_e2e-league-rival';
const BONUS = 400;

let browser: Browser;
let restore: (() => Promise<void>) | null = null;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await restore?.();
});

async function signIn(page: Page, redirect: string) {
  await page.goto(webUrl(`/sign-in?redirect=${encodeURIComponent(redirect)}`));
  await page.getByLabel('Email').fill(DEMO_LEARNER.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_LEARNER.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === redirect, { timeout: 30_000 });
}

const rows = (page: Page) => page.getByTestId('standing-row');

describe('weekly league', () => {
  it('shows live standings with the promotion and demotion lines, and moves my row when I earn points', async () => {
    const { db } = adminSdk();
    const league = (await db.doc(`users/${DEMO_LEARNER.uid}/private/league`).get()).data();
    expect(league?.cohortId).toBeTruthy();
    const cohortId = league?.cohortId as string;
    const size = (await db.collection(`leagues/${cohortId}/members`).get()).size;
    expect(size).toBeGreaterThanOrEqual(15);
    // Start from the seeded 150 points (#10): journeys earlier in the same run may have earned her
    // points this week, which the league counts too. Put back as it was afterwards.
    const memberRef = db.doc(`leagues/${cohortId}/members/${DEMO_LEARNER.uid}`);
    const savedMemberPoints = (await memberRef.get()).get('points') as number;
    await memberRef.update({ points: 150 });
    restore = async () => {
      await memberRef.update({ points: savedMemberPoints });
    };

    const { context, page, errors } = await newPage(browser);
    await signIn(page, '/league');
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(size);
    await expect.poll(() => page.getByTestId('tier-badge').textContent()).toBe('Silver league');

    // The lines sit after #5 and before the last 5, and say so in words.
    const promotion = page.getByTestId('promotion-line');
    const demotion = page.getByTestId('demotion-line');
    expect(await promotion.textContent()).toMatch(/Promotion line: the top 5 move up/);
    expect(await demotion.textContent()).toMatch(/Demotion line: the last 5 move down/);
    const order = await page
      .locator('ol[aria-label="Silver league standings"] > li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-testid')));
    expect(order.indexOf('promotion-line')).toBe(5);
    expect(order.indexOf('demotion-line')).toBe(order.length - 6);

    // My row is marked for screen readers and summarised in a live region.
    const mine = page.locator('[data-testid="standing-row"][aria-current="true"]');
    expect(await mine.getAttribute('data-uid')).toBe(DEMO_LEARNER.uid);
    const before = await rows(page).evaluateAll((r) => r.map((x) => x.getAttribute('data-uid')));
    const myRankBefore = before.indexOf(DEMO_LEARNER.uid) + 1;
    expect(myRankBefore).toBeGreaterThan(5);
    expect(await page.getByTestId('my-standing').textContent()).toContain(
      `You are #${myRankBefore} of ${size}`,
    );

    // Time left, last week's result and the streak freeze.
    expect(await page.getByTestId('time-left').textContent()).toMatch(/\d+ (day|hour|minute)/);
    expect(await page.getByTestId('last-result').textContent()).toMatch(
      /#3 of 24 in Bronze .* promoted to Silver/,
    );
    expect(await page.getByTestId('streak-freezes').textContent()).toBe('1 of 2');

    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'league-01-standings');

    // Earn points behind the page's back: a ledger entry, applied by the deployed trigger.
    const userRef = db.doc(`users/${DEMO_LEARNER.uid}`);
    const saved = (await userRef.get()).get('gamification');
    const boards = await db.collectionGroup('entries').where('uid', '==', DEMO_LEARNER.uid).get();
    const savedBoards = boards.docs.map((d) => ({ ref: d.ref, points: d.get('points') }));
    restore = async () => {
      await db.doc(`users/${DEMO_LEARNER.uid}/pointEvents/${EVENT_ID}`).delete();
      await userRef.update({ gamification: saved });
      for (const b of savedBoards) await b.ref.update({ points: b.points });
      await memberRef.update({ points: savedMemberPoints });
    };
    await db.doc(`users/${DEMO_LEARNER.uid}/pointEvents/${EVENT_ID}`).create({
      points: BONUS,
      reason: 'referral',
      refPath: null,
      createdAt: new Date(),
    });
    await waitUntil(
      async () => (await db.doc(`users/${DEMO_LEARNER.uid}/pointEvents/${EVENT_ID}`).get()).get('leagueAt'),
      'the league step of the ledger trigger',
      45_000,
    );
    // The row moves to the top, live, into the promotion zone.
    await expect
      .poll(() => page.getByTestId('my-standing').textContent(), { timeout: 20_000 })
      .toMatch(/You are #1 of \d+ with 550 points — in the promotion zone/);
    expect(await rows(page).first().getAttribute('data-uid')).toBe(DEMO_LEARNER.uid);
    await screenshot(page, 'league-02-moved-up');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works at 390 px and from the keyboard', async () => {
    const { context, page, errors } = await newPage(browser, { width: 390, height: 844 });
    await signIn(page, '/league');
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBeGreaterThan(10);
    // Nothing scrolls sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Profile links in the standings are reachable with Tab.
    await page.getByRole('link', { name: DEMO_LEARNER.displayName }).first().focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.tagName);
    expect(focused).toBe('A');
    await expectNoSeriousA11yViolations(page);
    // From the top, so the sticky header is not drawn over the middle of the full-page shot.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'league-03-mobile');
    expect(errors).toEqual([]);
    await context.close();
  });
});

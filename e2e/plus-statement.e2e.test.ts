// Journey (issue 18 item 5 — Plus revenue share): a closed month's Plus statement on the educator
// dashboard. Behind the browser's back (Admin SDK) a past month gets two paid Plus invoices and
// observed Plus time in two instructors' courses; an admin closes the month through its trigger
// (runPlusMonthClose). The educator then sees that month on their dashboard: observed minutes,
// share of Plus time, the amount after the platform fee, and that it is held until they set up
// payouts. Scanned with axe and photographed on desktop and at 390 px.
import { runPlusMonthClose } from '@skillverse/domain/contracts/plus-revenue';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFunction, createAuthUser, idTokenFor, seedProfile } from '../functions/test/emulator';
import { adminSdk, freshVerifiedLearner } from './support/admin-sdk';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, signIn } from './support/browser';

const PASSWORD = 'plus-statement-123';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Plus revenue share', () => {
  it('the educator sees a closed month’s Plus statement with minutes, share and amount', async () => {
    const { auth, db } = adminSdk();
    const educator = await freshVerifiedLearner('Petra Plus', PASSWORD);
    await auth.setCustomUserClaims(educator.uid, { educator: true });
    await db.doc(`users/${educator.uid}`).update({ roles: ['learner', 'educator'] });

    // A past month of its own (nothing else uses it): two invoices, 3000 s vs 1000 s observed.
    const year = 2001 + Math.floor(Math.random() * 20);
    const month = `${year}-0${1 + Math.floor(Math.random() * 9)}`;
    const label = new Intl.DateTimeFormat('en-US', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${month}-01T00:00:00Z`));
    const other = `plus-other-${Date.now()}`;
    for (const [i, amountPaid] of [1299, 1299].entries()) {
      await db.doc(`plusInvoices/in_e2e_${month}_${i}_${Date.now()}`).set({
        uid: `subscriber-${i}`,
        subscriptionId: `sub_e2e_${i}`,
        plan: 'monthly',
        amountPaid,
        currency: 'USD',
        month,
        paidAt: new Date(`${month}-05T10:00:00Z`),
        amountRefunded: 0,
        createdAt: new Date(`${month}-05T10:00:00Z`),
      });
    }
    const tallies: [string, string, number][] = [
      [educator.uid, 'c-e2e-a', 1800],
      [educator.uid, 'c-e2e-b', 1200],
      [other, 'c-e2e-c', 1000],
    ];
    for (const [instructorId, courseId, seconds] of tallies) {
      const uid = `learner-${courseId}-${Date.now()}`;
      await db
        .doc(`plusWatch/${month}_${courseId}_${uid}`)
        .set({ month, courseId, instructorId, uid, seconds });
    }

    // The admin closes the month through its trigger.
    const admin = await createAuthUser({ claims: { admin: true } });
    await seedProfile(db, admin.uid, { roles: ['learner', 'admin'] });
    const closed = await callFunction(runPlusMonthClose, { month }, await idTokenFor(admin));
    expect(closed.result).toMatchObject({ month, state: 'closed', statements: 2 });

    // 2598 paid − 20 % fee (520) = 2078 shared; 3000 of 4000 s → 1558.5 → $15.59 (the tie's cent
    // goes to more observed time).
    const edu = await newPage(browser);
    await signIn(edu.page, educator.email, PASSWORD, '/educator');
    const card = edu.page.getByTestId('plus-statements');
    await card.waitFor({ timeout: 30_000 });
    const statement = card.getByTestId('plus-statement').first();
    await expect.poll(() => statement.getByRole('heading', { name: label }).count()).toBe(1);
    await expect.poll(() => statement.getByText('$15.59').count()).toBeGreaterThan(0);
    await expect.poll(() => statement.getByText('50 min').count()).toBe(1);
    await expect.poll(() => statement.getByText('75%').count()).toBe(1);
    await expect.poll(() => statement.getByText('$20.78').count()).toBe(1);
    await expect.poll(() => statement.getByText('Held until payouts are set up').count()).toBe(1);
    await card.scrollIntoViewIfNeeded();
    await expectNoSeriousA11yViolations(edu.page);
    await screenshot(edu.page, 'plus-statement-01-desktop');
    expect(edu.errors).toEqual([]);
    await edu.context.close();

    const phone = await newPage(browser, { width: 390, height: 844 });
    await signIn(phone.page, educator.email, PASSWORD, '/educator');
    await phone.page.getByTestId('plus-statements').waitFor({ timeout: 30_000 });
    await phone.page.getByTestId('plus-statements').scrollIntoViewIfNeeded();
    const overflow = await phone.page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(phone.page);
    await screenshot(phone.page, 'plus-statement-02-mobile');
    await phone.context.close();
  }, 180_000);
});

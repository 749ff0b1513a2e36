// Journey (issue 18, `npm start` with seed data): what the seed's Plus data shows. The demo educator
// signs in and finds the seeded closed month's Plus statement on the dashboard (observed minutes,
// share, amount, the month's shared total, held until payouts are set up); the seeded Plus member
// (Mateo Silva) signs in and finds his active monthly membership on /plus and his Plus course in
// My learning. Expected figures come from the seed builder (the real split), not typed in here.
// Screenshots on desktop and at 390 px.
import { formatMoney } from '@skillverse/domain/educator';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLUS_DEMO_MEMBER_UID } from '../scripts/seed/data/plus';
import { USERS } from '../scripts/seed/data/users';
import { DEMO_EDUCATOR, SEED_USER_PASSWORD } from '../scripts/seed/demo-accounts';
import { buildSeed } from '../scripts/seed/lib/build';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, signIn } from './support/browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const plan = buildSeed(new Date());
const month = plan.counts.plus.closedMonth;
const doc = (path: string) => plan.docs.find((d) => d.path === path)?.data as Record<string, unknown>;
const monthLabel = new Intl.DateTimeFormat('en-US', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
}).format(new Date(`${month}-01T00:00:00Z`));

describe('Plus in the seed', () => {
  it('the demo educator sees the seeded Plus statement; the seeded member sees his membership', async () => {
    const statement = doc(`plusStatements/${month}_${DEMO_EDUCATOR.uid}`);
    const totals = statement.totals as { distributable: number };
    const edu = await newPage(browser);
    await signIn(edu.page, DEMO_EDUCATOR.email, DEMO_EDUCATOR.password, '/educator');
    const card = edu.page.getByTestId('plus-statements');
    await card.waitFor({ timeout: 30_000 });
    const item = card.getByTestId('plus-statement').first();
    await expect.poll(() => item.getByRole('heading', { name: monthLabel }).count()).toBe(1);
    await expect
      .poll(() => item.getByText(formatMoney(Number(statement.payable), 'USD')).count())
      .toBeGreaterThan(0);
    await expect.poll(() => item.getByText(`${statement.minutes} min`).count()).toBe(1);
    await expect
      .poll(() => item.getByText(formatMoney(totals.distributable, 'USD'), { exact: true }).count())
      .toBe(1);
    await expect.poll(() => item.getByText('Held until payouts are set up').count()).toBe(1);
    await card.scrollIntoViewIfNeeded();
    await expectNoSeriousA11yViolations(edu.page);
    await screenshot(edu.page, 'plus-seed-01-educator-desktop');
    expect(edu.errors).toEqual([]);
    await edu.context.close();

    const member = USERS.find((u) => u.uid === PLUS_DEMO_MEMBER_UID)!;
    const enrolment = plan.docs.find(
      (d) =>
        d.path.startsWith('enrollments/') &&
        (d.data as { uid?: string; source?: string }).uid === member.uid &&
        (d.data as { source?: string }).source === 'plus',
    )?.data as { courseTitle: string };
    const phone = await newPage(browser, { width: 390, height: 844 });
    await signIn(phone.page, member.email, SEED_USER_PASSWORD, '/plus');
    // (The status Alert renders no test id: found by its words.)
    await phone.page.getByText('You have Plus (Monthly)').waitFor({ timeout: 30_000 });
    await expect.poll(() => phone.page.getByText(/^Renews on .+\. Every course marked/).count()).toBe(1);
    await expect.poll(() => phone.page.getByRole('button', { name: 'Manage membership' }).count()).toBe(1);
    const overflow = await phone.page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(phone.page);
    await screenshot(phone.page, 'plus-seed-02-member-mobile');

    await phone.page.goto(new URL('/my-learning', phone.page.url()).toString());
    await expect
      .poll(() => phone.page.getByText(enrolment.courseTitle).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await screenshot(phone.page, 'plus-seed-03-member-learning-mobile');
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  }, 180_000);
});

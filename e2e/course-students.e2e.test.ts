// Journey (issue 16 item 4 — the educator's "students" view): the demo educator opens the
// students of a seeded course from the dashboard, sees each learner's progress, last activity,
// best quiz score and enrolment source, sorts by progress, and exports the CSV (downloaded and
// read back). Another educator opening the same URL is told it isn't theirs. axe and screenshots
// on desktop and at 390 px.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EDUCATOR } from '../scripts/seed/demo-accounts';
import { adminSdk, waitUntil } from './support/admin-sdk';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, signIn } from './support/browser';

const COURSE = { id: 'c-react-fundamentals', title: 'React Fundamentals' };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('educator students view', () => {
  it('lists a seeded course’s learners, sorts them and exports a CSV; another educator is refused', async () => {
    const edu = await newPage(browser);
    await signIn(edu.page, DEMO_EDUCATOR.email, DEMO_EDUCATOR.password, '/educator');
    await edu.page.getByRole('link', { name: `Students of ${COURSE.title}` }).click({ timeout: 30_000 });
    await edu.page.waitForURL((url) => url.pathname === `/educator/courses/${COURSE.id}/students`);
    const table = edu.page.getByTestId('students-table');
    await table.waitFor({ timeout: 30_000 });
    await expect.poll(() => edu.page.getByTestId('student-row').count()).toBeGreaterThan(2);
    // Seeded learners: names, a best quiz score, the enrolment source.
    await expect.poll(() => table.getByText('Yuki Sato').count()).toBe(1);
    await expect.poll(() => table.getByText(/^\d+%$/).count()).toBeGreaterThan(0);
    await expect.poll(() => table.getByText('Purchase').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(edu.page);
    await screenshot(edu.page, 'students-01-by-activity');

    // Sort by progress: the first row's progress is the highest.
    await edu.page.getByLabel('Sort by').selectOption('progress');
    await edu.page.waitForURL(/sort=progress/);
    await expect
      .poll(async () => {
        const texts = await table.locator('tbody tr td:nth-child(2)').allTextContents();
        const values = texts.map((t) => Number.parseInt(t, 10));
        return values.length > 1 && values.every((v, i) => i === 0 || values[i - 1]! >= v);
      })
      .toBe(true);
    await screenshot(edu.page, 'students-02-by-progress');

    // Export: a CSV download with a header and one line per learner.
    const rows = await edu.page.getByTestId('student-row').count();
    const [download] = await Promise.all([
      edu.page.waitForEvent('download', { timeout: 30_000 }),
      edu.page.getByTestId('students-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^react-fundamentals-students-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^Name,Learner ID,Status,Enrolment source,Progress %/);
    expect(lines.length - 1).toBeGreaterThanOrEqual(rows);
    expect(csv).toContain('Yuki Sato,u-yuki-sato,active,');
    expect(edu.errors).toEqual([]);
    await edu.context.close();

    // At 390 px: the table scrolls inside its card, the page itself does not overflow.
    const phone = await newPage(browser, { width: 390, height: 844 });
    await signIn(
      phone.page,
      DEMO_EDUCATOR.email,
      DEMO_EDUCATOR.password,
      `/educator/courses/${COURSE.id}/students`,
    );
    await phone.page.getByTestId('students-table').waitFor({ timeout: 30_000 });
    const overflow = await phone.page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(phone.page);
    await screenshot(phone.page, 'students-03-mobile');
    await phone.context.close();

    // Another educator: the rules refuse, the page says whose view it is.
    const { auth, db } = adminSdk();
    const email = `students-other-${Date.now()}@example.com`;
    const other = await auth.createUser({
      email,
      password: 'other-pass-123',
      displayName: 'Otto Other',
      emailVerified: true,
    });
    await auth.setCustomUserClaims(other.uid, { educator: true });
    const profile = db.doc(`users/${other.uid}`);
    await waitUntil(async () => (await profile.get()).exists, 'other educator profile');
    await profile.update({ onboarded: true });
    const stranger = await newPage(browser);
    await signIn(stranger.page, email, 'other-pass-123', `/educator/courses/${COURSE.id}/students`);
    await stranger.page
      .getByText('Only this course’s instructor can see its students')
      .waitFor({ timeout: 30_000 });
    expect(await stranger.page.getByTestId('students-table').count()).toBe(0);
    await screenshot(stranger.page, 'students-04-not-yours');
    await stranger.context.close();
  });
});

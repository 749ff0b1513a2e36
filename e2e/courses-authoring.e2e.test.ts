// Journey: an educator creates a course (details with validation, sections, lectures, a quiz and
// the certificate rule) and submits it for review; an admin previews it and publishes it through
// moderateCourse; a visitor with the catalogue already open sees it appear live.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_EDUCATOR } from '../scripts/seed/demo-accounts';
import { launchBrowser, newPage, screenshot, expectNoSeriousA11yViolations, webUrl } from './support/browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto(webUrl('/sign-in'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/dashboard/, { timeout: 20_000 });
}

async function addLecture(
  page: Page,
  section: string,
  lecture: { title: string; seconds: string; preview?: boolean },
) {
  await page.getByRole('button', { name: new RegExp(`Add lecture\\s+to ${section}`) }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a lecture' });
  await dialog.getByLabel('Lecture title').fill(lecture.title);
  await dialog
    .getByLabel('Video link')
    .fill('https://storage.googleapis.com/gtv-videos-bucket/sample/ForBiggerFun.mp4');
  await dialog.getByLabel('Length (seconds)').fill(lecture.seconds);
  if (lecture.preview) await dialog.getByLabel(/Free preview/).check();
  await dialog.getByLabel('Lecture text').fill(`Notes for ${lecture.title}.`);
  await dialog.getByRole('button', { name: 'Add lecture' }).click();
  await expect
    .poll(() => page.getByRole('dialog', { name: 'Add a lecture' }).count(), { timeout: 15_000 })
    .toBe(0);
  await expect.poll(() => page.getByText(lecture.title).count(), { timeout: 15_000 }).toBeGreaterThan(0);
}

describe('educator creates and submits → admin publishes → catalogue updates live', () => {
  it('takes a new course from draft to the catalogue', async () => {
    const title = `Testing React with Vitest ${Date.now().toString(36)}`;

    // A visitor has the catalogue open the whole time.
    const visitor = await newPage(browser);
    await visitor.page.goto(webUrl('/courses'));
    await expect
      .poll(() => visitor.page.getByRole('article').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await visitor.page.getByRole('link', { name: title }).count()).toBe(0);

    // Educator: the course list, then a new course with validation messages first.
    const educator = await newPage(browser);
    const page = educator.page;
    await signIn(page, DEMO_EDUCATOR.email, DEMO_EDUCATOR.password);
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Educator' }).click();
    await page.waitForURL(/\/educator$/);
    await expect
      .poll(() => page.getByRole('link', { name: 'React Fundamentals', exact: true }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'authoring-01-my-courses');
    await page.getByRole('link', { name: 'New course' }).click();
    await page.waitForURL(/\/educator\/courses\/new$/);

    await page.getByLabel('Price (in dollars)').fill('ten');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect
      .poll(() => page.getByText(/Give the course a title of at least 5 characters/).count())
      .toBe(1);
    await expect.poll(() => page.getByText(/Describe the course in at least 30 characters/).count()).toBe(1);
    await expect.poll(() => page.getByText(/Enter a price like/).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'authoring-02-validation');

    await page.getByLabel('Title').fill(title);
    await page
      .getByLabel('Description')
      .fill('Write fast, readable tests for React components with Vitest and Testing Library.');
    await page.getByLabel('Category').selectOption('Programming');
    await page.getByLabel('Level').selectOption('intermediate');
    await page.getByLabel('Tags').fill('vitest');
    await page.getByLabel('Tags').press('Enter');
    await page.getByLabel('Price (in dollars)').fill('0');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/educator\/courses\/[^/]+\/edit\?tab=curriculum/, { timeout: 20_000 });

    // Curriculum: two sections (reordered), three lectures.
    await page.getByLabel('New section title').fill('Advanced');
    await page.getByRole('button', { name: 'Add section' }).click();
    await expect.poll(() => page.getByText('Section 1: Advanced').count(), { timeout: 15_000 }).toBe(1);
    await page.getByLabel('New section title').fill('Basics');
    await page.getByRole('button', { name: 'Add section' }).click();
    await expect.poll(() => page.getByText('Section 2: Basics').count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole('button', { name: /move section Basics up/ }).click();
    await expect.poll(() => page.getByText('Section 1: Basics').count(), { timeout: 15_000 }).toBe(1);

    await addLecture(page, 'Basics', { title: 'Why test components', seconds: '300', preview: true });
    await addLecture(page, 'Basics', { title: 'Your first test', seconds: '420' });
    await addLecture(page, 'Advanced', { title: 'Mocking modules', seconds: '540' });
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'authoring-03-curriculum');

    // Quiz: one question with its correct answer (stored apart from the question).
    await page.getByRole('tab', { name: 'Quiz' }).click();
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByLabel('Question 1 prompt').fill('Which runner do we use?');
    await page.getByLabel('Option 1 of question 1', { exact: true }).fill('Vitest');
    await page.getByLabel('Option 2 of question 1', { exact: true }).fill('Mocha');
    await page.getByRole('button', { name: 'Save quiz' }).click();
    await expect.poll(() => page.getByText('Mark the correct answer.').count()).toBe(1);
    await page.getByLabel('Option 1 of question 1 is correct').check();
    await page.getByRole('button', { name: 'Save quiz' }).click();
    await expect.poll(() => page.getByText('Quiz saved').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'authoring-04-quiz');

    // Publishing: certificate rule, then submit for review.
    await page.getByRole('tab', { name: 'Publishing' }).click();
    await page.getByLabel(/Quiz score needed/).fill('80');
    await page.getByRole('button', { name: 'Save certificate rule' }).click();
    await expect
      .poll(() => page.getByText('Certificate rule saved').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect
      .poll(() => page.getByText('Waiting for review by an admin.').count(), { timeout: 15_000 })
      .toBe(1);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'authoring-05-submitted');
    expect(educator.errors).toEqual([]);

    // Admin: the queue shows it; preview its lectures; a too-short rejection reason is refused; publish.
    const admin = await newPage(browser);
    await signIn(admin.page, DEMO_ADMIN.email, DEMO_ADMIN.password);
    await admin.page
      .getByRole('navigation', { name: 'Account' })
      .getByRole('link', { name: 'Admin' })
      .click();
    await admin.page.waitForURL(/\/admin\/courses$/);
    const entry = admin.page.getByRole('button', { name: new RegExp(title) });
    await entry.waitFor({ timeout: 15_000 });
    await entry.click();
    await expect.poll(() => admin.page.getByText('3. Mocking modules').count(), { timeout: 15_000 }).toBe(1);
    await admin.page.getByRole('button', { name: 'Reject…' }).click();
    await admin.page.getByLabel('Reason for the instructor').fill('Too short');
    await admin.page.getByRole('button', { name: 'Reject course' }).click();
    await expect.poll(() => admin.page.getByText(/at least 10 characters/).count()).toBe(1);
    await screenshot(admin.page, 'authoring-06-reject-dialog');
    await admin.page.getByRole('button', { name: 'Cancel' }).click();
    await expectNoSeriousA11yViolations(admin.page);
    await screenshot(admin.page, 'authoring-07-moderation');
    await admin.page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect
      .poll(() => admin.page.getByText('Course published').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await expect
      // The queue's entry (title · submitted …) is gone; the featured panel now lists the course.
      .poll(() => admin.page.getByRole('button', { name: new RegExp(`${title}.*submitted`) }).count(), {
        timeout: 15_000,
      })
      .toBe(0);
    expect(await admin.page.getByRole('button', { name: `Feature “${title}”` }).count()).toBe(1);
    expect(admin.errors).toEqual([]);

    // The visitor's open catalogue shows it without a reload (newest first).
    await expect
      .poll(() => visitor.page.getByRole('link', { name: title }).count(), { timeout: 30_000 })
      .toBe(1);
    await screenshot(visitor.page, 'authoring-08-catalog-live');
    await visitor.page.getByRole('link', { name: title }).click();
    await expect
      .poll(() => visitor.page.getByRole('heading', { level: 1, name: title }).count(), { timeout: 15_000 })
      .toBe(1);
    await expect
      .poll(() => visitor.page.getByText('Why test components').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => visitor.page.getByText('Mocking modules').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(visitor.page);
    await screenshot(visitor.page, 'authoring-09-course-page');
    expect(visitor.errors).toEqual([]);

    await Promise.all([visitor.context.close(), educator.context.close(), admin.context.close()]);
  });
});

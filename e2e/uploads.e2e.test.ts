// Journey (issue 16 item 5): uploads where a user expects them, through Firebase Storage with a
// progress bar and Cancel — a learner's avatar (resized in the browser to a 256 px square WebP),
// and an educator's lecture video and resource file in the curriculum editor.
//
// It needs the Storage emulator. scripts/lib/emulators.mjs starts it unless the machine is offline
// without firebase-tools' cached Storage rules runtime, and says which it did in
// SV_STORAGE_EMULATOR (firebase-tools sets FIREBASE_STORAGE_EMULATOR_HOST when it runs), as the
// Storage rules tests read it (tests/rules/storage.test.ts). Where it does not run, the upload
// journey is skipped with that reason in its name, and the journey that runs instead checks what a
// user meets there: the upload controls say why they are off, and the URL field keeps working.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCourse } from '../functions/test/course-fixtures';
import { DEMO_EDUCATOR } from '../scripts/seed/demo-accounts';
import { adminSdk, freshVerifiedLearner } from './support/admin-sdk';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  webUrl,
} from './support/browser';

const hasStorageEmulator =
  process.env.SV_STORAGE_EMULATOR !== '0' && Boolean(process.env.FIREBASE_STORAGE_EMULATOR_HOST);

const SUITE = hasStorageEmulator
  ? 'uploads through the Storage emulator'
  : 'uploads through the Storage emulator (skipped: no Storage emulator on this machine — it needs a rules runtime firebase-tools must download)';

const UNAVAILABLE = /Uploads are off here/;

// A 3 × 2 PNG (red): not square, so the resize has to crop it.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAEElEQVR4nGO4o6EBQQxwFgBKnAcJpT391QAAAABJRU5ErkJggg==',
  'base64',
);

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const fileInput = (scope: Page | Locator, label: string) =>
  scope.locator(`input[type="file"][aria-label="${label}"]`);

async function openProfile(page: Page, name: string) {
  const learner = await freshVerifiedLearner(name, 'upload-pass-123', 90_000);
  await signIn(page, learner.email, learner.password, '/dashboard');
  await page.goto(webUrl('/profile'));
  await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor({ timeout: 30_000 });
  return learner;
}

describe.skipIf(!hasStorageEmulator)(SUITE, () => {
  it('uploads an avatar resized to a 256 px WebP, and lecture files with progress and cancel', async () => {
    // 1. The avatar: a 3 × 2 PNG becomes a 256 × 256 WebP in the Photo URL field.
    const { context, page, errors } = await newPage(browser);
    await openProfile(page, 'Uma Upload');
    await fileInput(page, 'Upload a photo').setInputFiles({
      name: 'me.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await expect.poll(() => page.getByText('Uploaded me.png.').count(), { timeout: 30_000 }).toBe(1);
    const photoUrl = await page.getByLabel('Photo URL').inputValue();
    expect(photoUrl).toMatch(/avatars%2F[^%]+%2Favatar-\d+\.webp/);
    const image = await page.evaluate(async (url) => {
      const blob = await (await fetch(url)).blob();
      const bitmap = await createImageBitmap(blob);
      return { type: blob.type, width: bitmap.width, height: bitmap.height };
    }, photoUrl);
    expect(image).toEqual({ type: 'image/webp', width: 256, height: 256 });
    await screenshot(page, 'uploads-01-avatar');
    expect(errors).toEqual([]);
    await context.close();

    // 2. The curriculum editor: a large video cancelled halfway, then a small one and a resource.
    const { db } = adminSdk();
    const { courseId } = await seedCourse(db, {
      instructorId: DEMO_EDUCATOR.uid,
      status: 'draft',
      lectures: 1,
      title: `Uploads ${Date.now().toString(36)}`,
    });
    const educator = await newPage(browser);
    const ep = educator.page;
    const edit = `/educator/courses/${courseId}/edit?tab=curriculum`;
    await signIn(ep, DEMO_EDUCATOR.email, DEMO_EDUCATOR.password, `/educator/courses/${courseId}/edit`);
    if (!ep.url().includes('tab=curriculum')) await ep.goto(webUrl(edit));
    await ep
      .getByRole('button', { name: /Add lecture\s+to / })
      .first()
      .click();
    const dialog = ep.getByRole('dialog', { name: 'Add a lecture' });
    await dialog.getByLabel('Lecture title').waitFor();

    await fileInput(dialog, 'Upload a video').setInputFiles({
      name: 'big.mp4',
      mimeType: 'video/mp4',
      buffer: Buffer.alloc(40 * 1024 * 1024, 1),
    });
    const cancel = dialog.getByRole('button', { name: 'Cancel upload' });
    await cancel.waitFor({ timeout: 15_000 });
    expect(await dialog.getByRole('progressbar', { name: 'Upload a video: progress' }).count()).toBe(1);
    await screenshot(ep, 'uploads-02-video-progress');
    await cancel.click();
    await expect.poll(() => dialog.getByText('Upload cancelled.').count(), { timeout: 15_000 }).toBe(1);
    expect(await dialog.getByLabel('Video link').inputValue()).toBe('');

    await fileInput(dialog, 'Upload a video').setInputFiles({
      name: 'intro.mp4',
      mimeType: 'video/mp4',
      buffer: Buffer.alloc(64 * 1024, 1),
    });
    await expect.poll(() => dialog.getByText('Uploaded intro.mp4.').count(), { timeout: 30_000 }).toBe(1);
    expect(await dialog.getByLabel('Video link').inputValue()).toMatch(/intro\.mp4/);

    await fileInput(dialog, 'Upload a resource file').setInputFiles({
      name: 'notes.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await expect.poll(() => dialog.getByText('Uploaded notes.pdf.').count(), { timeout: 30_000 }).toBe(1);
    expect(
      await dialog
        .getByLabel(/^Resource \d+ name$/)
        .last()
        .inputValue(),
    ).toBe('notes.pdf');
    await expectNoSeriousA11yViolations(ep);
    await screenshot(ep, 'uploads-03-lecture-files');
    expect(educator.errors).toEqual([]);
    await educator.context.close();
  });
});

describe.skipIf(hasStorageEmulator)('uploads without the Storage emulator', () => {
  it('say why they are off, and the Photo URL field keeps working (desktop and 390 px)', async () => {
    const { context, page, errors } = await newPage(browser);
    await openProfile(page, 'Oda Offline');
    // The visible button (the hidden file input it opens has the same name).
    const button = page.locator('button', { hasText: 'Upload a photo' });
    expect(await button.isDisabled()).toBe(true);
    await expect.poll(() => page.getByText(UNAVAILABLE).count()).toBeGreaterThan(0);
    // The control names its reason for assistive tech too.
    const describedBy = (await button.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(UNAVAILABLE);
    await page.getByLabel('Photo URL').fill('https://example.com/me.webp');
    expect(await page.getByLabel('Photo URL').inputValue()).toBe('https://example.com/me.webp');
    await button.scrollIntoViewIfNeeded();
    await screenshot(page, 'uploads-offline-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await button.scrollIntoViewIfNeeded();
    await screenshot(page, 'uploads-offline-390');
    expect(errors).toEqual([]);
    await context.close();
  });
});

// Journey (issue 16 item 14): the profile's skill and availability editors, driven in the browser
// rather than set through the Admin SDK. A learner adds skills they offer and want, removes one,
// sets a time zone and two weekly time slots, removes one, saves — and after a reload the page (and
// the stored profile, and the public profile) show exactly that. Phone (390 px) and desktop.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSdk, freshVerifiedLearner } from './support/admin-sdk';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  webUrl,
} from './support/browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function addSkill(page: Page, noun: string, name: string, level: string) {
  const label = `${noun[0]?.toUpperCase()}${noun.slice(1)}`;
  await page.getByRole('button', { name: `+ Add a ${noun}` }).click();
  // The new row's name field has focus; rows are named "Skill you offer 1", "… 2".
  // (A name field with suggestions is a combobox, so find it by its label.)
  const rows = page.getByLabel(new RegExp(`^${label} \\d+$`));
  const input = rows.last();
  await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
  await input.fill(name);
  const n = await rows.count();
  // "Level for skill you offer 2"; for skills you want, "Your level now for skill you want 1".
  await page.getByLabel(new RegExp(`^(Level|Your level now) for ${noun} ${n}$`)).selectOption(level);
}

describe('profile editors', () => {
  // One learner, edited on a desktop; the reloaded page is also looked at on a 390 px phone.
  for (const [label, viewport] of [['desktop', { width: 1280, height: 860 }]] as const) {
    it(`adds and removes skills and time slots, saves, and a reload shows them (${label})`, async () => {
      const learner = await freshVerifiedLearner(`Pat Profile ${label}`, 'profile-pass-123', 90_000);
      const { db } = adminSdk();
      const { context, page, errors } = await newPage(browser, viewport);
      await signIn(page, learner.email, learner.password, '/dashboard');
      await page.goto(webUrl('/profile'));
      await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor({ timeout: 30_000 });

      await page.getByLabel('Time zone').selectOption('Europe/Berlin');
      await addSkill(page, 'skill you offer', 'TypeScript', 'advanced');
      await addSkill(page, 'skill you offer', 'Cooking', 'beginner');
      await addSkill(page, 'skill you want', 'Japanese', 'beginner');
      // Remove the second offered skill by its named button.
      await page.getByRole('button', { name: 'Remove skill you offer 2 (Cooking)' }).click();

      await page.getByRole('button', { name: '+ Add a time slot' }).click();
      await page.getByLabel('Day for slot 1').selectOption('tue');
      await page.getByLabel('Start time for slot 1').fill('18:00');
      await page.getByLabel('End time for slot 1').fill('20:30');
      await page.getByRole('button', { name: '+ Add a time slot' }).click();
      await page.getByLabel('Day for slot 2').selectOption('sat');
      await page.getByLabel('Start time for slot 2').fill('09:00');
      await page.getByLabel('End time for slot 2').fill('11:00');
      await page.getByRole('button', { name: '+ Add a time slot' }).click();
      await page.getByRole('button', { name: /^Remove slot 3 / }).click();
      await expect.poll(() => page.getByText('You have unsaved changes.').count()).toBe(1);
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `profile-editors-01-edited-${label}`);

      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect.poll(() => page.getByText('All changes saved.').count(), { timeout: 20_000 }).toBe(1);

      // What the browser wrote is what the profile holds.
      const stored = (await db.doc(`users/${learner.uid}`).get()).data() ?? {};
      expect(stored.timezone).toBe('Europe/Berlin');
      expect(stored.offeredSkills).toEqual([{ name: 'TypeScript', level: 'advanced' }]);
      expect(stored.desiredSkills).toEqual([{ name: 'Japanese', level: 'beginner' }]);
      expect(stored.availability).toEqual([
        { day: 'tue', startMin: 18 * 60, endMin: 20 * 60 + 30 },
        { day: 'sat', startMin: 9 * 60, endMin: 11 * 60 },
      ]);

      // A reload shows the saved values in the editors.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor({ timeout: 30_000 });
      await expect
        .poll(() => page.getByLabel('Skill you offer 1', { exact: true }).inputValue())
        .toBe('TypeScript');
      expect(await page.getByLabel('Level for skill you offer 1').inputValue()).toBe('advanced');
      expect(await page.getByLabel(/^Skill you offer \d+$/).count()).toBe(1);
      expect(await page.getByLabel('Skill you want 1', { exact: true }).inputValue()).toBe('Japanese');
      expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin');
      expect(await page.getByLabel('Day for slot 1').inputValue()).toBe('tue');
      expect(await page.getByLabel('Start time for slot 1').inputValue()).toBe('18:00');
      expect(await page.getByLabel('End time for slot 1').inputValue()).toBe('20:30');
      expect(await page.getByLabel('Day for slot 2').inputValue()).toBe('sat');
      expect(await page.getByLabel('End time for slot 2').inputValue()).toBe('11:00');
      expect(await page.getByLabel('Day for slot 3').count()).toBe(0);
      expect(await page.getByText('No changes yet.').count()).toBe(1);
      await screenshot(page, `profile-editors-02-reloaded-${label}`);
      await page.setViewportSize({ width: 390, height: 844 });
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, 'profile-editors-02-reloaded-phone');

      // And the public profile shows the offered skill.
      await page.goto(webUrl(`/u/${learner.uid}`));
      await page.getByText('TypeScript').first().waitFor({ timeout: 20_000 });
      await screenshot(page, `profile-editors-03-public-${label}`);
      expect(errors).toEqual([]);
      await context.close();
    }, 180_000);
  }
});

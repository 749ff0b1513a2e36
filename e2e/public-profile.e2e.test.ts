// Journey: anyone opens a public profile (/u/:uid) and sees each skill's endorsement count and who
// endorsed it most recently (the fields the feedback trigger keeps on users/{uid}; here written as
// the trigger writes them), with links to the endorsers' profiles; the seeded demo learner shows the
// endorsement the seed's exchange feedback earned. Phone (390 px) and desktop, axe on each.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSdk } from './support/admin-sdk';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, webUrl } from './support/browser';

let browser: Browser;
const uid = `e2e-profile-${Date.now().toString(36)}`;

beforeAll(async () => {
  browser = await launchBrowser();
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
  await adminSdk()
    .db.doc(`users/${uid}`)
    .set({
      displayName: 'Farah Designer',
      headline: 'Product designer, 9 years',
      bio: 'I teach Figma and design systems, and I am learning Japanese.',
      skills: [{ name: 'Design systems', level: 'expert' }],
      offeredSkills: [
        { name: 'Figma', level: 'expert' },
        { name: 'UX Design', level: 'advanced' },
      ],
      desiredSkills: [{ name: 'Japanese', level: 'beginner' }],
      availability: [],
      timezone: 'Europe/London',
      onboarded: true,
      roles: ['learner'],
      status: 'active',
      rating: { average: 4.8, count: 5 },
      endorsements: { figma: 4, 'ux design': 1 },
      endorsers: {
        figma: [
          { uid: 'u-kenji-tanaka', name: 'Kenji Tanaka', at: at(1) },
          { uid: 'u-sofia-rossi', name: 'Sofia Rossi', at: at(3) },
          { uid: 'u-liam-oconnor', name: 'Liam O’Connor', at: at(9) },
        ],
        'ux design': [{ uid: 'demo-learner', name: 'Demo Learner', at: at(2) }],
      },
      createdAt: at(100),
      updatedAt: at(1),
    });
});
afterAll(async () => {
  await adminSdk().db.doc(`users/${uid}`).delete();
  await browser?.close();
});

describe('public profile', () => {
  for (const [label, viewport] of [
    ['desktop', { width: 1280, height: 860 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`shows endorsement counts and the most recent endorsers (${label})`, async () => {
      const { page, errors, context } = await newPage(browser, viewport);
      await page.goto(webUrl(`/u/${uid}`));
      await page.getByRole('heading', { level: 1, name: 'Farah Designer' }).waitFor();

      // On the skill chips: the count beside each endorsed skill.
      const figmaChip = page.locator('li', { hasText: /^Figma/ }).first();
      await expect
        .poll(async () => (await figmaChip.textContent())?.replace(/\s+/g, ' '))
        .toContain('4 endorsements');

      // The Endorsements section: most endorsed first, with the last three endorsers by name.
      const endorsed = page.getByRole('list', { name: 'Endorsed skills' }).getByTestId('endorsed-skill');
      await expect.poll(() => endorsed.count()).toBe(2);
      expect((await endorsed.nth(0).textContent())?.replace(/\s+/g, ' ')).toBe(
        'Figma 4 endorsementsMost recently by Kenji Tanaka, Sofia Rossi and Liam O’Connor',
      );
      expect((await endorsed.nth(1).textContent())?.replace(/\s+/g, ' ')).toBe(
        'UX Design 1 endorsementBy Demo Learner',
      );
      expect(await endorsed.nth(0).getByRole('link', { name: 'Kenji Tanaka' }).getAttribute('href')).toBe(
        '/u/u-kenji-tanaka',
      );

      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `public-profile-01-endorsements-${label}`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('shows the endorsement the seeded demo learner earned in an exchange', async () => {
    const { page, errors, context } = await newPage(browser);
    await page.goto(webUrl('/u/demo-learner'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    const endorsed = page.getByRole('list', { name: 'Endorsed skills' }).getByTestId('endorsed-skill');
    await expect.poll(() => endorsed.count()).toBe(1);
    expect((await endorsed.first().textContent())?.replace(/\s+/g, ' ')).toBe(
      'Spanish 1 endorsementBy Sofia Rossi',
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});

// Journey (issue 16 item 6): /settings account section. A learner changes their password (the
// current one first) and signs in with the new one; asks to change their email (a verification link
// from the Auth emulator's out-of-band list, opened, and the new address signs in); and a learner in
// an exchange downloads their data and deletes their account — the other participant's exchange then
// shows "Deleted user". Phone (390 px) and desktop screenshots; axe on the settings page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSdk, freshVerifiedLearner, waitUntil } from './support/admin-sdk';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, signIn } from './support/browser';

let browser: Browser;
const PROJECT = process.env.GCLOUD_PROJECT || 'demo-skillverse';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function changeEmailLink(email: string): Promise<string> {
  const host = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  return waitUntil(async () => {
    const res = await fetch(`http://${host}/emulator/v1/projects/${PROJECT}/oobCodes`);
    const body = (await res.json()) as {
      oobCodes?: { email: string; newEmail?: string; requestType: string; oobLink: string }[];
    };
    // The code is listed under the current address, with the new one in `newEmail`.
    return (body.oobCodes ?? [])
      .filter(
        (c) =>
          c.requestType === 'VERIFY_AND_CHANGE_EMAIL' &&
          [c.email, c.newEmail].some((e) => e?.toLowerCase() === email.toLowerCase()),
      )
      .at(-1)?.oobLink;
  }, `the change-email link for ${email}`);
}

describe('account settings', () => {
  it('changes the password after re-authenticating, and the new one signs in (phone)', async () => {
    const me = await freshVerifiedLearner('Pat Password', 'old-password-1');
    const { page, errors, context } = await newPage(browser, { width: 390, height: 844 });
    await signIn(page, me.email, me.password, '/settings');
    const form = page.getByRole('form', { name: 'Change password' });

    // A wrong current password is refused with a clear message; nothing changes.
    await form.getByLabel('Current password').fill('not-my-password');
    await form.getByLabel('New password', { exact: true }).fill('new-password-2');
    await form.getByLabel('Repeat new password').fill('new-password-2');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('Incorrect email or password').waitFor();

    await form.getByLabel('Current password').fill('old-password-1');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('Your password has been changed.').waitFor();
    await screenshot(page, 'account-settings-password-phone');
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    // Signed out for real (the header offers "Sign in") before /sign-in is opened: a sign-in page
    // that still sees the old session sends the visitor straight on to the redirect.
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor({ timeout: 30_000 });
    await signIn(page, me.email, 'new-password-2', '/settings');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('changes the email through a verification link (desktop)', async () => {
    const me = await freshVerifiedLearner('Eve Email', 'eve-password-1');
    const next = `eve-new-${Date.now()}@example.com`;
    const { page, errors, context } = await newPage(browser);
    await signIn(page, me.email, me.password, '/settings');
    const form = page.getByRole('form', { name: 'Change email' });
    await form.getByLabel('New email address').fill(next);
    await form.getByLabel('Current password').fill(me.password);
    await form.getByRole('button', { name: 'Send verification link' }).click();
    await form.getByText(`We sent a link to ${next}`).waitFor();
    await screenshot(page, 'account-settings-email-desktop');

    // The email changes only once the link is opened.
    expect((await adminSdk().auth.getUser(me.uid)).email).toBe(me.email.toLowerCase());
    const link = await changeEmailLink(next);
    const res = await fetch(link);
    expect(res.ok).toBe(true);
    await waitUntil(
      async () => (await adminSdk().auth.getUser(me.uid)).email === next.toLowerCase(),
      'the new email on the Auth user',
    );
    const fresh = await newPage(browser);
    await signIn(fresh.page, next, me.password, '/settings');
    await fresh.context.close();
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const [label, viewport] of [
    ['desktop', { width: 1280, height: 860 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`downloads my data, deletes my account, and the partner sees "Deleted user" (${label})`, async () => {
      const { db } = adminSdk();
      const [ana, ben] = await Promise.all([
        freshVerifiedLearner(`Ana Leaving ${label}`, 'ana-password-1'),
        freshVerifiedLearner(`Ben Staying ${label}`, 'ben-password-1'),
      ]);
      const exchangeId = `e2e-del-${label}-${Date.now().toString(36)}`;
      const at = new Date(Date.now() - 86_400_000);
      await db.doc(`exchanges/${exchangeId}`).set({
        requesterId: ana.uid,
        providerId: ben.uid,
        participants: [ana.uid, ben.uid],
        offeredSkill: { name: 'Python', level: 'advanced' },
        requestedSkill: { name: 'Figma', level: 'beginner' },
        message: 'Shall we swap?',
        status: 'completed',
        terms: null,
        termsAcceptedBy: [ana.uid, ben.uid],
        completedBy: [ana.uid, ben.uid],
        createdAt: at,
        updatedAt: at,
      });
      await db
        .doc(`exchanges/${exchangeId}/messages/m1`)
        .set({ senderId: ana.uid, text: 'Thanks for the Figma lessons!', attachments: [], createdAt: at });

      const { page, errors, context } = await newPage(browser, viewport);
      await signIn(page, ana.email, ana.password, '/settings');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download my data' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^skillverse-data-\d{4}-\d{2}-\d{2}\.json$/);
      const file = await download.path();
      const { readFile } = await import('node:fs/promises');
      const exported = JSON.parse(await readFile(file, 'utf8'));
      expect(exported.uid).toBe(ana.uid);
      expect(exported.exchanges.map((x: { id: string }) => x.id)).toContain(exchangeId);
      expect(exported.messages.map((m: { text: string }) => m.text)).toContain(
        'Thanks for the Figma lessons!',
      );

      await page.getByRole('button', { name: 'Delete my account…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
      const confirm = dialog.getByRole('button', { name: 'Delete my account' });
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.getByLabel(/Type your email address/).fill(ana.email);
      await dialog.getByLabel('Your password').fill(ana.password);
      await screenshot(page, `account-settings-delete-${label}`);
      await confirm.click();
      await page.getByText('Your account has been deleted').waitFor({ timeout: 60_000 });
      await page.waitForURL((url) => url.pathname === '/');
      await expect(adminSdk().auth.getUser(ana.uid)).rejects.toMatchObject({ code: 'auth/user-not-found' });
      expect(errors).toEqual([]);
      await context.close();

      const other = await newPage(browser, viewport);
      await signIn(other.page, ben.email, ben.password, `/skill-exchange/${exchangeId}`);
      await other.page.getByRole('heading', { name: 'Exchange with Deleted user' }).waitFor();
      await other.page.getByText('Thanks for the Figma lessons!').waitFor();
      await screenshot(other.page, `account-settings-partner-sees-deleted-${label}`);
      expect(other.errors).toEqual([]);
      await other.context.close();
    });
  }
});

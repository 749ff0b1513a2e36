// Journey (issue 16 item 14): "Continue with Google" through the Auth emulator's own sign-in page.
// A new person clicks the button on /sign-up; the popup is the emulator's fake Google page; they
// add an account there and sign in with Google.com; the popup closes and the app, seeing a new
// user, takes them to onboarding — with an Auth account linked to google.com and the profile the
// onUserCreated trigger writes. Offline, Google's gapi library (which the SDK and the emulator's
// pages load from apis.google.com) is replaced by a small stand-in: see
// support/offline-google-sign-in.ts and the README.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSdk, waitUntil } from './support/admin-sdk';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, webUrl } from './support/browser';
import { offlineGoogleSignIn } from './support/offline-google-sign-in';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Continue with Google', () => {
  it('signs a new person up through the Auth emulator’s Google page and starts onboarding', async () => {
    const email = `gia-google-${Date.now()}@example.com`;
    const { context, page, errors } = await newPage(browser, { width: 390, height: 844 });
    await offlineGoogleSignIn(context);
    await page.goto(webUrl('/sign-up'));
    const [popup] = await Promise.all([
      context.waitForEvent('page', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Continue with Google' }).click(),
    ]);

    // The emulator's own page, for the google.com provider.
    await popup.waitForLoadState();
    const url = new URL(popup.url());
    expect(url.pathname).toBe('/emulator/auth/handler');
    expect(url.searchParams.get('providerId')).toBe('google.com');
    await popup.getByText('Add new account').click({ timeout: 20_000 });
    await popup.locator('#email-input').fill(email);
    await popup.locator('#display-name-input').fill('Gia Google');
    await screenshot(popup, 'google-01-emulator-page');
    await Promise.all([popup.waitForEvent('close', { timeout: 30_000 }), popup.locator('#sign-in').click()]);

    // Back in the app: a new user goes to onboarding.
    await page.waitForURL((u) => u.pathname === '/onboarding', { timeout: 30_000 });
    const { auth, db } = adminSdk();
    const user = await auth.getUserByEmail(email);
    expect(user.providerData.map((p) => p.providerId)).toEqual(['google.com']);
    expect(user.displayName).toBe('Gia Google');
    await waitUntil(async () => (await db.doc(`users/${user.uid}`).get()).exists, 'the profile');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'google-02-onboarding');
    expect(errors).toEqual([]);
    await context.close();
  }, 150_000);
});

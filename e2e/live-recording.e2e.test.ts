// Journey (issue 16, item 1, recordings): the host of an ended session adds its recording link on
// the session page (an http:// link is refused with a message first); the learner who registered
// and missed it is told once and sees "Watch the recording" on the session page. In a live room
// without LiveKit, the host's recording controls say why cloud recording is unavailable. Axe on
// every page; screenshots at 1280 and 390 px.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EDUCATOR, DEMO_LEARNER } from '../scripts/seed/demo-accounts';
import { adminSdk, waitUntil } from './support/admin-sdk';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, webUrl } from './support/browser';

let browser: Browser;
const contexts: BrowserContext[] = [];
const pages: Page[] = [];
const stamp = Date.now().toString(36);
const endedId = `ls-e2e-rec-${stamp}`;
const liveId = `ls-e2e-rec-live-${stamp}`;
const TITLE = `Recorded clinic ${stamp}`;
const URL_OK = `https://videos.example.com/clinic-${stamp}.mp4`;

beforeAll(async () => {
  browser = await launchBrowser();
  const { db } = adminSdk();
  const now = Date.now();
  const base = {
    hostId: DEMO_EDUCATOR.uid,
    hostName: DEMO_EDUCATOR.displayName,
    hostPhotoURL: null,
    description: 'Hooks, live.',
    courseId: null,
    durationMin: 60,
    capacity: 30,
    registeredCount: 1,
    recordingEnabled: true,
    createdAt: new Date(now - 3 * 86_400_000),
  };
  // Ended an hour ago; its follow-up already went out (so the link is announced when it comes).
  await db.doc(`liveSessions/${endedId}`).set({
    ...base,
    title: TITLE,
    scheduledAt: new Date(now - 120 * 60_000),
    status: 'ended',
    startedAt: new Date(now - 120 * 60_000),
    endedAt: new Date(now - 60 * 60_000),
    followUpsSentAt: new Date(now - 30 * 60_000),
  });
  await db.doc(`liveSessions/${endedId}/registrations/${DEMO_LEARNER.uid}`).set({
    uid: DEMO_LEARNER.uid,
    displayName: DEMO_LEARNER.displayName,
    registeredAt: new Date(now - 86_400_000),
  });
  // Live without a LiveKit room (the emulators have no LiveKit server).
  await db.doc(`liveSessions/${liveId}`).set({
    ...base,
    title: `Live clinic ${stamp}`,
    scheduledAt: new Date(now - 5 * 60_000),
    status: 'live',
    startedAt: new Date(now - 5 * 60_000),
    attendanceSource: 'presence',
  });
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

async function signedIn(email: string, password: string, path: string, width = 1280) {
  const { context, page, errors } = await newPage(browser, { width, height: 860 });
  contexts.push(context);
  pages.push(page);
  page.on('console', (m) => m.type() === 'error' && console.log('[browser]', m.text()));
  await page.goto(webUrl(`/sign-in?redirect=${encodeURIComponent(path)}`));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === path.split('#')[0], { timeout: 30_000 });
  return { page, errors };
}

describe('Recordings: the host adds the link after the session; a registered learner who missed it watches', () => {
  it('saves a valid https link, tells the registrant once, and shows it to them', async () => {
    try {
      await journey();
    } catch (error) {
      await Promise.all(pages.map((p, i) => screenshot(p, `recording-failure-${i}`).catch(() => undefined)));
      throw error;
    }
  });
});

async function journey() {
  // ---------------------------------------------------------------- the host adds the link
  const host = await signedIn(DEMO_EDUCATOR.email, DEMO_EDUCATOR.password, `/live-sessions/${endedId}`);
  const card = host.page.locator('#recording');
  const field = card.getByLabel('Recording link');
  await expect.poll(() => field.count(), { timeout: 30_000 }).toBe(1);
  await field.fill('http://videos.example.com/insecure.mp4');
  await card.getByRole('button', { name: 'Save link' }).click();
  await expect
    .poll(() => card.getByText('The recording link must be an https:// address').count(), { timeout: 10_000 })
    .toBe(1);
  await field.fill(URL_OK);
  // The first call of this callable in a run may meet a cold functions worker on a busy machine.
  await card.getByRole('button', { name: 'Save link' }).click();
  await expect
    .poll(() => card.getByText('Saved. We told 1 person the recording is ready.').count(), {
      timeout: 90_000,
    })
    .toBe(1);
  await expect
    .poll(() => card.getByRole('button', { name: 'Update link' }).count(), { timeout: 10_000 })
    .toBe(1);
  const { db } = adminSdk();
  const stored = await db.doc(`liveSessions/${endedId}/private/recording`).get();
  expect(stored.get('url')).toBe(URL_OK);
  // The public session document carries no link.
  expect((await db.doc(`liveSessions/${endedId}`).get()).get('recordingUrl')).toBeUndefined();
  await expectNoSeriousA11yViolations(host.page);
  await screenshot(host.page, 'recording-01-host-adds-link');

  // ---------------------------------------------------------------- the live room without LiveKit
  await host.page.goto(webUrl(`/live/${liveId}`));
  await expect
    .poll(() => host.page.getByTestId('recording-unavailable').count(), { timeout: 30_000 })
    .toBe(1);
  expect(await host.page.getByRole('button', { name: 'Start recording' }).count()).toBe(0);
  await expectNoSeriousA11yViolations(host.page);
  await screenshot(host.page, 'recording-02-room-controls-without-livekit');

  // ---------------------------------------------------------------- the registered learner watches
  const notice = await waitUntil(async () => {
    const snap = await db.doc(`notifications/${DEMO_LEARNER.uid}/items/recording_${endedId}`).get();
    return snap.exists ? snap : null;
  }, 'the recording notification');
  expect(notice.get('title')).toBe(`Recording of ${TITLE}`);
  const learner = await signedIn(DEMO_LEARNER.email, DEMO_LEARNER.password, `/live-sessions/${endedId}`);
  const watch = learner.page.getByTestId('recording-link');
  await expect.poll(() => watch.count(), { timeout: 30_000 }).toBe(1);
  expect(await watch.getAttribute('href')).toBe(URL_OK);
  // Learners see the link, not the editor.
  expect(await learner.page.getByLabel('Recording link').count()).toBe(0);
  await expectNoSeriousA11yViolations(learner.page);
  await screenshot(learner.page, 'recording-03-learner-sees-link');

  // ---------------------------------------------------------------- mobile (390 px)
  const mobile = await signedIn(DEMO_LEARNER.email, DEMO_LEARNER.password, `/live-sessions/${endedId}`, 390);
  await expect.poll(() => mobile.page.getByTestId('recording-link').count(), { timeout: 30_000 }).toBe(1);
  await screenshot(mobile.page, 'recording-04-learner-mobile');
  const hostMobile = await signedIn(
    DEMO_EDUCATOR.email,
    DEMO_EDUCATOR.password,
    `/live-sessions/${endedId}`,
    390,
  );
  await expect
    .poll(() => hostMobile.page.locator('#recording').getByLabel('Recording link').count(), {
      timeout: 30_000,
    })
    .toBe(1);
  await screenshot(hostMobile.page, 'recording-05-host-mobile');

  for (const who of [host, learner, mobile, hostMobile]) expect(who.errors).toEqual([]);
}

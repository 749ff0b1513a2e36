// Journey (issue 15, item 4): two people meet in their exchange session's call room. The session
// shows as held (observed) once SkillVerse saw them together for 10 minutes; completing the
// exchange then awards points, and the credential's verify page says "observed: 12 min".
//
// A test cannot wait 10 real minutes. The session started 11 minutes ago and the Admin SDK
// pre-credits the presence both people's call pages would have reported for those 11 minutes
// (exchanges/{id}/sessions/{sid}/presence/{uid}, as exchangeCallHeartbeat writes it, like
// creditObservedWatching stands in for watching). The last minute is real: both browsers open the
// call and their heartbeats (server time) carry the overlap from 11 to 12 minutes.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSdk, waitUntil } from './support/admin-sdk';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, webUrl } from './support/browser';

const PASSWORD = 'call-skills-123';
const MIN = 60_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function person(name: string, offers: string, wants: string) {
  const { auth, db } = adminSdk();
  const email = `${name.toLowerCase()}-call-${Date.now()}@example.com`;
  const user = await auth.createUser({ email, password: PASSWORD, displayName: name, emailVerified: true });
  const ref = db.doc(`users/${user.uid}`);
  await waitUntil(async () => (await ref.get()).exists, `profile of ${name}`);
  await ref.update({
    displayName: name,
    onboarded: true,
    offeredSkills: [{ name: offers, level: 'expert' }],
    desiredSkills: [{ name: wants, level: 'beginner' }],
    timezone: 'UTC',
  });
  return { uid: user.uid, email, name };
}

async function signIn(page: Page, email: string, redirect: string) {
  await page.goto(webUrl(`/sign-in?redirect=${encodeURIComponent(redirect)}`));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === redirect, { timeout: 30_000 });
}

describe('exchange call room', () => {
  it('two people in the call → held (observed) → completion earns points → the credential says "observed: 12 min"', async () => {
    const ada = await person('Ada', 'Esperanto', 'Haskell');
    const ben = await person('Ben', 'Haskell', 'Esperanto');
    const { db } = adminSdk();

    // An agreed, active exchange with a session that started 11 minutes ago (planned yesterday).
    const exchangeId = `call-${Date.now()}`;
    const startedAt = Date.now() - 11 * MIN - 5_000;
    await db.doc(`exchanges/${exchangeId}`).set({
      requesterId: ada.uid,
      providerId: ben.uid,
      participants: [ada.uid, ben.uid],
      people: {
        [ada.uid]: { displayName: 'Ada', photoURL: null },
        [ben.uid]: { displayName: 'Ben', photoURL: null },
      },
      offeredSkill: 'Esperanto',
      requestedSkill: 'Haskell',
      message: 'Swap?',
      status: 'active',
      terms: { commitmentHours: 4, frequency: 'weekly', cancellationPolicy: '24 hours notice' },
      termsAcceptedBy: [ada.uid, ben.uid],
      completedBy: [],
      milestones: [],
      createdAt: new Date(Date.now() - 2 * 86_400_000),
      updatedAt: new Date(),
    });
    const sessionId = 'first-call';
    const sessionRef = db.doc(`exchanges/${exchangeId}/sessions/${sessionId}`);
    await sessionRef.set({
      scheduledAt: new Date(startedAt),
      durationMin: 30,
      status: 'scheduled',
      notes: 'Esperanto basics',
      createdBy: ada.uid,
      createdAt: new Date(Date.now() - 86_400_000),
      updatedAt: new Date(Date.now() - 86_400_000),
    });

    const a = await newPage(browser);
    const b = await newPage(browser);
    const roomPath = `/skill-exchange/${exchangeId}`;
    await signIn(a.page, ada.email, roomPath);
    await signIn(b.page, ben.email, roomPath);

    // The session offers "Join call" (open from 5 minutes before the start until its end).
    const join = (page: Page) => page.getByRole('link', { name: 'Join call' });
    await expect.poll(() => join(a.page).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => join(b.page).count(), { timeout: 20_000 }).toBe(1);
    await screenshot(a.page, 'exchange-call-01-join');

    // The 11 minutes before now, as both call pages would have reported them (see the header).
    // The start is set again here so that exactly 11 minutes are behind them when they join.
    const seededAt = Date.now();
    const startedNow = seededAt - 11 * MIN - 2_000;
    await sessionRef.update({ scheduledAt: new Date(startedNow) });
    for (const uid of [ada.uid, ben.uid]) {
      await db.doc(`exchanges/${exchangeId}/sessions/${sessionId}/presence/${uid}`).set({
        uid,
        intervals: [{ from: new Date(startedNow), to: new Date(seededAt) }],
        openSince: null,
        lastSeenAt: new Date(),
        sources: { heartbeat: true },
        updatedAt: new Date(),
      });
    }
    await join(a.page).click();
    await join(b.page).click();
    const callPath = `${roomPath}/sessions/${sessionId}/call`;
    await a.page.waitForURL((url) => url.pathname === callPath);
    await b.page.waitForURL((url) => url.pathname === callPath);
    await expect.poll(() => a.page.getByRole('heading', { level: 1, name: 'Call with Ben' }).count()).toBe(1);
    // No LiveKit server in the emulators: the room says so and works without video.
    await expect.poll(() => a.page.getByTestId('video-unavailable').count(), { timeout: 20_000 }).toBe(1);
    // Both heartbeats landed: each sees the other, and the session is held (observed).
    await expect
      .poll(() => a.page.getByTestId('partner-presence').textContent(), { timeout: 45_000 })
      .toBe('Here');
    await expect.poll(() => b.page.getByText('Session held').count(), { timeout: 45_000 }).toBe(1);
    await expectNoSeriousA11yViolations(b.page);
    await screenshot(b.page, 'exchange-call-02-held');

    // The last minute together is real: both stay until 12 minutes are observed.
    for (const page of [a.page, b.page]) {
      await expect
        .poll(() => page.getByTestId('observed-minutes').textContent(), { timeout: 150_000, interval: 2_000 })
        .toBe('Together in the call: 12 min observed');
    }
    await screenshot(a.page, 'exchange-call-03-twelve-minutes');
    const held = (await sessionRef.get()).data() ?? {};
    expect(held.status).toBe('held');
    expect(held.held).toMatchObject({ evidence: 'observed', observedMinutes: 12 });

    // Back in the exchange: the session shows as held; both complete and rate.
    await a.page.goto(webUrl(roomPath));
    await b.page.goto(webUrl(roomPath));
    await expect.poll(() => a.page.getByText('Held (observed: 12 min)').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => a.page.getByText('1 of 1 held').count()).toBe(1);
    await screenshot(a.page, 'exchange-call-04-room-held');
    await a.page.getByRole('button', { name: 'Confirm completion' }).click();
    await expect
      .poll(() => b.page.getByText('Ada confirmed the exchange is complete', { exact: false }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    await b.page.getByRole('button', { name: 'Confirm completion' }).click();
    await expect
      .poll(() => a.page.getByTestId('exchange-status').textContent(), { timeout: 20_000 })
      .toBe('Completed');
    for (const [page, partner] of [
      [a.page, 'Ben'],
      [b.page, 'Ada'],
    ] as const) {
      await page.locator('label').filter({ hasText: '5 stars' }).click();
      await page.getByRole('button', { name: 'Submit rating' }).click();
      await expect
        .poll(() => page.getByText(`Your rating of ${partner}`).count(), { timeout: 20_000 })
        .toBe(1);
    }

    // Completion awarded points (the session was held), and the credentials were issued.
    for (const uid of [ada.uid, ben.uid]) {
      await waitUntil(
        async () => (await db.doc(`users/${uid}/pointEvents/exchange_${exchangeId}`).get()).get('appliedAt'),
        'points applied',
      );
    }
    expect((await db.doc(`users/${ada.uid}`).get()).get('gamification.points')).toBe(75);
    const cert = await waitUntil(async () => {
      const snap = await db
        .collection('certificates')
        .where('uid', '==', ada.uid)
        .where('exchangeId', '==', exchangeId)
        .get();
      const doc = snap.docs[0];
      return doc?.get('credentialJwt') ? doc : null;
    }, 'exchange credential signed');

    // The verify page states what was seen, plainly.
    await a.page.goto(webUrl(`/certificates/${cert.id}/verify`));
    await expect
      .poll(() => a.page.getByText(/Session 1 — observed: 12 min/).count(), { timeout: 30_000 })
      .toBe(1);
    await expectNoSeriousA11yViolations(a.page);
    await screenshot(a.page, 'exchange-call-05-verify-observed');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.context.close();
    await b.context.close();
  }, 480_000);
});

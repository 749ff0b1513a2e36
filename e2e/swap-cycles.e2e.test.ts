// Journey: three people, none of whom can swap skills directly with another, are proposed a group
// swap. Yara teaches Falk yodelling, Falk teaches Oren falconry, Oren teaches Yara origami.
// The daily job (its handler, run here through the Admin SDK) proposes the cycle. Yara, signed in
// at 390 px, sees it under "Group swaps" with who teaches whom and the shared time in her zone,
// and accepts. The other two accept through the same handler the callable calls. Her card turns
// "On", the room opens, and a message Falk posts appears live.
//
// Yara is a fresh account, not the seeded demo learner. The job sweeps the whole seeded database,
// and the demo learner's seeded exchanges and matches would decide whether she is a candidate at
// all; a fresh account with skills nobody else has is in exactly one cycle. afterAll removes
// everything the job wrote for anyone.
import { FieldValue } from 'firebase-admin/firestore';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycleIdFor } from '../domain/src/swap-cycles';
import { respondToSwapCycle, runSwapCycles } from '../functions/src/exchange/swap-cycles';
import { adminSdk, waitUntil } from './support/admin-sdk';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, webUrl } from './support/browser';

const PASSWORD = 'cycle-pass-123';
const STAMP = Date.now();
const EMAIL = `yara-${STAMP}@skillverse.test`;
const AVAILABILITY = [{ day: 'mon', startMin: 540, endMin: 720 }];

let browser: Browser;
const uids = { yara: '', falk: '', oren: '' };
let cycleId = '';

async function createPerson(name: string, email: string, offered: string, desired: string): Promise<string> {
  const { auth, db } = adminSdk();
  const user = await auth.createUser({ email, password: PASSWORD, displayName: name, emailVerified: true });
  await waitUntil(
    async () => (await db.doc(`users/${user.uid}/private/account`).get()).exists,
    `${name}'s account`,
  );
  await db.doc(`users/${user.uid}`).update({
    displayName: name,
    onboarded: true,
    firstGoal: 'exchange',
    timezone: 'Europe/Paris',
    availability: AVAILABILITY,
    offeredSkills: [{ name: offered, level: 'advanced' }],
    desiredSkills: [{ name: desired, level: 'beginner' }],
    // The matching trigger writes these too (the same values); set here so the job needs no wait.
    offeredSkillKeys: [offered.toLowerCase()],
    desiredSkillKeys: [desired.toLowerCase()],
  });
  return user.uid;
}

beforeAll(async () => {
  browser = await launchBrowser();
  uids.yara = await createPerson('Yara Cycle', EMAIL, 'Yodelling', 'Origami');
  uids.falk = await createPerson('Falk Cycle', `falk-${STAMP}@skillverse.test`, 'Falconry', 'Yodelling');
  uids.oren = await createPerson('Oren Cycle', `oren-${STAMP}@skillverse.test`, 'Origami', 'Falconry');
  cycleId = cycleIdFor([uids.yara, uids.falk, uids.oren]);
  const { db } = adminSdk();
  const result = await runSwapCycles(db, new Date(), { appUrl: webUrl('/') });
  expect(result.proposed).toBeGreaterThanOrEqual(1);
  // Run twice: nothing new.
  expect((await runSwapCycles(db, new Date(), { appUrl: webUrl('/') })).notified).toBe(0);
  await waitUntil(async () => (await db.doc(`exchangeCycles/${cycleId}`).get()).exists, 'the proposal');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  const { auth, db } = adminSdk();
  const cycles = await db.collection('exchangeCycles').get();
  const writer = db.bulkWriter();
  for (const cycle of cycles.docs) {
    for (const uid of (cycle.get('participants') as string[]) ?? []) {
      for (const suffix of ['proposed', 'active', 'declined']) {
        const id = `cycle_${cycle.id}_${suffix}`;
        writer.delete(db.doc(`notifications/${uid}/items/${id}`));
        writer.delete(db.doc(`mailLog/${uid}_${id}`));
      }
    }
  }
  writer.delete(db.doc('jobState/swapCycles'));
  await writer.close();
  await db.recursiveDelete(db.collection('exchangeCycles'));
  for (const uid of Object.values(uids).filter(Boolean)) {
    await db.recursiveDelete(db.doc(`users/${uid}`));
    await db.recursiveDelete(db.doc(`notifications/${uid}`));
    await auth.deleteUser(uid).catch(() => undefined);
  }
}, 120_000);

async function signIn(page: Page, redirect: string) {
  await page.goto(webUrl(`/sign-in?redirect=${encodeURIComponent(redirect)}`));
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === redirect, { timeout: 30_000 });
}

describe('swap cycles', () => {
  it('proposes the group swap, all three accept, and the group room chats live', async () => {
    const { context, page, errors } = await newPage(browser, { width: 390, height: 844 });
    await signIn(page, '/skill-exchange');

    const card = page.getByRole('article', { name: /Falk Cycle/ });
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => card.getByText(/You\s+teach\s+Falk Cycle\s+Yodelling/).count()).toBe(1);
    await expect.poll(() => card.getByText(/Oren Cycle\s+teaches\s+you\s+Origami/).count()).toBe(1);
    await expect.poll(() => card.getByText('Monday 09:00–12:00 (Europe/Paris)').count()).toBe(1);
    await expect.poll(() => card.getByText('Waiting for answers').count()).toBe(1);
    // The order is told from her side: she teaches first, and learns from the third.
    expect(await card.getByRole('heading', { level: 3 }).textContent()).toBe('You, Falk Cycle, Oren Cycle');
    await expectNoSeriousA11yViolations(page);
    // Full-page capture from the top, so the sticky header is drawn where it belongs.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'swap-cycles-01-proposal-mobile');

    // Accept with the keyboard.
    await card.getByRole('button', { name: 'Accept' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => card.getByText('You accepted. The room opens when the other two accept.').count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await expect.poll(() => card.getByText('You: accepted').count()).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'swap-cycles-02-accepted-mobile');

    const { db } = adminSdk();
    for (const uid of [uids.falk, uids.oren]) {
      await respondToSwapCycle({ db, now: new Date() }, { uid, token: {} }, { cycleId, decision: 'accept' });
    }
    await expect.poll(() => card.getByText('On: all three accepted').count(), { timeout: 30_000 }).toBe(1);
    await card.getByRole('link', { name: 'Open the group room' }).click();
    await page.waitForURL((url) => url.pathname === `/skill-exchange/cycles/${cycleId}`, { timeout: 20_000 });
    await expect
      .poll(() => page.getByRole('heading', { name: 'Group room' }).count(), { timeout: 20_000 })
      .toBe(1);
    await expect
      .poll(() => page.getByText('No messages yet.', { exact: false }).count(), { timeout: 20_000 })
      .toBe(1);

    // Yara writes; Falk's message (written as Falk) arrives live.
    await page.getByLabel('Message to the group').fill('Hello both! Monday 10:00 works for me.');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(
        () =>
          page
            .getByRole('log', { name: 'Messages' })
            .getByText('Hello both! Monday 10:00 works for me.')
            .count(),
        {
          timeout: 20_000,
        },
      )
      .toBe(1);
    // Her message is on the server before Falk answers, and his gets the server's time as a client's would.
    await waitUntil(
      async () =>
        (await db.collection(`exchangeCycles/${cycleId}/messages`).where('senderId', '==', uids.yara).get())
          .size === 1,
      'her message on the server',
    );
    await db.collection(`exchangeCycles/${cycleId}/messages`).add({
      senderId: uids.falk,
      text: 'Great, see you then. I will bring the falcon.',
      createdAt: FieldValue.serverTimestamp(),
    });
    await expect
      .poll(
        () =>
          page
            .getByRole('log', { name: 'Messages' })
            .getByText('I will bring the falcon.', { exact: false })
            .count(),
        {
          timeout: 20_000,
        },
      )
      .toBe(1);
    // Oldest first: hers, then his.
    const texts = await page.getByRole('log', { name: 'Messages' }).getByRole('listitem').allTextContents();
    expect(texts.map((t) => (t.includes('falcon') ? 'falk' : 'yara'))).toEqual(['yara', 'falk']);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Group swap: You, Falk Cycle, Oren Cycle');
    await expectNoSeriousA11yViolations(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'swap-cycles-03-room-mobile');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows “not found” for a group swap that does not exist or is not hers', async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, `/skill-exchange/cycles/cyc_doesnotexist00`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Group swap not found' }).count(), { timeout: 20_000 })
      .toBe(1);
    await expectNoSeriousA11yViolations(page);
    await expect
      .poll(() => page.getByText('It doesn’t exist, or you are not one of its three people.').count())
      .toBe(1);
    await screenshot(page, 'swap-cycles-04-not-found');
    expect(errors).toEqual([]);
    await context.close();
  });
});

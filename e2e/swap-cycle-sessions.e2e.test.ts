// Journey (issue 16, item 7): a swap cycle that finishes. Yara, Falk and Oren are in an active group
// swap (Yara teaches Falk yodelling, Falk teaches Oren falconry, Oren teaches Yara origami). Their
// group session started 11 minutes ago; all three open the group call, SkillVerse sees them together
// and the session is held (observed). After it ends all three confirm it took place and rate their
// teacher; the cycle completes and Yara sees what she earned. The proposal card explains the score.
//
// Yara drives the browser (390 px, then desktop). Falk and Oren are driven through the same handlers
// their callables run (recordCycleHeartbeat, confirmCycleSession), as the swap-cycles journey does
// for respondToSwapCycle. A test cannot wait 10 real minutes: the Admin SDK pre-credits the presence
// the three call pages would have reported for those 11 minutes (as the exchange-call journey does),
// and "the session ends" by moving it back in time, planned in advance as before.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCycleHeartbeat } from '../functions/src/exchange/call';
import { confirmCycleSession } from '../functions/src/exchange/cycle-sessions';
import { adminSdk, waitUntil } from './support/admin-sdk';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, webUrl } from './support/browser';

const PASSWORD = 'cycle-session-123';
const STAMP = Date.now();
const EMAIL = `yara-gs-${STAMP}@skillverse.test`;
const MIN = 60_000;

let browser: Browser;
const uids = { yara: '', falk: '', oren: '' };
const cycleId = `cyc_e2e_${STAMP}`;
const sessionId = 'group-1';

async function createPerson(name: string, email: string): Promise<string> {
  const { auth, db } = adminSdk();
  const user = await auth.createUser({ email, password: PASSWORD, displayName: name, emailVerified: true });
  await waitUntil(
    async () => (await db.doc(`users/${user.uid}/private/account`).get()).exists,
    `${name}'s account`,
  );
  await db.doc(`users/${user.uid}`).update({ displayName: name, onboarded: true, timezone: 'Europe/Paris' });
  return user.uid;
}

beforeAll(async () => {
  browser = await launchBrowser();
  uids.yara = await createPerson('Yara Group', EMAIL);
  uids.falk = await createPerson('Falk Group', `falk-gs-${STAMP}@skillverse.test`);
  uids.oren = await createPerson('Oren Group', `oren-gs-${STAMP}@skillverse.test`);
  const { db } = adminSdk();
  const { yara, falk, oren } = uids;
  // An active cycle as proposeSwapCycles writes it and respondToSwapCycle activates it.
  await db.doc(`exchangeCycles/${cycleId}`).set({
    participants: [yara, falk, oren],
    edges: [
      { from: yara, to: falk, skill: 'Yodelling', skillKey: 'yodelling', alternatives: ['alphorn'] },
      { from: falk, to: oren, skill: 'Falconry', skillKey: 'falconry', alternatives: [] },
      { from: oren, to: yara, skill: 'Origami', skillKey: 'origami', alternatives: [] },
    ],
    people: {
      [yara]: { displayName: 'Yara Group', photoURL: null },
      [falk]: { displayName: 'Falk Group', photoURL: null },
      [oren]: { displayName: 'Oren Group', photoURL: null },
    },
    window: { startMin: 540, endMin: 720 },
    sharedMinutes: 180,
    score: 67,
    status: 'active',
    acceptedBy: [yara, falk, oren],
    declinedBy: null,
    notified: true,
    createdAt: new Date(Date.now() - 3 * 86_400_000),
    updatedAt: new Date(),
    expiresAt: new Date(Date.now() + 4 * 86_400_000),
    activatedAt: new Date(Date.now() - 2 * 86_400_000),
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  const { auth, db } = adminSdk();
  const people = Object.values(uids).filter(Boolean);
  const writer = db.bulkWriter();
  for (const uid of people) {
    for (const group of ['entries', 'members', 'results']) {
      const rows = await db.collectionGroup(group).where('uid', '==', uid).get();
      for (const row of rows.docs) writer.delete(row.ref);
    }
    const certs = await db.collection('certificates').where('uid', '==', uid).get();
    for (const c of certs.docs) writer.delete(c.ref);
    writer.delete(db.doc(`credentialIssuance/cycle_${cycleId}_${uid}`));
    const pairs = await db.collection('exchangePairs').where('lastCycleId', '==', cycleId).get();
    for (const p of pairs.docs) writer.delete(p.ref);
    const mail = await db.collection('mailLog').where('uid', '==', uid).get();
    for (const m of mail.docs) writer.delete(m.ref);
  }
  await writer.close();
  await db.recursiveDelete(db.doc(`exchangeCycles/${cycleId}`));
  for (const uid of people) {
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

describe('swap cycle group sessions', () => {
  it('a group session held by all three, all confirm, the cycle completes and Yara sees her reward', async () => {
    const { db } = adminSdk();
    const sessionRef = db.doc(`exchangeCycles/${cycleId}/sessions/${sessionId}`);
    const startedAt = Date.now() - 11 * MIN - 2_000;
    await sessionRef.set({
      scheduledAt: new Date(startedAt),
      durationMin: 30,
      status: 'scheduled',
      notes: 'Round one: yodel, falcon, fold',
      createdBy: uids.yara,
      createdAt: new Date(Date.now() - 86_400_000),
      updatedAt: new Date(Date.now() - 86_400_000),
    });
    const seededAt = Date.now();
    for (const uid of Object.values(uids)) {
      await db.doc(`exchangeCycles/${cycleId}/sessions/${sessionId}/presence/${uid}`).set({
        uid,
        intervals: [{ from: new Date(startedAt), to: new Date(seededAt) }],
        openSince: null,
        lastSeenAt: new Date(seededAt),
        sources: { heartbeat: true },
        updatedAt: new Date(seededAt),
      });
    }

    const { context, page, errors } = await newPage(browser, { width: 390, height: 844 });
    const roomPath = `/skill-exchange/cycles/${cycleId}`;
    await signIn(page, roomPath);
    const join = page.getByRole('link', { name: 'Join group call' });
    await expect.poll(() => join.count(), { timeout: 30_000 }).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'swap-cycle-sessions-01-room-mobile');

    // Falk's and Oren's call pages report presence; Yara opens the call.
    for (const uid of [uids.falk, uids.oren]) {
      await recordCycleHeartbeat({ db, now: new Date() }, { uid, token: {} } as never, {
        cycleId,
        sessionId,
      });
    }
    await join.click();
    await page.waitForURL((url) => url.pathname === `${roomPath}/sessions/${sessionId}/call`, {
      timeout: 20_000,
    });
    await expect.poll(() => page.getByTestId('video-unavailable').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByText('Session held').count(), { timeout: 45_000 }).toBe(1);
    await expect
      .poll(async () => (await page.getByTestId('member-presence').allTextContents()).join(','), {
        timeout: 30_000,
      })
      .toBe('Here,Here');
    await expect
      .poll(() => page.getByTestId('observed-minutes').textContent())
      .toMatch(/All three together in the call: 1[12] min observed/);
    await expectNoSeriousA11yViolations(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'swap-cycle-sessions-02-group-call-held-mobile');
    const held = (await sessionRef.get()).data() ?? {};
    expect(held.status).toBe('held');
    expect(held.held?.evidence).toBe('observed');

    // The session ends (moved back in time, still planned in advance). Falk and Oren confirm.
    const s = (await sessionRef.get()).data() ?? {};
    await sessionRef.update({
      scheduledAt: new Date(s.scheduledAt.toMillis() - 40 * MIN),
      createdAt: new Date(s.createdAt.toMillis() - 40 * MIN),
    });
    for (const uid of [uids.falk, uids.oren]) {
      await confirmCycleSession({ db, now: new Date() }, { uid, token: {} } as never, {
        cycleId,
        sessionId,
        rating: 5,
      });
    }
    await page.goto(webUrl(roomPath));
    await expect
      .poll(() => page.getByText('Confirmed it took place: 2 of 3', { exact: false }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await page.getByLabel('How did Oren Group teach you?').selectOption('5');
    await page.getByRole('button', { name: 'Confirm it took place' }).click();
    await expect.poll(() => page.getByTestId('cycle-completed').count(), { timeout: 45_000 }).toBe(1);
    await expect
      .poll(() => page.getByTestId('cycle-completed').textContent(), { timeout: 30_000 })
      .toContain('You earned 75 points for teaching Yodelling');
    await expectNoSeriousA11yViolations(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'swap-cycle-sessions-03-completed-mobile');

    // The points reached her profile and the league (teaching: doubled there).
    await waitUntil(
      async () => (await db.doc(`users/${uids.yara}/pointEvents/cycle_${cycleId}`).get()).get('leagueAt'),
      'points applied',
    );
    expect((await db.doc(`users/${uids.yara}`).get()).get('gamification.points')).toBeGreaterThanOrEqual(75);
    expect((await db.doc(`users/${uids.yara}`).get()).get('stats.exchangesCompleted')).toBe(1);
    expect(errors).toEqual([]);
    await context.close();

    // Desktop: the proposal card explains the score; the room shows the completed cycle.
    const desk = await newPage(browser);
    await signIn(desk.page, '/skill-exchange');
    const card = desk.page.getByRole('article', { name: /Falk Group/ });
    await expect.poll(() => card.getByTestId('cycle-score').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => card.getByText('Match score 67/100 — why').count()).toBe(1);
    await expect
      .poll(() =>
        card.getByText(/You give\s+Yodelling\s+to Falk Group and get\s+Origami\s+from Oren Group/).count(),
      )
      .toBe(1);
    await expect.poll(() => card.getByText(/Shared time: 40\/40/).count()).toBe(1);
    await card.scrollIntoViewIfNeeded();
    await screenshot(desk.page, 'swap-cycle-sessions-04-score-desktop');
    await desk.page.goto(webUrl(roomPath));
    await expect.poll(() => desk.page.getByTestId('cycle-completed').count(), { timeout: 30_000 }).toBe(1);
    await screenshot(desk.page, 'swap-cycle-sessions-05-completed-desktop');
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  }, 480_000);
});

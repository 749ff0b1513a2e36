// Journey: the live room on LiveKit's React components (issue 16, item 11). There is no LiveKit
// server here, so the attendee's join token is answered by the page (a token for a LiveKit Cloud
// URL whose WebSocket the page holds open without answering): the room shows LiveKit's connecting
// state, the listener's controls and the device select, then the failure with "Try again". The
// host — whose room says video needs a server — rewords a poll until a vote is counted (then the
// options are locked), and removes the attendee: their room closes at once, and a reload (or a
// new token) does not let them back in.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EDUCATOR } from '../scripts/seed/demo-accounts';
import { adminSdk, freshVerifiedLearner, waitUntil } from './support/admin-sdk';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, signIn } from './support/browser';

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

const count = (page: Page, text: string | RegExp) => page.getByText(text).count();

/** A JWT-shaped token (the page never sends it anywhere real). */
function fakeJwt(identity: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: identity, video: { roomJoin: true } })}.sig`;
}

/** Answers getLiveKitToken in the page, and holds LiveKit's signalling WebSocket open, silent. */
async function fakeLiveKit(page: Page, identity: string): Promise<void> {
  await page.route(/\/getLiveKitToken$/, async (route) => {
    const cors = {
      'access-control-allow-origin': route.request().headers().origin ?? '*',
      'access-control-allow-headers': '*',
      'access-control-allow-methods': 'POST, OPTIONS',
    };
    if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    return route.fulfill({
      status: 200,
      headers: { ...cors, 'content-type': 'application/json' },
      body: JSON.stringify({
        result: {
          token: fakeJwt(identity),
          url: 'wss://e2e.livekit.cloud',
          identity,
          canPublish: false,
          isHost: false,
          ttlSec: 600,
        },
      }),
    });
  });
  await page.routeWebSocket(/livekit\.cloud/, () => {
    // Accepted and never answered: LiveKit stays "connecting" until its join timeout.
  });
}

describe('live room on LiveKit components: connecting, devices, poll lock, removal', () => {
  it('shows the room states reachable without a LiveKit server, locks voted polls and keeps a removed attendee out', async () => {
    const { auth, db } = adminSdk();
    const hostUid = (await auth.getUserByEmail(DEMO_EDUCATOR.email)).uid;
    const rita = await freshVerifiedLearner('Rita Roomtest', 'rita-pass-123');
    const sessionId = `e2e-room-${Date.now()}`;
    const title = `Room components ${Date.now()}`;
    await db.doc(`liveSessions/${sessionId}`).set({
      hostId: hostUid,
      hostName: DEMO_EDUCATOR.displayName,
      title,
      description: 'Components check',
      courseId: null,
      scheduledAt: new Date(Date.now() - 5 * 60_000),
      durationMin: 60,
      capacity: 10,
      status: 'live',
      registeredCount: 1,
      recordingEnabled: false,
      createdAt: new Date(),
      startedAt: new Date(),
      attendanceSource: 'presence',
    });
    await db
      .doc(`liveSessions/${sessionId}/registrations/${rita.uid}`)
      .set({ uid: rita.uid, registeredAt: new Date() });

    // ------------------------------------------------ the attendee, on a phone, on LiveKit's UI
    const phone = await newPage(browser, { width: 390, height: 844 });
    contexts.push(phone.context);
    const attendee = phone.page;
    await fakeLiveKit(attendee, rita.uid);
    await signIn(attendee, rita.email, rita.password, `/live/${sessionId}`);
    const room = attendee.getByTestId('video-room');
    await expect.poll(() => room.count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => room.getByRole('status').filter({ hasText: 'Connecting to video…' }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await expect.poll(() => count(attendee, 'You’re listening. Raise your hand to ask to speak.')).toBe(1);
    expect(await attendee.getByLabel('Speaker').count()).toBe(1);
    expect(await attendee.getByRole('button', { name: 'Leave' }).count()).toBe(1);
    await screenshot(attendee, 'live-room-01-connecting-390');
    await expectNoSeriousA11yViolations(attendee);

    // LiveKit gives up (no join answer): the room says so and offers to try again.
    await expect
      .poll(() => count(attendee, 'Couldn’t connect to the video room'), { timeout: 40_000 })
      .toBe(1);
    expect(await attendee.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    await screenshot(attendee, 'live-room-02-connect-failed-390');

    // ------------------------------------------------ the host: a poll, reworded until a vote
    const desk = await newPage(browser);
    contexts.push(desk.context);
    const host = desk.page;
    host.on('dialog', (dialog) => void dialog.accept());
    await signIn(host, DEMO_EDUCATOR.email, DEMO_EDUCATOR.password, `/live/${sessionId}`);
    await expect.poll(() => count(host, 'Video needs a LiveKit server'), { timeout: 30_000 }).toBe(1);
    await host.getByLabel('Poll question').fill('Which hook next?');
    await host.getByLabel('Options (one per line)').fill('useMemo\nuseRef');
    await host.getByRole('button', { name: 'Open poll' }).click();
    await host.getByRole('button', { name: 'Edit options' }).click();
    await host.getByLabel('Options for this poll (one per line)').fill('useMemo\nuseRef\nuseId');
    await host.getByRole('button', { name: 'Save options' }).click();
    await expect
      .poll(() => attendee.getByRole('button', { name: 'useId' }).count(), { timeout: 15_000 })
      .toBe(1);
    await attendee.getByRole('button', { name: 'useId' }).click();
    // Counted by the server (onPollVoteCreated; a busy emulator may take a minute), the options lock.
    await expect.poll(() => host.getByTestId('poll-options-locked').count(), { timeout: 120_000 }).toBe(1);
    expect(await host.getByRole('button', { name: 'Edit options' }).count()).toBe(0);
    await screenshot(host, 'live-room-03-poll-locked-desktop');

    // ------------------------------------------------ the host removes the attendee
    const remove = host.getByRole('button', { name: 'Remove Rita Roomtest from the session' });
    await expect.poll(() => remove.count(), { timeout: 30_000 }).toBe(1);
    await remove.click();
    await expect.poll(() => count(attendee, 'You were removed from this room'), { timeout: 20_000 }).toBe(1);
    await screenshot(attendee, 'live-room-04-removed-390');
    await waitUntil(
      async () => (await db.doc(`liveSessions/${sessionId}/removed/${rita.uid}`).get()).exists,
      'the removal record',
    );
    // Coming back: the same notice, and the chat is closed to them.
    await attendee.reload();
    await expect.poll(() => count(attendee, 'You were removed from this room'), { timeout: 20_000 }).toBe(1);
    await expectNoSeriousA11yViolations(attendee);
    await attendee.setViewportSize({ width: 1280, height: 860 });
    await screenshot(attendee, 'live-room-05-removed-desktop');
  }, 300_000);
});

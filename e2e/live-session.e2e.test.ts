// Journey: an educator schedules a live session, two learners register, the host goes live, and
// in three browser windows they chat, raise a hand, ask and upvote a question, and vote in a poll
// whose results update everywhere; then the host ends it. No LiveKit server exists here, so the
// room says video needs one and everything else works (SPEC §7).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EDUCATOR, DEMO_LEARNER, SEED_USER_PASSWORD } from '../scripts/seed/demo-accounts';
import { adminSdk, waitUntil } from './support/admin-sdk';
import { launchBrowser, newPage, screenshot, seriousA11yViolations, webUrl } from './support/browser';

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

async function expectNoSeriousA11yViolations(page: Page) {
  const violations = await seriousA11yViolations(page);
  expect(
    violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

const pages: Page[] = [];

/** On failure, a screenshot of every window helps to see why. */
async function screenshotAll(prefix: string) {
  await Promise.all(pages.map((p, i) => screenshot(p, `${prefix}-${i}`).catch(() => undefined)));
}

async function signedIn(
  email: string,
  password: string,
  path: string,
): Promise<{ page: Page; errors: string[] }> {
  const { context, page, errors } = await newPage(browser);
  contexts.push(context);
  pages.push(page);
  page.on('dialog', (dialog) => void dialog.accept());
  page.on('pageerror', (e) =>
    console.log('[pageerror]', e.name, e.message.slice(0, 800), (e.stack ?? '').slice(0, 800)),
  );
  page.on(
    'console',
    (m) => (m.type() === 'error' || m.type() === 'warning') && console.log('[browser]', m.text()),
  );
  await page.goto(webUrl(`/sign-in?redirect=${encodeURIComponent(path)}`));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === path.split('#')[0], { timeout: 30_000 });
  return { page, errors };
}

const count = (page: Page, text: string | RegExp) => page.getByText(text).count();

describe('live session: schedule → register → go live → chat, hands, Q&A, polls → end', () => {
  // Three browsers, an early start refused, then the whole session: longer than the default.
  it('runs a session with a host and two attendees in three windows', async () => {
    try {
      await journey();
    } catch (error) {
      await screenshotAll('live-failure');
      throw error;
    }
  }, 240_000);
});

async function journey() {
  const title = `Live hooks clinic ${Date.now()}`;

  // ---------------------------------------------------------------- the host schedules it
  const host = await signedIn(DEMO_EDUCATOR.email, DEMO_EDUCATOR.password, '/educator/sessions');
  await expect.poll(() => count(host.page, 'Your live sessions'), { timeout: 20_000 }).toBeGreaterThan(0);
  await host.page.getByRole('button', { name: 'Schedule a session' }).click();
  // Validation first: an empty title is refused with a clear message.
  await host.page.getByRole('button', { name: 'Schedule session' }).click();
  await expect.poll(() => count(host.page, 'Give the session a title.'), { timeout: 10_000 }).toBe(1);
  await screenshot(host.page, 'live-01-schedule-validation');
  await host.page.getByLabel('Title').fill(title);
  await host.page.getByLabel('Description').fill('Bring your useEffect bugs.');
  await host.page.getByLabel('Capacity (seats)').fill('10');
  await expectNoSeriousA11yViolations(host.page);
  await host.page.getByRole('button', { name: 'Schedule session' }).click();
  const link = host.page.getByRole('link', { name: title });
  await expect.poll(() => link.count(), { timeout: 15_000 }).toBe(1);
  await screenshot(host.page, 'live-02-educator-sessions');
  const href = (await link.getAttribute('href')) ?? '';
  const sessionId = href.split('/').pop() ?? '';
  expect(sessionId).not.toBe('');

  // ---------------------------------------------------------------- two learners register
  const alice = await signedIn(DEMO_LEARNER.email, DEMO_LEARNER.password, `/live-sessions/${sessionId}`);
  const bob = await signedIn('ana.lopez@skillverse.dev', SEED_USER_PASSWORD, `/live-sessions/${sessionId}`);
  for (const [who, name] of [
    [alice, 'alice'],
    [bob, 'bob'],
  ] as const) {
    await expect.poll(() => count(who.page, title), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => count(who.page, /Eddie Educator/), { timeout: 20_000 }).toBeGreaterThan(0);
    await who.page.getByRole('button', { name: 'Register', exact: true }).click();
    await expect.poll(() => count(who.page, 'You’re registered.'), { timeout: 45_000 }).toBe(1);
    await screenshot(who.page, `live-03-registered-${name}`);
  }
  await expect.poll(() => count(bob.page, '8 of 10 seats left'), { timeout: 10_000 }).toBe(1);
  await expectNoSeriousA11yViolations(bob.page);

  // The session shows in the public list.
  await alice.page.goto(webUrl('/live-sessions'));
  await expect.poll(() => alice.page.getByRole('link', { name: title }).count(), { timeout: 15_000 }).toBe(1);
  await expectNoSeriousA11yViolations(alice.page);
  await screenshot(alice.page, 'live-04-list');

  // ---------------------------------------------------------------- the host goes live
  // Scheduled for tomorrow: going live now is refused, and the host is told from when it opens.
  await host.page.goto(webUrl(`/live/${sessionId}`));
  await host.page.getByRole('button', { name: 'Go live' }).click();
  await expect
    .poll(() => count(host.page, /You can go live from 10 minutes before the scheduled start/), {
      timeout: 20_000,
    })
    .toBeGreaterThan(0);
  await screenshot(host.page, 'live-04b-too-early');
  // The clock moves on (Admin SDK): the session now starts in 5 minutes, so it may go live.
  const { db, auth } = adminSdk();
  await db.doc(`liveSessions/${sessionId}`).update({ scheduledAt: new Date(Date.now() + 5 * 60_000) });
  await host.page.reload();
  await host.page.getByRole('button', { name: 'Go live' }).click();
  await expect.poll(() => count(host.page, 'Video needs a LiveKit server'), { timeout: 20_000 }).toBe(1);
  await expect
    .poll(() => host.page.getByRole('button', { name: 'End session' }).count(), { timeout: 10_000 })
    .toBe(1);

  // The list's "Live now" updates in real time.
  await expect
    .poll(
      () => alice.page.getByRole('region', { name: 'Live now' }).getByRole('link', { name: title }).count(),
      {
        timeout: 15_000,
      },
    )
    .toBe(1);

  for (const who of [alice, bob]) {
    await who.page.goto(webUrl(`/live/${sessionId}`));
    await expect.poll(() => count(who.page, 'Video needs a LiveKit server'), { timeout: 20_000 }).toBe(1);
  }
  await expect
    .poll(() => host.page.getByRole('list', { name: 'People in the room' }).getByRole('listitem').count(), {
      timeout: 15_000,
    })
    .toBe(3);

  // ---------------------------------------------------------------- chat
  await alice.page.getByLabel('Message', { exact: true }).fill('Hello from Lena!');
  await alice.page.getByRole('button', { name: 'Send', exact: true }).click();
  for (const who of [host, alice, bob]) {
    await expect.poll(() => count(who.page, 'Hello from Lena!'), { timeout: 10_000 }).toBe(1);
  }

  // ---------------------------------------------------------------- raise hand; the host lowers it
  await bob.page.getByRole('button', { name: 'Raise hand' }).click();
  const hostHands = host.page.getByTestId('raised-hand');
  await expect.poll(() => hostHands.count(), { timeout: 10_000 }).toBe(1);
  await expect.poll(() => hostHands.first().textContent(), { timeout: 10_000 }).toMatch(/Ana López/);
  await screenshot(host.page, 'live-05-host-hand-raised');
  await hostHands.first().getByRole('button', { name: 'Lower', exact: true }).click();
  await expect.poll(() => hostHands.count(), { timeout: 10_000 }).toBe(0);
  await expect
    .poll(() => bob.page.getByRole('button', { name: 'Raise hand' }).count(), { timeout: 10_000 })
    .toBe(1);

  // ---------------------------------------------------------------- ask and upvote
  const question = 'When should I reach for useReducer?';
  await alice.page.getByLabel('Your question', { exact: true }).fill(question);
  await alice.page.getByRole('button', { name: 'Ask', exact: true }).click();
  const upvote = bob.page.getByRole('button', { name: `upvote: ${question}` });
  await expect.poll(() => upvote.count(), { timeout: 10_000 }).toBe(1);
  await upvote.click();
  for (const who of [host, alice, bob]) {
    await expect
      .poll(() => who.page.getByRole('button', { name: `1 upvote, upvote: ${question}` }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
  }
  await host.page.getByRole('button', { name: 'Mark answered' }).click();
  await expect
    .poll(() => alice.page.getByTestId('question').getByText('Answered').count(), { timeout: 10_000 })
    .toBe(1);

  // ---------------------------------------------------------------- a poll with live results
  await host.page.getByLabel('Poll question').fill('What next?');
  await host.page.getByLabel('Options (one per line)').fill('Custom hooks\nuseMemo');
  await host.page.getByRole('button', { name: 'Open poll' }).click();
  await expect
    .poll(() => alice.page.getByRole('button', { name: 'Custom hooks' }).count(), { timeout: 10_000 })
    .toBe(1);
  await alice.page.getByRole('button', { name: 'Custom hooks' }).click();
  await expect.poll(() => count(host.page, '1 vote · 100%'), { timeout: 10_000 }).toBe(1);
  await bob.page.getByRole('button', { name: 'useMemo' }).click();
  for (const who of [host, alice, bob]) {
    await expect.poll(() => count(who.page, '1 vote · 50%'), { timeout: 10_000 }).toBe(2);
  }
  await expectNoSeriousA11yViolations(alice.page);
  await screenshot(host.page, 'live-06-room-host');
  await screenshot(alice.page, 'live-07-room-attendee');

  // ---------------------------------------------------------------- the host ends it
  // Presence shows the profiles' names (the rules refuse any other).
  const people = host.page.getByRole('list', { name: 'People in the room' });
  await expect.poll(() => people.getByText('Ana López').count(), { timeout: 10_000 }).toBe(1);
  // Half an hour passes (Admin SDK): the session started 30 minutes ago and both attendees have
  // been in the room, heartbeating, for the last 20.
  const [lena, ana] = await Promise.all([
    auth.getUserByEmail(DEMO_LEARNER.email),
    auth.getUserByEmail('ana.lopez@skillverse.dev'),
  ]);
  await waitUntil(
    async () =>
      (await db.doc(`liveSessions/${sessionId}/presence/${lena.uid}`).get()).exists &&
      (await db.doc(`liveSessions/${sessionId}/presence/${ana.uid}`).get()).exists,
    'both attendees’ presence',
  );
  const ago = (min: number) => new Date(Date.now() - min * 60_000);
  await db.doc(`liveSessions/${sessionId}`).update({ startedAt: ago(30) });
  for (const uid of [lena.uid, ana.uid]) {
    await db
      .doc(`liveSessions/${sessionId}/presence/${uid}`)
      .update({ joinedAt: ago(20), lastSeenAt: ago(0.5) });
  }
  await host.page.getByRole('button', { name: 'End session' }).click();
  for (const who of [host, alice, bob]) {
    await expect.poll(() => count(who.page, 'This session has ended'), { timeout: 20_000 }).toBe(1);
  }
  // The host reads why hosting points were earned.
  await expect
    .poll(() => host.page.getByTestId('hosting-outcome').first().textContent(), { timeout: 20_000 })
    .toMatch(/Hosting points earned: 2 attendees were present 10 min or more/);
  // …beside what the platform observed, against what hosting points need.
  const observed = host.page.getByRole('list', { name: 'What we observed' }).first();
  await expect
    .poll(() => observed.getByRole('listitem').allTextContents(), { timeout: 10_000 })
    .toEqual([
      expect.stringMatching(/^Session ran:\s*30 min( \d+ s)?\s*\(met: at least 15 min\)$/),
      expect.stringMatching(/^Attendees present 10 min or more:\s*2\s*\(met: at least 2\)$/),
    ]);
  await expectNoSeriousA11yViolations(host.page);
  await screenshot(host.page, 'live-08b-ended-host-hosting-points');
  await screenshot(bob.page, 'live-08-ended');

  // Feedback from an attendee; the host sees it with the attendance.
  await alice.page.getByRole('link', { name: 'Leave feedback' }).click();
  await expect.poll(() => count(alice.page, 'How was it?'), { timeout: 20_000 }).toBe(1);
  await alice.page.getByRole('radio', { name: '5 out of 5' }).check({ force: true });
  await expect.poll(() => alice.page.getByRole('radio', { name: '5 out of 5' }).isChecked()).toBe(true);
  await alice.page.getByLabel('Comment').fill('Clear and practical.');
  await alice.page.getByRole('button', { name: 'Send feedback' }).click();
  await expect.poll(() => count(alice.page, 'Thanks for your feedback'), { timeout: 20_000 }).toBe(1);
  await expectNoSeriousA11yViolations(alice.page);
  await host.page.getByRole('link', { name: 'See attendance' }).click();
  await expect.poll(() => count(host.page, /Feedback: 5\.0 \/ 5/), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => host.page.getByRole('table').getByRole('row').count(), { timeout: 15_000 }).toBe(3);
  await expect
    .poll(() => host.page.getByRole('table').getByRole('cell', { name: 'Earned' }).count(), {
      timeout: 15_000,
    })
    .toBe(2);
  await expect.poll(() => count(host.page, 'Hosting points earned'), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect
    .poll(() =>
      host.page
        .getByRole('table')
        .getByRole('cell', { name: /^(19|20|21) min$/ })
        .count(),
    )
    .toBe(2);
  await expect
    .poll(() => host.page.getByRole('list', { name: 'What we observed' }).getByRole('listitem').count())
    .toBe(2);
  await screenshot(host.page, 'live-09-attendance');
  await expectNoSeriousA11yViolations(host.page);

  for (const who of [host, alice, bob]) expect(who.errors).toEqual([]);
}

// Journey (issue 8, "Q&A that teaches"): in a live session linked to React Fundamentals, the host
// writes an answer in the room, ends the session, and publishes the answered question as FAQ on a
// lecture; an enrolled learner finds it under that lecture in the player. The learner's own
// question went unanswered: the session page suggests people who teach the course's skill and
// opens a prefilled skill-exchange request. Axe on every page; screenshots at 1280 and 390 px.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EDUCATOR, DEMO_LEARNER } from '../scripts/seed/demo-accounts';
import { adminSdk, waitUntil } from './support/admin-sdk';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, webUrl } from './support/browser';

const COURSE = 'c-react-fundamentals';
const LECTURE = 'l04'; // "useState and re-rendering"
const LECTURE_TITLE = 'useState and re-rendering';

let browser: Browser;
const contexts: BrowserContext[] = [];
const pages: Page[] = [];
const sessionId = `ls-e2e-faq-${Date.now()}`;
const stamp = Date.now().toString(36);
const ANSWERED = `Why does my counter show the old value right after setCount? (${stamp})`;
const OPEN = `How do I animate a list when items are added? (${stamp})`;
const ANSWER =
  'The setter schedules a new render; the variable in this render keeps its value. Read the new one next render, or use an updater.';

beforeAll(async () => {
  browser = await launchBrowser();
  // A session of the demo educator's React course, live since half an hour, with two questions:
  // one from another attendee (to be answered and published), one from the demo learner (left open).
  const { db } = adminSdk();
  const now = Date.now();
  await db.doc(`liveSessions/${sessionId}`).set({
    hostId: DEMO_EDUCATOR.uid,
    hostName: DEMO_EDUCATOR.displayName,
    hostPhotoURL: null,
    title: `State clinic ${stamp}`,
    description: 'Questions about useState, live.',
    courseId: COURSE,
    scheduledAt: new Date(now - 30 * 60_000),
    durationMin: 60,
    capacity: 30,
    status: 'live',
    registeredCount: 1,
    recordingEnabled: false,
    startedAt: new Date(now - 30 * 60_000),
    createdAt: new Date(now - 2 * 86_400_000),
  });
  await db
    .doc(`liveSessions/${sessionId}/registrations/u-yuki-sato`)
    .set({ uid: 'u-yuki-sato', displayName: 'Yuki Sato', registeredAt: new Date(now - 86_400_000) });
  await db.doc(`liveSessions/${sessionId}/questions/qa-answer`).set({
    authorId: 'u-yuki-sato',
    text: ANSWERED,
    upvoterIds: [DEMO_LEARNER.uid],
    answered: false,
    createdAt: new Date(now - 20 * 60_000),
  });
  await db.doc(`liveSessions/${sessionId}/questions/qa-open`).set({
    authorId: DEMO_LEARNER.uid,
    text: OPEN,
    upvoterIds: [],
    answered: false,
    createdAt: new Date(now - 10 * 60_000),
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
  page.on('dialog', (dialog) => void dialog.accept());
  page.on('console', (m) => m.type() === 'error' && console.log('[browser]', m.text()));
  await page.goto(webUrl(`/sign-in?redirect=${encodeURIComponent(path)}`));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === path.split('?')[0], { timeout: 30_000 });
  return { page, errors };
}

/** Matches of `text` (exact: the whole text of an element, so screen-reader-only labels that quote it do not count). */
const count = (page: Page, text: string | RegExp, exact = false) => page.getByText(text, { exact }).count();

describe('Q&A that teaches: answer → end → publish FAQ → learner reads it; open question → ask a teacher', () => {
  it('turns an answered question into lecture FAQ and an open one into an exchange request', async () => {
    try {
      await journey();
    } catch (error) {
      await Promise.all(pages.map((p, i) => screenshot(p, `faq-failure-${i}`).catch(() => undefined)));
      throw error;
    }
  });
});

async function journey() {
  // ---------------------------------------------------------------- the host answers in the room
  const host = await signedIn(DEMO_EDUCATOR.email, DEMO_EDUCATOR.password, `/live/${sessionId}`);
  await expect.poll(() => count(host.page, ANSWERED, true), { timeout: 30_000 }).toBe(1);
  // An empty answer is refused with a message.
  const roomQuestion = host.page.getByTestId('question').filter({ hasText: ANSWERED });
  await roomQuestion.getByRole('button', { name: /^Write answer/ }).click();
  await roomQuestion.getByRole('button', { name: 'Save answer' }).click();
  await expect.poll(() => count(host.page, 'Write the answer first'), { timeout: 10_000 }).toBe(1);
  await roomQuestion.getByLabel(/^Answer/).fill(ANSWER);
  await roomQuestion.getByRole('button', { name: 'Save answer' }).click();
  await expect.poll(() => count(host.page, ANSWER), { timeout: 15_000 }).toBe(1);
  const { db } = adminSdk();
  const q = await db.doc(`liveSessions/${sessionId}/questions/qa-answer`).get();
  expect(q.get('answered')).toBe(true);
  expect(q.get('answeredAt')).toBeTruthy();

  // ---------------------------------------------------------------- … ends the session
  await host.page.getByRole('button', { name: 'End session' }).click();
  await expect.poll(() => count(host.page, 'This session has ended'), { timeout: 30_000 }).toBe(1);

  // ---------------------------------------------------------------- … and publishes the answer
  await host.page.goto(webUrl(`/live-sessions/${sessionId}#after-session`));
  await expect.poll(() => count(host.page, 'After the session'), { timeout: 30_000 }).toBe(1);
  const row = host.page.getByTestId('answered-question').filter({ hasText: ANSWERED });
  const lecture = row.getByLabel(/^Lecture/);
  await expect.poll(() => lecture.locator('option').count(), { timeout: 20_000 }).toBeGreaterThan(3);
  await lecture.selectOption(LECTURE);
  await row.getByRole('button', { name: /^Publish as FAQ/ }).click();
  await expect.poll(() => count(host.page, `Published · ${LECTURE_TITLE}`), { timeout: 20_000 }).toBe(1);
  const faqId = `${sessionId}_qa-answer`;
  const entry = await waitUntil(async () => {
    const snap = await db.doc(`courses/${COURSE}/lectures/${LECTURE}/faq/${faqId}`).get();
    return snap.exists ? snap : null;
  }, 'the FAQ entry');
  expect(entry.get('answer')).toBe(ANSWER);
  // The open question is listed for answering later.
  expect(await host.page.getByTestId('open-question').count()).toBe(1);
  await expectNoSeriousA11yViolations(host.page);
  await screenshot(host.page, 'faq-01-host-after-session');

  // ---------------------------------------------------------------- an enrolled learner reads it
  const learner = await signedIn(DEMO_LEARNER.email, DEMO_LEARNER.password, `/learn/${COURSE}/${LECTURE}`);
  const faq = learner.page.getByTestId('lecture-faq');
  await expect.poll(() => faq.getByText('FAQ from live sessions').count(), { timeout: 30_000 }).toBe(1);
  const summary = faq.locator('summary', { hasText: ANSWERED });
  await expect.poll(() => summary.count(), { timeout: 20_000 }).toBe(1);
  // Collapsed until opened (from the keyboard).
  expect(await faq.getByText(ANSWER).isVisible()).toBe(false);
  await summary.focus();
  await learner.page.keyboard.press('Enter');
  await expect.poll(() => faq.getByText(ANSWER).isVisible(), { timeout: 5_000 }).toBe(true);
  expect(await faq.getByText(`State clinic ${stamp}`, { exact: false }).count()).toBe(1);
  await expectNoSeriousA11yViolations(learner.page);
  // Back to the top: a full-page capture of a scrolled page draws the sticky header mid-page.
  await learner.page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(learner.page, 'faq-02-player-lecture-faq');

  // ---------------------------------------------------------------- the open question: ask a teacher
  await learner.page.goto(webUrl(`/live-sessions/${sessionId}#follow-up`));
  const followUp = learner.page.locator('#follow-up');
  await expect.poll(() => followUp.getByText(OPEN, { exact: true }).count(), { timeout: 30_000 }).toBe(1);
  // The answered question (which the learner upvoted) is not listed as open.
  expect(await followUp.getByText(ANSWERED).count()).toBe(0);
  await expect
    .poll(() => followUp.getByRole('heading', { name: 'Ask someone who teaches JavaScript' }).count(), {
      timeout: 20_000,
    })
    .toBe(1);
  const teachers = followUp.getByTestId('suggested-teacher');
  const names = await teachers.allTextContents();
  expect(names.join(' | ')).toContain('Liam O');
  // Neither the host nor the asker is suggested.
  expect(names.join(' | ')).not.toContain(DEMO_EDUCATOR.displayName);
  expect(names.join(' | ')).not.toContain(DEMO_LEARNER.displayName);
  expect(await teachers.count()).toBeLessThanOrEqual(5);
  await expectNoSeriousA11yViolations(learner.page);
  await screenshot(learner.page, 'faq-03-follow-up');

  await teachers
    .filter({ hasText: 'Liam O' })
    .getByRole('link', { name: /^Ask Liam/ })
    .click();
  await learner.page.waitForURL((url) => url.pathname === '/skill-exchange', { timeout: 20_000 });
  const dialog = learner.page.getByRole('dialog');
  await expect.poll(() => dialog.getByText('Swap skills with Liam').count(), { timeout: 30_000 }).toBe(1);
  expect(await dialog.getByLabel('I want to learn').inputValue()).toBe('JavaScript');
  expect(await dialog.getByLabel('Message').inputValue()).toContain(OPEN);
  // The prefill is consumed: reloading does not reopen the form.
  expect(new URL(learner.page.url()).search).toBe('');
  await expectNoSeriousA11yViolations(learner.page);
  await screenshot(learner.page, 'faq-04-prefilled-request');

  // ---------------------------------------------------------------- mobile (390 px)
  const mobile = await signedIn(
    DEMO_LEARNER.email,
    DEMO_LEARNER.password,
    `/live-sessions/${sessionId}`,
    390,
  );
  await expect
    .poll(() => mobile.page.locator('#follow-up').getByText(OPEN, { exact: true }).count(), {
      timeout: 30_000,
    })
    .toBe(1);
  await expect
    .poll(() => mobile.page.getByTestId('suggested-teacher').count(), { timeout: 20_000 })
    .toBeGreaterThan(0);
  await screenshot(mobile.page, 'faq-05-follow-up-mobile');
  await mobile.page.goto(webUrl(`/learn/${COURSE}/${LECTURE}`));
  await expect
    .poll(() => mobile.page.getByText('FAQ from live sessions').count(), { timeout: 30_000 })
    .toBe(1);
  await mobile.page.locator('summary', { hasText: ANSWERED }).click();
  await expectNoSeriousA11yViolations(mobile.page);
  await mobile.page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(mobile.page, 'faq-06-player-faq-mobile');
  const hostMobile = await signedIn(
    DEMO_EDUCATOR.email,
    DEMO_EDUCATOR.password,
    `/live-sessions/${sessionId}`,
    390,
  );
  await expect.poll(() => count(hostMobile.page, 'After the session'), { timeout: 30_000 }).toBe(1);
  await expect
    .poll(() => count(hostMobile.page, `Published · ${LECTURE_TITLE}`), { timeout: 20_000 })
    .toBe(1);
  await screenshot(hostMobile.page, 'faq-07-host-after-session-mobile');

  for (const who of [host, learner, mobile, hostMobile]) expect(who.errors).toEqual([]);
}

// Journeys (issue 16 item 14) in the course player:
// - resume at position: a learner plays a lecture's video part way and pauses; the player saves the
//   position on the enrolment; after a reload — and when they come back from the dashboard's
//   "Resume" — the video starts where they left off;
// - lecture resources: a lecture with resources lists them (each says it opens in a new tab) and
//   each opens.
// The video and the resources are served by a small local server (no internet): the "video" is a
// WAV file, which Chromium's <video> plays like any media file (real duration, real seeking).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCourse } from '../functions/test/course-fixtures';
import { DEMO_EDUCATOR } from '../scripts/seed/demo-accounts';
import { adminSdk, freshVerifiedLearner, waitUntil } from './support/admin-sdk';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  webUrl,
} from './support/browser';

const VIDEO_SECONDS = 40;
const RESUME_AT = 17;

/** A silent mono 8-bit 8 kHz WAV of `seconds` seconds. */
function silentWav(seconds: number): Buffer {
  const rate = 8000;
  const data = rate * seconds;
  const b = Buffer.alloc(44 + data, 0x80);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(1, 22); // mono
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate, 28); // byte rate
  b.writeUInt16LE(1, 32); // block align
  b.writeUInt16LE(8, 34); // bits per sample
  b.write('data', 36);
  b.writeUInt32LE(data, 40);
  return b;
}

const FILES: Record<string, { type: string; body: Buffer }> = {
  '/lesson.wav': { type: 'audio/wav', body: silentWav(VIDEO_SECONDS) },
  '/cheat-sheet.txt': {
    type: 'text/plain; charset=utf-8',
    body: Buffer.from('Hooks cheat sheet: call hooks at the top level, never in loops.\n'),
  },
  '/exercises.txt': {
    type: 'text/plain; charset=utf-8',
    body: Buffer.from('Exercise 1: write a custom hook.\n'),
  },
};

let browser: Browser;
let server: Server;
let mediaBase = '';

beforeAll(async () => {
  browser = await launchBrowser();
  // Serves the files with byte ranges, as a CDN would (media elements seek with Range requests).
  server = createServer((req, res) => {
    const file = FILES[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const size = file.body.length;
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    const headers = {
      'Content-Type': file.type,
      'Accept-Ranges': 'bytes',
      'Access-Control-Allow-Origin': '*',
    };
    if (range) {
      const start = range[1] ? Number(range[1]) : size - Number(range[2]);
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      res.writeHead(206, {
        ...headers,
        'Content-Range': `bytes ${start}-${end}/${size}`,
        'Content-Length': end - start + 1,
      });
      res.end(file.body.subarray(start, end + 1));
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': size });
    res.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mediaBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const video = (page: Page) => page.locator('video').first();

/** The video's duration once its metadata loaded, and its current position. */
async function playerState(page: Page): Promise<{ duration: number; time: number } | null> {
  return video(page).evaluate((el: HTMLVideoElement) =>
    el.readyState >= 1 ? { duration: el.duration, time: el.currentTime } : null,
  );
}

describe('course player', () => {
  it('resumes the video where the learner left off, after a reload and from the dashboard', async () => {
    const { db } = adminSdk();
    const { courseId } = await seedCourse(db, {
      instructorId: DEMO_EDUCATOR.uid,
      lectures: 2,
      title: 'Hooks, Slowly',
      instructorName: 'Eddie Educator',
    });
    await db.doc(`courses/${courseId}/lectures/l1`).update({
      title: 'useEffect, step by step',
      videoUrl: `${mediaBase}/lesson.wav`,
      durationSec: VIDEO_SECONDS,
      body: 'Effects run after render. Clean up what you start.',
    });
    const learner = await freshVerifiedLearner('Remy Resume', 'resume-pass-123', 90_000);
    const { context, page, errors } = await newPage(browser);
    await signIn(page, learner.email, learner.password, '/dashboard');
    await page.goto(webUrl(`/courses/${courseId}`));
    await page.getByRole('button', { name: 'Enrol for free' }).click({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Start learning' }).click({ timeout: 60_000 });
    await page.waitForURL(new RegExp(`/learn/${courseId}/l1$`), { timeout: 20_000 });

    // A fresh start: from 0.
    await expect.poll(() => playerState(page), { timeout: 20_000 }).toMatchObject({ time: 0 });
    expect((await playerState(page))?.duration).toBeCloseTo(VIDEO_SECONDS, 0);

    // Watch part way: play (muted: no user gesture here), jump ahead, pause — the player saves.
    await video(page).evaluate(async (el: HTMLVideoElement, at: number) => {
      el.muted = true;
      await el.play();
      await new Promise((resolve) => {
        el.addEventListener('seeked', resolve, { once: true });
        el.currentTime = at;
      });
      el.pause();
    }, RESUME_AT);
    const enrolment = db.doc(`enrollments/${courseId}_${learner.uid}`);
    await waitUntil(
      async () => (await enrolment.get()).get('lastPositionSec') === RESUME_AT,
      'the saved position',
      20_000,
    );
    expect((await enrolment.get()).get('lastLectureId')).toBe('l1');
    await screenshot(page, 'player-resume-01-paused');

    // Reload: the player resumes there.
    await page.reload();
    await expect
      .poll(async () => Math.floor((await playerState(page))?.time ?? -1), { timeout: 20_000 })
      .toBe(RESUME_AT);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'player-resume-02-reloaded');

    // Come back later from the dashboard: "Resume" opens the same lecture at the same place.
    await page.goto(webUrl('/dashboard'));
    // The button reads "Resume" with the course's title for screen readers (a visually hidden
    // ": Hooks, Slowly", which Chromium's name computation may set off with a space).
    await page.getByRole('link', { name: /^Resume\s*: Hooks, Slowly$/ }).click({ timeout: 30_000 });
    await page.waitForURL(new RegExp(`/learn/${courseId}/l1$`), { timeout: 20_000 });
    await expect
      .poll(async () => Math.floor((await playerState(page))?.time ?? -1), { timeout: 20_000 })
      .toBe(RESUME_AT);
    await screenshot(page, 'player-resume-03-from-dashboard');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  // One learner on a 390 px phone; the list is also looked at on a desktop width.
  for (const [label, viewport] of [['phone', { width: 390, height: 844 }]] as const) {
    it(`lists a lecture's resources and each opens in a new tab (${label})`, async () => {
      const { db } = adminSdk();
      const { courseId } = await seedCourse(db, {
        instructorId: DEMO_EDUCATOR.uid,
        lectures: 1,
        title: `Resources ${label}`,
        instructorName: 'Eddie Educator',
      });
      await db.doc(`courses/${courseId}/lectures/l1`).update({
        title: 'Custom hooks',
        body: 'Extract a hook when two components share stateful logic.',
        resources: [
          { title: 'Hooks cheat sheet', url: `${mediaBase}/cheat-sheet.txt` },
          { title: 'Exercises', url: `${mediaBase}/exercises.txt` },
        ],
      });
      const learner = await freshVerifiedLearner(`Rita Resources ${label}`, 'resources-pass-123', 90_000);
      const { context, page, errors } = await newPage(browser, viewport);
      await signIn(page, learner.email, learner.password, '/dashboard');
      await page.goto(webUrl(`/courses/${courseId}`));
      await page.getByRole('button', { name: 'Enrol for free' }).click({ timeout: 60_000 });
      await page.getByRole('link', { name: 'Start learning' }).click({ timeout: 60_000 });
      await page.waitForURL(new RegExp(`/learn/${courseId}/l1$`), { timeout: 20_000 });

      const section = page.getByRole('region', { name: 'Resources' });
      await section.waitFor({ timeout: 20_000 });
      const links = section.getByRole('link');
      expect(await links.count()).toBe(2);
      const cheat = section.getByRole('link', { name: 'Hooks cheat sheet (opens in a new tab)' });
      expect(await cheat.getAttribute('href')).toBe(`${mediaBase}/cheat-sheet.txt`);
      expect(await cheat.getAttribute('rel')).toContain('noopener');
      await section.scrollIntoViewIfNeeded();
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `player-resources-01-${label}`);
      await page.setViewportSize({ width: 1280, height: 860 });
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, 'player-resources-01-desktop');

      for (const [name, path, text] of [
        ['Hooks cheat sheet', '/cheat-sheet.txt', 'Hooks cheat sheet'],
        ['Exercises', '/exercises.txt', 'Exercise 1'],
      ] as const) {
        const [tab] = await Promise.all([
          context.waitForEvent('page'),
          section.getByRole('link', { name: `${name} (opens in a new tab)` }).click(),
        ]);
        await tab.waitForLoadState();
        expect(tab.url()).toBe(`${mediaBase}${path}`);
        expect(await tab.textContent('body')).toContain(text);
        await tab.close();
      }
      // The player stayed where it was.
      expect(page.url()).toMatch(new RegExp(`/learn/${courseId}/l1$`));
      expect(errors).toEqual([]);
      await context.close();
    }, 180_000);
  }
});

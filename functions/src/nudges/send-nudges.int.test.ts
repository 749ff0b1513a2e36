// The hourly nudge job on the Firestore emulator. The handler is called directly with an injected
// `now`, on a database of its own ('nudges-tests', emptied before each test) that no deployed
// trigger watches and no other test writes, so the job sees exactly the people seeded here.
// No SendGrid key: mail goes to mailLog through the default mailer, and is counted there.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import { getApps } from 'firebase-admin/app';
import { type Firestore, getFirestore } from 'firebase-admin/firestore';
import { beforeEach, describe, expect, it } from 'vitest';
import { emulatorsRunning, projectId, seedProfile, testDb, uniqueId } from '../../test/emulator';
import { createSendGridMailer } from '../notifications/mailer';
import { jobStateRef } from '../lib/data/job-state';
import type { NudgeOptions } from './nudge-run';
import { runNudges } from './send-nudges';

const DATABASE = 'nudges-tests';
const APP_URL = 'https://skillverse.test';
const HOUR = 3600_000;
const DAY = 24 * HOUR;
// A Wednesday, 12:00 UTC: inside 09:00–20:00 in London, 07:00 in New York.
const NOW = new Date('2026-11-25T12:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

function db(): Firestore {
  testDb(); // initialises the app
  const app = getApps()[0];
  if (!app) throw new Error('no app');
  return getFirestore(app, DATABASE);
}

async function clearDatabase(): Promise<void> {
  const host = process.env.FIRESTORE_EMULATOR_HOST;
  const res = await fetch(
    `http://${host}/emulator/v1/projects/${projectId}/databases/${DATABASE}/documents`,
    { method: 'DELETE' },
  );
  if (!res.ok) throw new Error(`clearing ${DATABASE} failed: ${res.status}`);
}

const run = (now: Date, options: NudgeOptions = {}) => runNudges(db(), now, { appUrl: APP_URL, ...options });

interface LearnerOptions {
  lastActiveAt?: Date | null;
  timezone?: string;
  status?: string;
  prefs?: Record<string, unknown>;
  currentStreak?: number;
  lastActiveDay?: string | null;
  name?: string;
}

async function learner(options: LearnerOptions = {}): Promise<string> {
  const uid = uniqueId('nudge');
  await seedProfile(
    db(),
    uid,
    {
      displayName: options.name ?? `Learner ${uid.slice(-4)}`,
      timezone: options.timezone ?? 'UTC',
      status: options.status ?? 'active',
      gamification: {
        points: 120,
        level: 1,
        badges: [],
        currentStreak: options.currentStreak ?? 0,
        longestStreak: options.currentStreak ?? 0,
        lastActiveDay: options.lastActiveDay ?? null,
        ...(options.lastActiveAt === null ? {} : { lastActiveAt: options.lastActiveAt ?? at(-26 * HOUR) }),
      },
    },
    {
      email: `${uid}@example.test`,
      ...(options.prefs ? { notificationPreferences: options.prefs } : {}),
    },
  );
  return uid;
}

async function items(uid: string) {
  const snap = await db().collection(`notifications/${uid}/items`).orderBy('createdAt').get();
  return snap.docs.map((d) => ({
    id: d.id,
    ...(d.data() as { type: string; title: string; body: string; link: string }),
  }));
}

async function mails(uid: string) {
  const snap = await db().collection('mailLog').where('uid', '==', uid).get();
  return snap.docs.map(
    (d) => d.data() as { subject: string; text: string; status: string; transport: string },
  );
}

/** Nudges a run reports as sent, all kinds together. */
const totalSent = (result: { sent: Record<string, number> }) =>
  Object.values(result.sent).reduce((a, b) => a + b, 0);

async function logKeys(uid: string) {
  return (await db().collection(`nudgeLog/${uid}/sends`).get()).docs.map((d) => d.id).sort();
}

describe.skipIf(!emulatorsRunning)('sendNudges (runNudges on the emulator)', () => {
  beforeEach(async () => {
    await clearDatabase();
  });

  describe('inactivity', () => {
    it('sends the 1-day nudge once, in-app and by email, even when the job runs twice with the same now', async () => {
      const uid = await learner({
        lastActiveAt: at(-26 * HOUR),
        currentStreak: 4,
        lastActiveDay: '2026-11-24',
      });
      await db()
        .doc(`enrollments/c-py_${uid}`)
        .set({
          uid,
          courseId: 'c-py',
          courseTitle: 'Python for Beginners',
          status: 'active',
          progress: 40,
          lastLectureId: 'l-3',
          completedAt: null,
          createdAt: at(-10 * DAY),
          updatedAt: at(-26 * HOUR),
        });
      const first = await run(NOW);
      const second = await run(NOW);

      expect(first.sent['inactive-1d']).toBe(1);
      expect(second.sent['inactive-1d']).toBe(0);
      const list = await items(uid);
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({
        id: 'nudge_inactive-1d_2026-11-24',
        type: 'nudge',
        title: 'Keep your 4-day streak alive',
        link: '/learn/c-py/l-3',
      });
      expect(list[0]?.body).toContain("You're 40% through Python for Beginners.");
      const sent = await mails(uid);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({
        status: 'sent',
        transport: 'log',
        subject: 'Keep your 4-day streak alive',
      });
      expect(sent[0]?.text).toContain(`${APP_URL}/learn/c-py/l-3`);
      expect(sent[0]?.text).toContain(`${APP_URL}/settings`);
      const log = await db().doc(`nudgeLog/${uid}/sends/inactive-1d:2026-11-24`).get();
      expect(log.data()).toMatchObject({
        kind: 'inactive-1d',
        status: 'sent',
        inApp: 'created',
        email: 'logged',
      });
    });

    it('sends nothing twice when two runs overlap', async () => {
      const uid = await learner();
      const results = await Promise.all([run(NOW), run(NOW), run(NOW)]);
      expect(results.reduce((n, r) => n + r.sent['inactive-1d'], 0)).toBeGreaterThanOrEqual(1);
      expect(await items(uid)).toHaveLength(1);
      expect(await mails(uid)).toHaveLength(1);
    });

    it('sends the 3-day and then the 7-day nudge as time passes, each once, and nothing after 9 days', async () => {
      const last = at(-2 * HOUR);
      const uid = await learner({ lastActiveAt: last });
      const after = (days: number, hours = 0) => new Date(last.getTime() + days * DAY + hours * HOUR);
      const sent: number[] = [];
      for (const when of [
        after(0, 20),
        after(1, 1),
        after(1, 2),
        after(2),
        after(3, 1),
        after(3, 1),
        after(5),
      ])
        sent.push(totalSent(await run(when)));
      expect(sent).toEqual([0, 1, 0, 0, 1, 0, 0]);
      expect((await items(uid)).map((i) => i.id)).toEqual([
        'nudge_inactive-1d_2026-11-25',
        'nudge_inactive-3d_2026-11-25',
      ]);
      for (const when of [after(7, 1), after(7, 2), after(8), after(9, 1), after(12)])
        sent.push(totalSent(await run(when)));
      expect(sent.slice(7)).toEqual([1, 0, 0, 0, 0]);
      const ids = (await items(uid)).map((i) => i.id);
      expect(ids).toEqual([
        'nudge_inactive-1d_2026-11-25',
        'nudge_inactive-3d_2026-11-25',
        'nudge_inactive-7d_2026-11-25',
      ]);
      expect(await mails(uid)).toHaveLength(3);
      expect(await logKeys(uid)).toEqual([
        'inactive-1d:2026-11-25',
        'inactive-3d:2026-11-25',
        'inactive-7d:2026-11-25',
      ]);
    });

    it('starts a new series when the learner comes back', async () => {
      const uid = await learner({ lastActiveAt: at(-26 * HOUR) });
      await run(NOW);
      // They learn again the next morning; a day after that they are nudged again, under a new key.
      await db()
        .doc(`users/${uid}`)
        .update({ 'gamification.lastActiveAt': at(22 * HOUR) });
      await run(at(30 * HOUR)); // only 8 h since: nothing
      expect(await items(uid)).toHaveLength(1);
      await run(at(47 * HOUR));
      expect((await items(uid)).map((i) => i.id)).toEqual([
        'nudge_inactive-1d_2026-11-24',
        'nudge_inactive-1d_2026-11-26',
      ]);
    });

    it('waits for 09:00–20:00 in the learner’s time zone', async () => {
      const uid = await learner({ timezone: 'America/New_York', lastActiveAt: at(-30 * HOUR) });
      await run(NOW); // 07:00 in New York
      expect(await items(uid)).toHaveLength(0);
      await run(at(3 * HOUR)); // 10:00 in New York
      expect(await items(uid)).toHaveLength(1);
    });

    it('respects preferences: email off means in-app only, both off means nothing', async () => {
      const inAppOnly = await learner({ prefs: { nudge: { inApp: true, email: false } } });
      const off = await learner({ prefs: { nudge: { inApp: false, email: false } } });
      const emailOnly = await learner({ prefs: { nudge: { inApp: false, email: true } } });
      expect(totalSent(await run(NOW))).toBeGreaterThan(0);
      expect(totalSent(await run(NOW))).toBe(0);
      expect(await items(inAppOnly)).toHaveLength(1);
      expect(await mails(inAppOnly)).toHaveLength(0);
      expect(await items(off)).toHaveLength(0);
      expect(await mails(off)).toHaveLength(0);
      expect(await logKeys(off)).toEqual([]);
      expect(await items(emailOnly)).toHaveLength(0);
      expect(await mails(emailOnly)).toHaveLength(1);
    });

    it('sends nothing to suspended or banned people, or to someone who never learned', async () => {
      const suspended = await learner({ status: 'suspended' });
      const banned = await learner({ status: 'banned' });
      const never = await learner({ lastActiveAt: null });
      const result = await run(NOW);
      for (const uid of [suspended, banned, never]) {
        expect(await items(uid)).toHaveLength(0);
        expect(await mails(uid)).toHaveLength(0);
      }
      expect(result.skipped['not-active']).toBe(2);
    });

    it('examines at most maxPerStream people per run and resumes where it stopped', async () => {
      const uids: string[] = [];
      for (let i = 0; i < 5; i++) uids.push(await learner({ lastActiveAt: at(-(30 + i) * HOUR) }));
      const options = { pageSize: 1, maxPerStream: 2 };
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        const result = await run(NOW, options);
        expect(result.examined.inactivity).toBeLessThanOrEqual(2);
        counts.push(result.sent['inactive-1d']);
      }
      expect(counts).toEqual([2, 2, 1]);
      for (const uid of uids) expect(await items(uid)).toHaveLength(1);
      // The sweep reached the end: the cursor is cleared and a new run starts over, sending nothing.
      expect((await jobStateRef(db(), 'sendNudges').get()).get('cursors.inactivity')).toBeNull();
      const again = await run(NOW, options);
      expect(again.sent['inactive-1d']).toBe(0);
      expect(again.examined.inactivity).toBe(2);
    });
  });

  describe('live-session follow-ups', () => {
    async function session(id: string, fields: Record<string, unknown>) {
      await db()
        .doc(`liveSessions/${id}`)
        .set({
          title: 'Hooks in practice',
          description: '',
          courseId: null,
          durationMin: 60,
          capacity: 20,
          registeredCount: 0,
          recordingEnabled: false,
          createdAt: at(-5 * DAY),
          ...fields,
        });
    }

    it('asks attendees to rate the session and offers no-shows the host’s next one, once each', async () => {
      const host = await learner({ lastActiveAt: null, name: 'Hana Host' });
      const came = await learner({ lastActiveAt: null });
      const missed = await learner({ lastActiveAt: null });
      await session('ls-past', {
        hostId: host,
        hostName: 'Hana Host',
        status: 'ended',
        scheduledAt: at(-3 * HOUR),
        endedAt: at(-2 * HOUR),
      });
      await session('ls-next', {
        hostId: host,
        hostName: 'Hana Host',
        title: 'Hooks, part two',
        status: 'scheduled',
        scheduledAt: new Date('2026-12-02T17:30:00Z'),
      });
      for (const uid of [came, missed])
        await db()
          .doc(`liveSessions/ls-past/registrations/${uid}`)
          .set({ uid, registeredAt: at(-DAY) });
      await db()
        .doc(`liveSessions/ls-past/attendance/${came}`)
        .set({ uid: came, joinedAt: at(-3 * HOUR), leftAt: at(-2 * HOUR), totalSec: 3600 });
      await db()
        .doc('liveSessions/ls-past/questions/q1')
        .set({ authorId: came, text: 'Why?', upvoterIds: [], answered: true, createdAt: at(-150 * 60_000) });

      const first = await run(NOW);
      const second = await run(NOW);
      expect(first.sent).toMatchObject({ 'session-attended': 1, 'session-missed': 1 });
      expect(totalSent(second)).toBe(0);

      const [attendee] = await items(came);
      expect(await items(came)).toHaveLength(1);
      expect(attendee).toMatchObject({
        id: 'nudge_session-followup_ls-past',
        title: 'How was Hooks in practice?',
        link: '/live-sessions/ls-past#feedback',
      });
      expect(attendee?.body).toContain('1 answered question');
      const [noShow] = await items(missed);
      expect(await items(missed)).toHaveLength(1);
      expect(noShow).toMatchObject({
        title: 'Sorry we missed you at Hooks in practice',
        body: 'Hana Host is live again on Wed 2 Dec, 17:30 UTC: Hooks, part two. Save your seat.',
        link: '/live-sessions/ls-next',
      });
      expect(await items(host)).toHaveLength(0);
      expect(await mails(came)).toHaveLength(1);
      expect(await mails(missed)).toHaveLength(1);
      expect((await db().doc('liveSessions/ls-past').get()).get('followUpsSentAt')).toBeTruthy();
    });

    it('retries a follow-up whose email SendGrid refused on the next run, without a second in-app item', async () => {
      // A local stand-in for SendGrid's HTTP API: 500 on the first request, 202 afterwards.
      const requests: {
        auth: string | undefined;
        body: { personalizations?: { to?: { email: string }[] }[] };
      }[] = [];
      const server = createServer((req, res) => {
        let raw = '';
        req.on('data', (chunk) => {
          raw += chunk;
        });
        req.on('end', () => {
          requests.push({ auth: req.headers.authorization, body: JSON.parse(raw || '{}') });
          res.writeHead(requests.length === 1 ? 500 : 202, { 'content-type': 'application/json' });
          res.end(requests.length === 1 ? '{"errors":[{"message":"try later"}]}' : '');
        });
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      try {
        // setApiKey() points the client at api.sendgrid.com; this one stays on the local stand-in.
        const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const client = new (class extends Client {
          override setApiKey(apiKey: string) {
            super.setApiKey(apiKey);
            this.setDefaultRequest('baseUrl', baseUrl);
          }
        })();
        const service = new MailService();
        service.setClient(client);
        const mailer = createSendGridMailer({
          apiKey: 'SG.test',
          from: 'SkillVerse <no-reply@skillverse.test>',
          service,
        });

        const uid = await learner({ lastActiveAt: null });
        await session('ls-retry', {
          hostId: 'h',
          hostName: 'Hana',
          status: 'ended',
          scheduledAt: at(-2 * HOUR),
          endedAt: at(-HOUR),
        });
        await db()
          .doc(`liveSessions/ls-retry/registrations/${uid}`)
          .set({ uid, registeredAt: at(-DAY) });

        const first = await run(NOW, { mailer });
        expect(first.failed).toBe(1);
        expect(await items(uid)).toHaveLength(1);
        expect((await db().doc(`nudgeLog/${uid}/sends/session-followup:ls-retry`).get()).get('status')).toBe(
          'sending',
        );
        expect((await db().doc('liveSessions/ls-retry').get()).get('followUpsSentAt')).toBeUndefined();

        const second = await run(NOW, { mailer });
        expect(second.sent['session-missed']).toBe(1);
        expect(await items(uid)).toHaveLength(1);
        expect(await mails(uid)).toEqual([
          expect.objectContaining({ status: 'sent', transport: 'sendgrid' }),
        ]);
        expect((await db().doc('liveSessions/ls-retry').get()).get('followUpsSentAt')).toBeTruthy();

        await run(NOW, { mailer });
        expect(requests).toHaveLength(2);
        expect(requests[1]?.auth).toBe('Bearer SG.test');
        expect(requests[1]?.body.personalizations?.[0]?.to?.[0]?.email).toBe(`${uid}@example.test`);
      } finally {
        server.close();
      }
    });

    it('waits 10 minutes after the end and leaves sessions older than 48 hours alone', async () => {
      const uid = await learner({ lastActiveAt: null });
      await session('ls-just', {
        hostId: 'h',
        status: 'ended',
        scheduledAt: at(-HOUR),
        endedAt: at(-5 * 60_000),
      });
      await session('ls-old', {
        hostId: 'h',
        status: 'ended',
        scheduledAt: at(-3 * DAY),
        endedAt: at(-50 * HOUR),
      });
      for (const id of ['ls-just', 'ls-old'])
        await db()
          .doc(`liveSessions/${id}/registrations/${uid}`)
          .set({ uid, registeredAt: at(-4 * DAY) });
      await run(NOW);
      expect(await items(uid)).toHaveLength(0);
      await run(at(10 * 60_000));
      expect((await items(uid)).map((i) => i.id)).toEqual(['nudge_session-followup_ls-just']);
    });
  });

  describe('exchange follow-ups', () => {
    async function exchange(
      id: string,
      requesterId: string,
      providerId: string,
      fields: Record<string, unknown>,
    ) {
      await db()
        .doc(`exchanges/${id}`)
        .set({
          requesterId,
          providerId,
          participants: [requesterId, providerId],
          offeredSkill: 'Spanish',
          requestedSkill: 'Python',
          message: '',
          terms: null,
          termsAcceptedBy: [],
          completedBy: [],
          people: {
            [requesterId]: { displayName: 'Rita Requester', photoURL: null },
            [providerId]: { displayName: 'Paul Provider', photoURL: null },
          },
          ...fields,
        });
    }

    it('reminds the provider of a request pending for 3 days, once', async () => {
      const rita = await learner({ lastActiveAt: null });
      const paul = await learner({ lastActiveAt: null });
      await exchange('x-pending', rita, paul, {
        status: 'pending',
        createdAt: at(-3 * DAY - HOUR),
        updatedAt: at(-4 * DAY),
      });
      await exchange('x-fresh', rita, paul, {
        status: 'pending',
        createdAt: at(-2 * DAY),
        updatedAt: at(-2 * DAY),
      });
      expect(totalSent(await run(NOW))).toBeGreaterThan(0);
      expect(totalSent(await run(NOW))).toBe(0);
      expect(await items(paul)).toEqual([
        expect.objectContaining({
          id: 'nudge_exchange-pending_x-pending',
          title: 'Rita Requester is waiting for your answer',
          link: '/skill-exchange/x-pending',
        }),
      ]);
      expect(await items(rita)).toHaveLength(0);
      expect(await mails(paul)).toHaveLength(1);
    });

    it('asks for feedback only from the participant who has not rated a completed exchange', async () => {
      const rita = await learner({ lastActiveAt: null });
      const paul = await learner({ lastActiveAt: null });
      await exchange('x-done', rita, paul, {
        status: 'completed',
        createdAt: at(-20 * DAY),
        updatedAt: at(-2 * DAY),
      });
      await db()
        .doc(`exchanges/x-done/feedback/${paul}`)
        .set({ uid: paul, rating: 5, comment: '', endorsedSkills: [] });
      expect(totalSent(await run(NOW))).toBeGreaterThan(0);
      expect(totalSent(await run(NOW))).toBe(0);
      expect(await items(paul)).toHaveLength(0);
      expect(await items(rita)).toEqual([
        expect.objectContaining({
          id: 'nudge_exchange-feedback_x-done',
          title: 'Rate your exchange with Paul Provider',
          body: 'Your Python exchange is complete. Rate Paul Provider and endorse the skills they taught you.',
        }),
      ]);
    });

    it('suggests scheduling to both people after a quiet week, not while a session is coming up', async () => {
      const rita = await learner({ lastActiveAt: null });
      const paul = await learner({ lastActiveAt: null });
      await exchange('x-quiet', rita, paul, {
        status: 'active',
        createdAt: at(-30 * DAY),
        updatedAt: at(-20 * DAY),
      });
      await db()
        .doc('exchanges/x-quiet/sessions/s1')
        .set({ scheduledAt: at(-8 * DAY), durationMin: 60, status: 'completed', notes: '' });
      await exchange('x-busy', rita, paul, {
        status: 'active',
        createdAt: at(-30 * DAY),
        updatedAt: at(-20 * DAY),
      });
      await db()
        .doc('exchanges/x-busy/sessions/s1')
        .set({ scheduledAt: at(2 * DAY), durationMin: 60, status: 'scheduled', notes: '' });
      expect(totalSent(await run(NOW))).toBeGreaterThan(0);
      expect(totalSent(await run(NOW))).toBe(0);
      for (const uid of [rita, paul]) {
        const list = await items(uid);
        expect(list.map((i) => i.id)).toEqual(['nudge_exchange-schedule_x-quiet_2026-11-17']);
        expect(list[0]?.link).toBe('/skill-exchange/x-quiet');
      }
      expect((await items(rita))[0]?.body).toContain('your Python exchange');
      expect((await items(paul))[0]?.body).toContain('your Spanish exchange');
    });
  });
});

// The one-click unsubscribe endpoint on the Functions emulator: a nudge email's List-Unsubscribe
// URL, POSTed as a mail client does (RFC 8058), turns the nudge email off; GET only asks; a forged
// or altered token gets 400 and writes nothing; a repeat changes nothing more.
import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import { afterAll, describe, expect, it } from 'vitest';
import {
  deleteUserData,
  emulatorsRunning,
  FakeMailer,
  functionsBaseUrl,
  httpFunctionUrl,
  projectId,
  seedProfile,
  testDb,
  uniqueId,
} from '../../test/emulator';
import { notify } from './notify';
import { devUnsubscribeSecret, signUnsubscribeToken } from './unsubscribe-token';

const cleanup: string[] = [];
afterAll(async () => {
  if (!emulatorsRunning) return;
  for (const uid of cleanup) await deleteUserData(testDb(), uid);
});

// The emulator runs without UNSUBSCRIBE_SECRET, so it signs and verifies with the dev key.
const secret = devUnsubscribeSecret(projectId);

async function person(timezone = 'Europe/Paris') {
  const uid = uniqueId('unsub');
  cleanup.push(uid);
  await seedProfile(testDb(), uid, { timezone }, { email: `${uid}@example.test` });
  return uid;
}

const prefs = async (uid: string) =>
  (await testDb().doc(`users/${uid}/private/account`).get()).get('notificationPreferences') ?? {};
const updateTime = async (uid: string) =>
  (await testDb().doc(`users/${uid}/private/account`).get()).updateTime?.toMillis();

const oneClick = (url: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });

describe.skipIf(!emulatorsRunning)(HTTP_FUNCTIONS.unsubscribe, () => {
  it('a nudge email carries a List-Unsubscribe URL whose one-click POST turns nudge email off, once', async () => {
    const uid = await person();
    const initial = await prefs(uid);
    const off = { ...initial, nudge: { ...(initial.nudge ?? {}), email: false } };
    const mailer = new FakeMailer();
    await notify(
      testDb(),
      { uid, type: 'nudge', title: 'Keep going', body: 'One lecture a day.', link: '/courses' },
      { mailer, appUrl: 'https://app.example', functionsUrl: functionsBaseUrl(), unsubscribeSecret: secret },
    );
    const [mail] = mailer.sent;
    expect(mail?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const url = /^<([^>]+)>$/.exec(mail?.headers?.['List-Unsubscribe'] ?? '')?.[1] ?? '';
    expect(url.startsWith(`${httpFunctionUrl(HTTP_FUNCTIONS.unsubscribe)}?token=`)).toBe(true);
    expect(mail?.text).toContain(url);
    expect(mail?.html).toContain('Unsubscribe from these emails');

    // A GET (link preview, scanner, the person clicking) only asks.
    const get = await fetch(url);
    expect(get.status).toBe(200);
    const page = await get.text();
    expect(page).toContain('Unsubscribe from “Reminders and follow-ups” emails?');
    expect(page).toContain('<form method="post">');
    expect(await prefs(uid)).toEqual(initial);

    const post = await oneClick(url);
    expect(post.status).toBe(200);
    expect(await post.text()).toContain('You are unsubscribed');
    expect(await prefs(uid)).toEqual(off);
    const after = await updateTime(uid);

    // The repeat (mail clients retry) answers the same and writes nothing.
    const again = await oneClick(url);
    expect(again.status).toBe(200);
    expect(await updateTime(uid)).toBe(after);
    expect(await prefs(uid)).toEqual(off);

    // And the next nudge goes in-app only.
    const next = await notify(
      testDb(),
      { uid, type: 'nudge', id: 'after-unsub', title: 'Again', body: 'b', link: null },
      { mailer, unsubscribeSecret: secret },
    );
    expect(next).toMatchObject({ inApp: 'created', email: 'off' });
  });

  it('answers 400 to a forged, altered or missing token and writes nothing', async () => {
    const victim = await person();
    const attacker = await person();
    const before = await updateTime(victim);
    const beforePrefs = await prefs(victim);
    const mine = signUnsubscribeToken({ uid: attacker, type: 'nudge' }, secret);
    const [, signature] = mine.split('.');
    const swapped = `${Buffer.from(JSON.stringify({ v: 1, u: victim, t: 'nudge' })).toString('base64url')}.${signature}`;
    const forged = signUnsubscribeToken({ uid: victim, type: 'nudge' }, 'guessed-secret');
    const base = httpFunctionUrl(HTTP_FUNCTIONS.unsubscribe);
    for (const token of [swapped, forged, 'nonsense', '']) {
      const res = await oneClick(`${base}?token=${encodeURIComponent(token)}`);
      expect(res.status, token).toBe(400);
      expect(await res.text()).toContain('This unsubscribe link is not valid');
    }
    expect((await oneClick(base)).status).toBe(400);
    expect(await updateTime(victim)).toBe(before);
    expect(await prefs(victim)).toEqual(beforePrefs);
  });

  it('leaves emails that are not nudges without a one-click link', async () => {
    const uid = await person();
    const mailer = new FakeMailer();
    await notify(
      testDb(),
      { uid, type: 'badge_earned', title: 'Badge', body: 'Well done', link: '/achievements' },
      { mailer, unsubscribeSecret: secret },
    );
    expect(mailer.sent[0]?.headers).toBeUndefined();
    expect(mailer.sent[0]?.html).toContain('Well done');
  });
});

// unsubscribe: the one-click unsubscribe endpoint of List-Unsubscribe (RFC 8058, issue 16 §12).
// GET shows a small confirmation page (link scanners and previews GET links, so GET changes
// nothing); POST — the mail client's one-click `List-Unsubscribe=One-Click`, or the page's button —
// turns that notification type's email off. The signed token is the only credential: a forged,
// altered or malformed one gets 400 and nothing is written. Repeating it changes nothing more.
import { escapeHtml } from '@skillverse/domain/email';
import {
  channelsFor,
  NOTIFICATION_LABELS,
  type StoredNotificationPreferences,
} from '@skillverse/domain/notifications';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import type { HttpRequestLike, HttpResponseLike } from '../lib/http';
import { isRecord } from '../lib/firestore';
import { accountRef } from '../lib/data/users';
import { type UnsubscribeClaim, verifyUnsubscribeToken } from './unsubscribe-token';

export type UnsubscribeOutcome = 'unsubscribed' | 'already' | 'no-account';

/** Turns `claim.type` email off for `claim.uid`; writes only when it is on. */
export async function applyUnsubscribe(db: Firestore, claim: UnsubscribeClaim): Promise<UnsubscribeOutcome> {
  const ref = accountRef(db, claim.uid);
  const snap = await ref.get();
  if (!snap.exists) return 'no-account';
  const prefs = snap.get('notificationPreferences') as StoredNotificationPreferences;
  if (!channelsFor(isRecord(prefs) ? prefs : undefined, claim.type).email) return 'already';
  await ref.update({ [`notificationPreferences.${claim.type}.email`]: false });
  return 'unsubscribed';
}

function page(title: string, paragraphs: string[], extra = ''): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)} · SkillVerse</title></head>`,
    '<body style="margin:0;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#111827;background:#ffffff">',
    '<main style="max-width:560px;margin:0 auto;padding:32px 16px">',
    '<p style="margin:0 0 16px;font-weight:700;color:#4338ca">SkillVerse</p>',
    `<h1 style="font-size:24px;margin:0 0 16px">${escapeHtml(title)}</h1>`,
    ...paragraphs.map((p) => `<p style="margin:0 0 16px">${p}</p>`),
    extra,
    '</main></body></html>',
  ].join('\n');
}

export interface UnsubscribeDeps {
  db: Firestore;
  /** The HMAC key ('' = not configured: 503). */
  secret: string;
  appUrl: string;
}

/** The whole onRequest handler: 405 / 503 (no key) / 400 (bad token, nothing written) / 200. */
export async function handleUnsubscribe(
  deps: UnsubscribeDeps,
  req: HttpRequestLike,
  res: HttpResponseLike,
): Promise<void> {
  res
    .set('Cache-Control', 'no-store')
    .set('Referrer-Policy', 'no-referrer')
    .set(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
  const html = (status: number, body: string) =>
    res.status(status).set('Content-Type', 'text/html; charset=utf-8').send(body);
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') {
    res.status(405).set('Allow', 'GET, POST').send('Use GET or POST.');
    return;
  }
  const settings = `${deps.appUrl.replace(/\/$/, '')}/settings`;
  const settingsLink = `<a href="${escapeHtml(settings)}" style="color:#4338ca">notification settings</a>`;
  if (!deps.secret) {
    html(503, page('Unsubscribe is unavailable', [`Turn these emails off in your ${settingsLink} instead.`]));
    return;
  }
  const claim = verifyUnsubscribeToken(req.query.token, deps.secret);
  if (!claim) {
    html(
      400,
      page('This unsubscribe link is not valid', [
        'It may have been cut short or changed. Nothing was changed.',
        `You can turn emails off in your ${settingsLink}.`,
      ]),
    );
    return;
  }
  const label = NOTIFICATION_LABELS[claim.type].label;
  if (req.method !== 'POST') {
    html(
      200,
      page(
        `Unsubscribe from “${label}” emails?`,
        [
          `You will stop getting “${escapeHtml(label)}” emails from SkillVerse. In-app notifications and other emails stay as they are.`,
        ],
        '<form method="post"><button type="submit" style="font-size:16px;padding:12px 20px;border:none;border-radius:6px;background:#4338ca;color:#ffffff;cursor:pointer">Unsubscribe</button></form>',
      ),
    );
    return;
  }
  const outcome = await applyUnsubscribe(deps.db, claim);
  logger.info('one-click unsubscribe', { uid: claim.uid, type: claim.type, outcome });
  html(
    200,
    page(
      outcome === 'no-account' ? 'Nothing to unsubscribe' : 'You are unsubscribed',
      outcome === 'no-account'
        ? ['This account no longer exists, so it gets no emails.']
        : [
            `You will get no more “${escapeHtml(label)}” emails.`,
            `Changed your mind? Turn them back on in your ${settingsLink}.`,
          ],
    ),
  );
}

// Email that works in mail clients (issue 16 §12), the pure half: times in the recipient's zone,
// the HTML part made from the plain-text part, and the one-click unsubscribe headers (RFC 8058).
// functions/src/notifications/notify.ts puts them together for every email.
import { isValidTimeZone, timeZoneOffsetMs } from './gamification';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The zone to write times in: the recipient's when it is a valid IANA zone, else UTC. */
export function emailTimeZone(timeZone: unknown): string {
  return isValidTimeZone(timeZone) && timeZone.length > 0 ? timeZone : 'UTC';
}

/** "UTC+1", "UTC-5", "UTC+5:30": the zone's offset at that instant (abbreviations vary by ICU). */
function utcOffset(at: Date, timeZone: string): string {
  const minutes = Math.round(timeZoneOffsetMs(at, timeZone) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const mm = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${mm ? `:${String(mm).padStart(2, '0')}` : ''}`;
}

/**
 * "Tue 1 Dec, 19:00 (Europe/Paris, UTC+1)" — a time in the recipient's zone, naming the zone, because
 * emails are read later and elsewhere. An unknown or missing zone falls back to UTC and says so:
 * "Tue 1 Dec, 18:00 UTC".
 */
export function formatEmailTime(at: Date, timeZone?: string | null): string {
  if (Number.isNaN(at.getTime())) throw new Error('formatEmailTime: invalid date');
  const zone = emailTimeZone(timeZone);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const weekday = parts.weekday ?? WEEKDAYS[at.getUTCDay()];
  const month = MONTHS[Number(parts.month) - 1] ?? '';
  const time = `${parts.hour}:${parts.minute}`;
  const base = `${weekday} ${Number(parts.day)} ${month}, ${time}`;
  if (zone === 'UTC') return `${base} UTC`;
  return `${base} (${zone.replace(/_/g, ' ')}, ${utcOffset(at, zone)})`;
}

// ------------------------------------------------------------------------------------- HTML part

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const URL_RE = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/** One paragraph of plain text as HTML: escaped, line breaks kept, http(s) URLs made links. */
function paragraphHtml(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    const index = match.index ?? 0;
    html += escapeHtml(text.slice(last, index));
    const url = match[0];
    html += `<a href="${escapeHtml(url)}" style="color:#4338ca">${escapeHtml(url)}</a>`;
    last = index + url.length;
  }
  html += escapeHtml(text.slice(last));
  return html.replace(/\r?\n/g, '<br>\n');
}

export interface EmailFooterLink {
  label: string;
  url: string;
}

export interface EmailHtmlInput {
  subject: string;
  /** The plain-text part; paragraphs are separated by blank lines. */
  text: string;
  /** The main call to action, rendered as a button-like link after the text. */
  action?: EmailFooterLink | null;
  /** Small print links: settings, unsubscribe. */
  footer?: EmailFooterLink[];
  /** Why this email was sent, in the small print. */
  reason?: string;
}

/**
 * Simple, accessible HTML for the text/html part: a language, a title, one column, real text (no
 * images), links that say where they go, colours with enough contrast, and nothing a mail client
 * strips (no scripts, no external CSS). The text/plain part carries the same words.
 */
export function renderEmailHtml(input: EmailHtmlInput): string {
  const paragraphs = input.text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p style="margin:0 0 16px">${paragraphHtml(p)}</p>`);
  const action = input.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(input.action.url)}" style="display:inline-block;background:#4338ca;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(input.action.label)}</a></p>`
    : '';
  const small = [
    input.reason ? escapeHtml(input.reason) : '',
    ...(input.footer ?? []).map(
      (link) => `<a href="${escapeHtml(link.url)}" style="color:#374151">${escapeHtml(link.label)}</a>`,
    ),
  ].filter((s) => s.length > 0);
  const footer = small.length
    ? `<hr style="border:none;border-top:1px solid #d1d5db;margin:24px 0">\n<p style="margin:0;font-size:13px;color:#374151">${small.join(' · ')}</p>`
    : '';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${escapeHtml(input.subject)}</title>`,
    '</head>',
    '<body style="margin:0;padding:0;background:#ffffff">',
    '<div role="article" aria-roledescription="email" lang="en" style="max-width:600px;margin:0 auto;padding:24px 16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#111827">',
    '<p style="margin:0 0 24px;font-size:18px;font-weight:700;color:#4338ca">SkillVerse</p>',
    ...paragraphs,
    action,
    footer,
    '</div>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

// ------------------------------------------------------------------------------ unsubscribe

/**
 * RFC 2369 + RFC 8058 headers for one-click unsubscribe: the HTTPS URL (receivers POST
 * `List-Unsubscribe=One-Click` to it) and, when given, a mailto: alternative.
 */
export function listUnsubscribeHeaders(url: string, mailto?: string | null): Record<string, string> {
  const targets = [`<${url}>`, ...(mailto ? [`<mailto:${mailto}>`] : [])];
  return {
    'List-Unsubscribe': targets.join(', '),
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

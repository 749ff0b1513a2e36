import { describe, expect, it } from 'vitest';
import { emailTimeZone, escapeHtml, formatEmailTime, listUnsubscribeHeaders, renderEmailHtml } from './email';

describe('formatEmailTime', () => {
  const winter = new Date('2026-12-01T18:00:00Z');
  const summer = new Date('2026-07-01T18:30:00Z');

  it('writes the time in the recipient’s zone and names the zone', () => {
    expect(formatEmailTime(winter, 'Europe/Paris')).toBe('Tue 1 Dec, 19:00 (Europe/Paris, UTC+1)');
    expect(formatEmailTime(summer, 'Europe/Paris')).toBe('Wed 1 Jul, 20:30 (Europe/Paris, UTC+2)');
    expect(formatEmailTime(winter, 'America/New_York')).toBe('Tue 1 Dec, 13:00 (America/New York, UTC-5)');
  });

  it('writes half-hour offsets', () => {
    expect(formatEmailTime(winter, 'Asia/Kolkata')).toBe('Tue 1 Dec, 23:30 (Asia/Kolkata, UTC+5:30)');
  });

  it('moves to the local day when the zone is across midnight', () => {
    expect(formatEmailTime(new Date('2026-12-01T23:30:00Z'), 'Asia/Tokyo')).toMatch(/^Wed 2 Dec, 08:30 /);
    expect(formatEmailTime(new Date('2026-12-01T02:00:00Z'), 'America/Los_Angeles')).toMatch(
      /^Mon 30 Nov, 18:00 /,
    );
  });

  it('falls back to UTC, and says so, when the zone is missing or unknown', () => {
    expect(formatEmailTime(winter)).toBe('Tue 1 Dec, 18:00 UTC');
    expect(formatEmailTime(winter, null)).toBe('Tue 1 Dec, 18:00 UTC');
    expect(formatEmailTime(winter, 'Mars/Olympus_Mons')).toBe('Tue 1 Dec, 18:00 UTC');
    expect(formatEmailTime(winter, 'UTC')).toBe('Tue 1 Dec, 18:00 UTC');
    expect(emailTimeZone('')).toBe('UTC');
    expect(emailTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
  });

  it('rejects an invalid date', () => {
    expect(() => formatEmailTime(new Date('x'), 'UTC')).toThrow(/invalid/);
  });
});

describe('renderEmailHtml', () => {
  const html = renderEmailHtml({
    subject: 'Keep <going>',
    text: 'Hi & welcome.\nSecond line.\n\nSee https://app.example/learn/c1?x=1&y=2.',
    action: { label: 'Open in SkillVerse', url: 'https://app.example/learn/c1' },
    reason: 'Why you got this.',
    footer: [{ label: 'Unsubscribe', url: 'https://fn.example/unsubscribe?token=a.b' }],
  });

  it('is a whole document with a language, a title and a viewport', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Keep &lt;going&gt;</title>');
    expect(html).toContain('name="viewport"');
  });

  it('escapes the text, keeps paragraphs and line breaks, and links URLs without the full stop', () => {
    expect(html).toContain('<p style="margin:0 0 16px">Hi &amp; welcome.<br>\nSecond line.</p>');
    expect(html).toContain(
      '<a href="https://app.example/learn/c1?x=1&amp;y=2" style="color:#4338ca">https://app.example/learn/c1?x=1&amp;y=2</a>.',
    );
  });

  it('has the action and the small print as real links, and no scripts or images', () => {
    expect(html).toContain('href="https://app.example/learn/c1"');
    expect(html).toContain('>Open in SkillVerse</a>');
    expect(html).toContain(
      '<a href="https://fn.example/unsubscribe?token=a.b" style="color:#374151">Unsubscribe</a>',
    );
    expect(html).toContain('Why you got this.');
    expect(html).not.toMatch(/<script|<img|<link /i);
  });

  it('cannot be broken out of by user text', () => {
    const evil = renderEmailHtml({ subject: 's', text: '<img src=x onerror=alert(1)> "quoted"' });
    expect(evil).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot;');
    expect(evil).not.toContain('<img');
  });
});

describe('escapeHtml', () => {
  it('escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('listUnsubscribeHeaders', () => {
  it('gives the RFC 8058 pair: an https URL in angle brackets and the One-Click post body', () => {
    expect(listUnsubscribeHeaders('https://fn.example/unsubscribe?token=t')).toEqual({
      'List-Unsubscribe': '<https://fn.example/unsubscribe?token=t>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });
  it('adds a mailto: alternative when given', () => {
    expect(listUnsubscribeHeaders('https://u', 'unsub@example.com')['List-Unsubscribe']).toBe(
      '<https://u>, <mailto:unsub@example.com>',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { composeEmail, unsubscribeUrl } from './notify';

const base = {
  to: 'me@example.test',
  subject: 'Keep your streak',
  text: 'One lecture keeps it going.\n\nhttps://app.example/learn/c1/l2',
  link: '/learn/c1/l2',
  appUrl: 'https://app.example',
};

describe('composeEmail', () => {
  it('sends a text part with the small print and an HTML part with the same words', () => {
    const mail = composeEmail({ ...base, unsubscribe: null });
    expect(mail.text).toBe(
      'One lecture keeps it going.\n\nhttps://app.example/learn/c1/l2\n\n--\nYou get this email because it is on in your SkillVerse notification settings. Change them: https://app.example/settings',
    );
    expect(mail.html).toContain('One lecture keeps it going.');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain('href="https://app.example/learn/c1/l2"');
    expect(mail.html).toContain('>Open in SkillVerse</a>');
    expect(mail.html).toContain('href="https://app.example/settings"');
    expect(mail.headers).toBeUndefined();
  });

  it('adds the List-Unsubscribe headers and the link in both parts for one-click types', () => {
    const url = unsubscribeUrl('https://fn.example/', 'p.s');
    expect(url).toBe('https://fn.example/unsubscribe?token=p.s');
    const mail = composeEmail({ ...base, unsubscribe: url });
    expect(mail.headers).toEqual({
      'List-Unsubscribe': '<https://fn.example/unsubscribe?token=p.s>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(mail.text).toContain(`Unsubscribe from these emails in one click: ${url}`);
    expect(mail.html).toContain(`<a href="${url}" style="color:#374151">Unsubscribe from these emails</a>`);
  });

  it('keeps a caller’s own HTML and the attachments', () => {
    const attachments = [{ filename: 'invite.ics', content: 'QQ==', type: 'text/calendar' }];
    const mail = composeEmail({ ...base, html: '<p>Mine</p>', attachments, unsubscribe: null });
    expect(mail.html).toBe('<p>Mine</p>');
    expect(mail.attachments).toEqual(attachments);
  });
});

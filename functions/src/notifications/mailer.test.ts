import { describe, expect, it } from 'vitest';
import { createSendGridMailer, logMailer } from './mailer';

describe('createSendGridMailer', () => {
  it('sends through SendGrid with the key and sender it was given', async () => {
    const calls: unknown[] = [];
    let key = '';
    const service = {
      setApiKey: (k: string) => {
        key = k;
      },
      send: async (data: unknown) => {
        calls.push(data);
        return [] as never;
      },
    };
    const mailer = createSendGridMailer({ apiKey: 'SG.test', from: 'SkillVerse <a@b.c>', service });
    const result = await mailer.send({
      to: 'x@example.com',
      subject: 'Hi',
      text: 'Hello',
      attachments: [{ filename: 'invite.ics', content: 'QkVHSU4=', type: 'text/calendar' }],
    });
    expect(result).toEqual({ transport: 'sendgrid' });
    expect(key).toBe('SG.test');
    expect(calls).toEqual([
      {
        to: 'x@example.com',
        from: 'SkillVerse <a@b.c>',
        subject: 'Hi',
        text: 'Hello',
        attachments: [{ filename: 'invite.ics', content: 'QkVHSU4=', type: 'text/calendar' }],
      },
    ]);
  });
});

describe('logMailer', () => {
  it('reports the log transport', async () => {
    await expect(logMailer.send({ to: 'x@example.com', subject: 's', text: 't' })).resolves.toEqual({
      transport: 'log',
    });
  });
});

describe('optionalSecret', () => {
  it('is empty when the secret is not configured and the value when it is', async () => {
    const { optionalSecret, SENDGRID_API_KEY } = await import('../config/params');
    const saved = process.env.SENDGRID_API_KEY;
    try {
      delete process.env.SENDGRID_API_KEY;
      expect(optionalSecret(SENDGRID_API_KEY)).toBe('');
      process.env.SENDGRID_API_KEY = 'SG.x';
      expect(optionalSecret(SENDGRID_API_KEY)).toBe('SG.x');
    } finally {
      if (saved === undefined) delete process.env.SENDGRID_API_KEY;
      else process.env.SENDGRID_API_KEY = saved;
    }
  });
});

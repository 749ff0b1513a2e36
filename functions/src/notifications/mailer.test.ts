import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MailService } from '@sendgrid/mail';
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
        content: [{ type: 'text/plain', value: 'Hello' }],
        attachments: [{ filename: 'invite.ics', content: 'QkVHSU4=', type: 'text/calendar' }],
      },
    ]);
  });

  it('posts a multipart body with the text part first, the HTML part and the headers (HTTP boundary)', async () => {
    // The real SendGrid client, pointed at a local server standing in for api.sendgrid.com.
    const requests: { url?: string; auth?: string; body: Record<string, unknown> }[] = [];
    const server = createServer((req: IncomingMessage, res) => {
      let raw = '';
      req.on('data', (chunk) => {
        raw += chunk;
      });
      req.on('end', () => {
        requests.push({ url: req.url, auth: req.headers.authorization, body: JSON.parse(raw) });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const real = new MailService();
      const { port } = server.address() as AddressInfo;
      const client = (real as unknown as { client: { setDefaultRequest(k: string, v: string): void } })
        .client;
      // setApiKey points the client at SendGrid's host; point it back at the stand-in.
      const service = {
        setApiKey: (key: string) => {
          real.setApiKey(key);
          client.setDefaultRequest('baseUrl', `http://127.0.0.1:${port}/`);
        },
        send: real.send.bind(real),
      } as unknown as MailService;
      const mailer = createSendGridMailer({ apiKey: 'SG.test', from: 'SkillVerse <a@b.c>', service });
      await mailer.send({
        to: 'x@example.com',
        subject: 'Keep going',
        text: 'Plain words',
        html: '<p>Plain words</p>',
        headers: {
          'List-Unsubscribe': '<https://fn.example/unsubscribe?token=t>',
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.url).toBe('/v3/mail/send');
    expect(request?.auth).toBe('Bearer SG.test');
    expect(request?.body.content).toEqual([
      { type: 'text/plain', value: 'Plain words' },
      { type: 'text/html', value: '<p>Plain words</p>' },
    ]);
    expect(request?.body.headers).toEqual({
      'List-Unsubscribe': '<https://fn.example/unsubscribe?token=t>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(request?.body.subject).toBe('Keep going');
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

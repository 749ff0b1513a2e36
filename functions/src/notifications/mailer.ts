// Outgoing mail. The default mailer decides per message, at call time, whether SendGrid is
// configured (SENDGRID_API_KEY); without a key the message is only logged (notify() also keeps a
// copy in mailLog). Tests inject their own Mailer.
import type { MailService } from '@sendgrid/mail';
import { lazyModule } from '../lib/lazy-module';

/** The SendGrid SDK, loaded by the first function that sends mail (lib/lazy-module.ts says why). */
const sendGridSdk = lazyModule(() => require('@sendgrid/mail') as { MailService: new () => MailService });
import { logger } from 'firebase-functions';
import { DEFAULT_MAIL_FROM, MAIL_FROM, optionalSecret, SENDGRID_API_KEY } from '../config/params';

export interface MailAttachment {
  filename: string;
  /** Base64-encoded content. */
  content: string;
  type?: string;
  disposition?: 'attachment' | 'inline';
}

export interface MailMessage {
  to: string;
  subject: string;
  /** The text/plain part; always sent. */
  text: string;
  /** The text/html part (same words); sent after the text/plain part (multipart/alternative). */
  html?: string;
  attachments?: MailAttachment[];
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
}

export type MailTransport = 'sendgrid' | 'log';

export interface Mailer {
  send(message: MailMessage): Promise<{ transport: MailTransport }>;
}

type SendGridService = Pick<MailService, 'setApiKey' | 'send'>;

export function createSendGridMailer(options: {
  apiKey: string;
  from: string;
  service?: SendGridService;
}): Mailer {
  const service = options.service ?? new (sendGridSdk().MailService)();
  service.setApiKey(options.apiKey);
  return {
    async send(message) {
      // SendGrid's v3 body: content[] holds text/plain first, then text/html (mail clients show
      // the last part they understand).
      await service.send({
        to: message.to,
        from: options.from,
        subject: message.subject,
        content: [
          { type: 'text/plain', value: message.text },
          ...(message.html ? [{ type: 'text/html', value: message.html }] : []),
        ],
        ...(message.attachments?.length ? { attachments: message.attachments } : {}),
        ...(message.headers && Object.keys(message.headers).length ? { headers: message.headers } : {}),
      } as Parameters<SendGridService['send']>[0]);
      return { transport: 'sendgrid' };
    },
  };
}

/** Logs the message instead of sending it (no SendGrid key configured). */
export const logMailer: Mailer = {
  async send(message) {
    logger.info('mail not sent (no SENDGRID_API_KEY); logged instead', {
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ? `${message.html.length} characters` : null,
      headers: message.headers ?? {},
      attachments: message.attachments?.map((a) => a.filename) ?? [],
    });
    return { transport: 'log' };
  },
};

/** Reads the secret when a message is sent, never at import. */
export const defaultMailer: Mailer = {
  async send(message) {
    const apiKey = optionalSecret(SENDGRID_API_KEY);
    if (!apiKey) return logMailer.send(message);
    const from = MAIL_FROM.value() || DEFAULT_MAIL_FROM;
    return createSendGridMailer({ apiKey, from }).send(message);
  },
};

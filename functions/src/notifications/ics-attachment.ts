import { ICS_CONTENT_TYPE, type IcsMethod, icsMethodOf } from '@skillverse/domain/ics';
import type { MailAttachment } from './mailer';

/** The .ics file as an email attachment; its content type names the calendar's METHOD. */
export function icsAttachment(ics: string, method: IcsMethod = icsMethodOf(ics)): MailAttachment {
  return {
    filename: method === 'CANCEL' ? 'cancelled.ics' : 'invite.ics',
    content: Buffer.from(ics, 'utf8').toString('base64'),
    type: `${ICS_CONTENT_TYPE}; method=${method}`,
    disposition: 'attachment',
  };
}

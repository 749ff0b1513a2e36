// A minimal RFC 5545 calendar builder for live-session invites: one VEVENT, UTC times, CRLF line
// endings, TEXT escaping and 75-octet line folding. Pure: used by the functions for email
// attachments and by the web app for "add to calendar" downloads.
//
// iTIP (RFC 5546) validity: every method carries UID, DTSTAMP, SEQUENCE and ORGANIZER; PUBLISH
// has no ATTENDEE; REQUEST and CANCEL name the one ATTENDEE the email goes to (buildIcs refuses
// them without one), so mail clients offer "add"/"update"/"remove" rather than a broken invite.

export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export interface IcsEvent {
  /** Globally unique and stable per event (e.g. `{sessionId}@skillverse`): updates reuse it. */
  uid: string;
  title: string;
  description?: string;
  start: Date;
  end: Date;
  /** When the file was made (DTSTAMP). */
  stamp: Date;
  /** Increases with every update of the same event (0 for the first version). */
  sequence?: number;
  url?: string | null;
  location?: string | null;
  /** Defaults to SkillVerse at ICS_DEFAULT_ORGANIZER_EMAIL (iTIP requires an ORGANIZER). */
  organizer?: { name: string; email?: string | null } | null;
  /** The recipient: required by REQUEST and CANCEL, not allowed with PUBLISH (RFC 5546 §3.2). */
  attendee?: { email: string; name?: string | null } | null;
  /** Default PUBLISH. */
  method?: IcsMethod;
}

export const ICS_DEFAULT_ORGANIZER_EMAIL = 'no-reply@skillverse.local';

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** 2026-12-10T18:05:00.000Z → 20261210T180500Z (UTC "form #2" of RFC 5545 §3.3.5). */
export function icsDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('icsDateTime: invalid date');
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (e.g. CN) is quoted when it holds `:;,`; DQUOTE itself is not allowed. */
function paramValue(value: string): string {
  const clean = value.replace(/["\r\n]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

const encoder = new TextEncoder();

/**
 * Folds a content line so that no line is longer than 75 octets (RFC 5545 §3.1): continuation
 * lines start with one space. Never splits a UTF-8 character.
 */
export function foldIcsLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let currentBytes = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (currentBytes + size > limit) {
      parts.push(current);
      current = '';
      currentBytes = 0;
      limit = 74; // the leading space counts
    }
    current += char;
    currentBytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** An address for a mailto: URI: no whitespace or characters that would end the property. */
function mailtoAddress(email: string): string {
  return email.replace(/[\s"<>;:,\\]/g, '');
}

/** The METHOD of a calendar built by buildIcs (PUBLISH when absent). */
export function icsMethodOf(ics: string): IcsMethod {
  const m = /(?:^|\r\n)METHOD:(PUBLISH|REQUEST|CANCEL)\r\n/.exec(ics);
  return (m?.[1] as IcsMethod | undefined) ?? 'PUBLISH';
}

/** The whole calendar file, CRLF-terminated lines. */
export function buildIcs(event: IcsEvent): string {
  if (event.end.getTime() <= event.start.getTime()) throw new Error('buildIcs: end must be after start');
  const method = event.method ?? 'PUBLISH';
  const attendee = event.attendee?.email ? event.attendee : null;
  if (method !== 'PUBLISH' && !attendee)
    throw new Error(`buildIcs: METHOD:${method} needs the attendee (RFC 5546); use PUBLISH without one`);
  if (method === 'PUBLISH' && attendee)
    throw new Error('buildIcs: METHOD:PUBLISH has no ATTENDEE (RFC 5546); use REQUEST');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//SkillVerse//Live sessions//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${icsDateTime(event.stamp)}`,
    `DTSTART:${icsDateTime(event.start)}`,
    `DTEND:${icsDateTime(event.end)}`,
    `SEQUENCE:${Math.max(0, Math.floor(event.sequence ?? 0))}`,
    `SUMMARY:${escapeIcsText(event.title)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeIcsText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeIcsText(event.location)}`);
  if (event.url) lines.push(`URL:${event.url.replace(/[\r\n]/g, '')}`);
  const organizer = event.organizer ?? { name: 'SkillVerse' };
  lines.push(
    `ORGANIZER;CN=${paramValue(organizer.name || 'SkillVerse')}:mailto:${mailtoAddress(organizer.email ?? ICS_DEFAULT_ORGANIZER_EMAIL)}`,
  );
  if (attendee) {
    const cn = attendee.name ? `CN=${paramValue(attendee.name)};` : '';
    // Registered already: accepted, and no RSVP is asked of them.
    lines.push(
      `ATTENDEE;${cn}ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:${mailtoAddress(attendee.email)}`,
    );
  }
  lines.push(`STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`);
  if (method !== 'CANCEL') {
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeIcsText(event.title)}`,
      'TRIGGER:-PT15M',
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}

/** The stable UID of a live session's calendar event. */
export function liveSessionIcsUid(sessionId: string): string {
  return `live-${sessionId}@skillverse`;
}

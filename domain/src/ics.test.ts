import { describe, expect, it } from 'vitest';
import { buildIcs, escapeIcsText, foldIcsLine, icsDateTime, icsMethodOf, liveSessionIcsUid } from './ics';

const base = {
  uid: liveSessionIcsUid('s1'),
  title: 'React Hooks Q&A',
  start: new Date('2026-12-10T18:00:00Z'),
  end: new Date('2026-12-10T19:00:00Z'),
  stamp: new Date('2026-11-25T08:30:15.123Z'),
};

describe('icsDateTime', () => {
  it('formats UTC date-times with a Z suffix and no separators', () => {
    expect(icsDateTime(new Date('2026-12-10T18:05:09.999Z'))).toBe('20261210T180509Z');
  });
  it('rejects an invalid date', () => {
    expect(() => icsDateTime(new Date('nope'))).toThrow(/invalid/);
  });
});

describe('escapeIcsText', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeIcsText('a\\b; c, d\ne\r\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });
});

describe('foldIcsLine', () => {
  it('leaves lines of at most 75 octets alone', () => {
    const line = `SUMMARY:${'x'.repeat(67)}`;
    expect(foldIcsLine(line)).toBe(line);
  });
  it('folds longer lines with CRLF + space, every line ≤ 75 octets, and unfolds to the original', () => {
    const line = `DESCRIPTION:${'é'.repeat(100)}`;
    const folded = foldIcsLine(line);
    const pieces = folded.split('\r\n');
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(new TextEncoder().encode(piece).length).toBeLessThanOrEqual(75);
    for (const piece of pieces.slice(1)) expect(piece.startsWith(' ')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});

describe('buildIcs', () => {
  it('builds one VEVENT with CRLF line endings, UTC times, a stable UID and escaped text', () => {
    const ics = buildIcs({
      ...base,
      description: 'Bring questions; hooks, effects\nand more',
      url: 'http://localhost:5173/live-sessions/s1',
      organizer: { name: 'Hana, Host' },
      attendee: { email: 'alice@example.test', name: 'Alice; A.' },
      method: 'REQUEST',
      sequence: 2,
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.replace(/\r\n /g, '').split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines).toContain('UID:live-s1@skillverse');
    expect(lines).toContain('DTSTAMP:20261125T083015Z');
    expect(lines).toContain('DTSTART:20261210T180000Z');
    expect(lines).toContain('DTEND:20261210T190000Z');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines).toContain('SUMMARY:React Hooks Q&A');
    expect(lines).toContain('DESCRIPTION:Bring questions\\; hooks\\, effects\\nand more');
    expect(lines).toContain('ORGANIZER;CN="Hana, Host":mailto:no-reply@skillverse.local');
    expect(lines).toContain(
      'ATTENDEE;CN="Alice; A.";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:alice@example.test',
    );
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('marks a cancellation with METHOD:CANCEL and STATUS:CANCELLED and no alarm', () => {
    const ics = buildIcs({ ...base, method: 'CANCEL', sequence: 3, attendee: { email: 'a@example.test' } });
    expect(ics.replace(/\r\n /g, '')).toContain(
      'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:a@example.test\r\n',
    );
    expect(ics).toContain('METHOD:CANCEL\r\n');
    expect(ics).toContain('STATUS:CANCELLED\r\n');
    expect(ics).not.toContain('VALARM');
  });

  it('publishes by default: METHOD:PUBLISH with an ORGANIZER and no ATTENDEE', () => {
    const ics = buildIcs(base);
    expect(icsMethodOf(ics)).toBe('PUBLISH');
    expect(ics).toContain('ORGANIZER;CN=SkillVerse:mailto:no-reply@skillverse.local\r\n');
    expect(ics).not.toContain('ATTENDEE');
  });

  it('holds every property RFC 5546 requires of each method, each exactly once', () => {
    const required: Record<string, string[]> = {
      PUBLISH: ['DTSTAMP', 'DTSTART', 'ORGANIZER', 'SUMMARY', 'UID', 'SEQUENCE'],
      REQUEST: ['ATTENDEE', 'DTSTAMP', 'DTSTART', 'ORGANIZER', 'SUMMARY', 'UID', 'SEQUENCE'],
      CANCEL: ['ATTENDEE', 'DTSTAMP', 'ORGANIZER', 'UID', 'SEQUENCE'],
    };
    for (const method of ['PUBLISH', 'REQUEST', 'CANCEL'] as const) {
      const attendee = method === 'PUBLISH' ? null : { email: 'a@example.test' };
      const ics = buildIcs({ ...base, method, attendee, description: 'x'.repeat(200) });
      expect(icsMethodOf(ics)).toBe(method);
      const unfolded = ics.replace(/\r\n /g, '');
      const event = unfolded.slice(unfolded.indexOf('BEGIN:VEVENT'), unfolded.indexOf('END:VEVENT'));
      const names = event
        .split('\r\n')
        .filter((l) => !l.startsWith('BEGIN:VALARM'))
        .map((l) => l.split(/[:;]/)[0]);
      for (const name of required[method] ?? []) {
        expect(
          names.filter((n) => n === name),
          `${method} ${name}`,
        ).toHaveLength(1);
      }
      // Every physical line is at most 75 octets and ends in CRLF.
      for (const line of ics.split('\r\n'))
        expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
      expect(ics.split('\n').every((l, i, all) => i === all.length - 1 || l.endsWith('\r'))).toBe(true);
    }
  });

  it('refuses a REQUEST or CANCEL without its attendee, and a PUBLISH with one', () => {
    expect(() => buildIcs({ ...base, method: 'REQUEST' })).toThrow(/needs the attendee/);
    expect(() => buildIcs({ ...base, method: 'CANCEL' })).toThrow(/needs the attendee/);
    expect(() => buildIcs({ ...base, method: 'PUBLISH', attendee: { email: 'a@example.test' } })).toThrow(
      /PUBLISH has no ATTENDEE/,
    );
  });

  it('keeps an attendee address from breaking out of the property', () => {
    const ics = buildIcs({ ...base, method: 'REQUEST', attendee: { email: 'a@example.test\r\nX-EVIL:1' } });
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).not.toContain('X-EVIL:1\r\n');
    expect(unfolded).toContain('mailto:a@example.testX-EVIL1\r\n');
  });

  it('refuses an event that ends before it starts', () => {
    expect(() => buildIcs({ ...base, end: base.start })).toThrow(/end must be after start/);
  });
});

import { describe, expect, it } from 'vitest';
import { buildIcs, escapeIcsText, foldIcsLine, icsDateTime, liveSessionIcsUid } from './ics';

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
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('marks a cancellation with METHOD:CANCEL and STATUS:CANCELLED and no alarm', () => {
    const ics = buildIcs({ ...base, method: 'CANCEL', sequence: 3 });
    expect(ics).toContain('METHOD:CANCEL\r\n');
    expect(ics).toContain('STATUS:CANCELLED\r\n');
    expect(ics).not.toContain('VALARM');
  });

  it('refuses an event that ends before it starts', () => {
    expect(() => buildIcs({ ...base, end: base.start })).toThrow(/end must be after start/);
  });
});

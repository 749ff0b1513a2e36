import { describe, expect, it } from 'vitest';
import { sessionIcs } from './session-ics';

describe('sessionIcs', () => {
  it('builds one event with the session’s start, end and a stable uid', () => {
    const ics = sessionIcs(
      'x1',
      { id: 's1', scheduledAt: new Date('2026-12-01T18:00:00Z'), durationMin: 90, notes: 'Chords' },
      'Guitar with Ana',
      'https://skillverse.test/skill-exchange/x1',
      new Date('2026-11-25T10:00:00Z'),
    );
    expect(ics).toContain('UID:exchange-x1-s1@skillverse');
    expect(ics).toContain('DTSTART:20261201T180000Z');
    expect(ics).toContain('DTEND:20261201T193000Z');
    expect(ics).toContain('SUMMARY:Guitar with Ana');
  });
});

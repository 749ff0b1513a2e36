import { describe, expect, it } from 'vitest';
import { parseCycleMessage, parseExchangeCycle } from './exchange-cycles';

describe('parseExchangeCycle', () => {
  it('reads a proposal as the job writes it', () => {
    const createdAt = new Date('2026-11-25T03:15:00Z');
    const cycle = parseExchangeCycle('cyc_1', {
      participants: ['a', 'b', 'c'],
      edges: [
        { from: 'a', to: 'b', skill: 'Spanish', skillKey: 'spanish', alternatives: ['french'] },
        { from: 'b', to: 'c', skill: 'Guitar', skillKey: 'guitar', alternatives: [] },
        { from: 'c', to: 'a', skill: 'Python', skillKey: 'python', alternatives: [] },
      ],
      people: {
        a: { displayName: 'Ana', photoURL: null },
        b: { displayName: 'Ben', photoURL: 'https://x/b.png' },
      },
      window: { startMin: 540, endMin: 720 },
      sharedMinutes: 180,
      score: 60,
      status: 'active',
      acceptedBy: ['a', 'b', 'c'],
      declinedBy: null,
      createdAt,
      updatedAt: createdAt,
      expiresAt: createdAt,
    });
    expect(cycle).toMatchObject({
      id: 'cyc_1',
      participants: ['a', 'b', 'c'],
      status: 'active',
      window: { startMin: 540, endMin: 720 },
      people: {
        a: { displayName: 'Ana', photoURL: null },
        b: { displayName: 'Ben', photoURL: 'https://x/b.png' },
      },
    });
    expect(cycle.edges[0]).toEqual({
      from: 'a',
      to: 'b',
      skill: 'Spanish',
      skillKey: 'spanish',
      alternatives: ['french'],
    });
    expect(cycle.createdAt).toEqual(createdAt);
  });

  it('falls back safely on missing or malformed fields', () => {
    const cycle = parseExchangeCycle('cyc_2', {
      status: 'hacked',
      edges: [{ from: 'a' }, 'x'],
      people: { a: 3 },
    });
    expect(cycle.status).toBe('proposed');
    expect(cycle.edges).toEqual([]);
    expect(cycle.people).toEqual({});
    expect(cycle.participants).toEqual([]);
    expect(cycle.declinedBy).toBeNull();
  });
});

describe('parseCycleMessage', () => {
  it('reads a group-room message', () => {
    const createdAt = new Date('2026-11-25T10:00:00Z');
    expect(parseCycleMessage('m1', { senderId: 'a', text: 'Hi', createdAt })).toEqual({
      id: 'm1',
      senderId: 'a',
      text: 'Hi',
      createdAt,
    });
  });
});

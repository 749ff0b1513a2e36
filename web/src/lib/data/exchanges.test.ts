import { describe, expect, it } from 'vitest';
import { parseExchange } from './exchanges';

describe('parseExchange', () => {
  it('reads skills given as strings or { name, level }, and server-maintained fields', () => {
    const at = new Date('2026-11-20T10:00:00Z');
    const x = parseExchange('x1', {
      requesterId: 'r',
      providerId: 'p',
      participants: ['r', 'p'],
      offeredSkill: { name: 'Spanish', level: 'expert' },
      requestedSkill: 'Python',
      status: 'active',
      terms: { commitmentHours: 10, frequency: 'weekly', cancellationPolicy: '24h' },
      termsAcceptedBy: ['r', 'p'],
      completedBy: [],
      createdAt: at,
      updatedAt: at,
      lastMessage: { text: 'Hi', senderId: 'p', at },
      unread: { r: 2 },
      milestones: [{ id: 'm1', title: 'Chords', done: true }, { title: 'no id' }],
      people: { p: { displayName: 'Pia', photoURL: null } },
    });
    expect(x).toMatchObject({
      id: 'x1',
      offeredSkill: 'Spanish',
      requestedSkill: 'Python',
      terms: { commitmentHours: 10, frequency: 'weekly', cancellationPolicy: '24h', notes: '' },
      lastMessage: { text: 'Hi', senderId: 'p', at },
      unread: { r: 2 },
      milestones: [{ id: 'm1', title: 'Chords', done: true }],
      people: { p: { displayName: 'Pia', photoURL: null } },
    });
  });

  it('falls back to safe defaults for a malformed document', () => {
    const x = parseExchange('x2', { status: 'weird', unread: 'no', terms: 'none' });
    expect(x).toMatchObject({
      status: 'pending',
      unread: {},
      terms: null,
      lastMessage: null,
      milestones: [],
      people: {},
    });
  });
});

import { describe, expect, it } from 'vitest';
import { parseNotification } from './notifications';

describe('parseNotification', () => {
  it('reads a well-formed notification', () => {
    const at = new Date('2026-11-20T10:00:00Z');
    expect(
      parseNotification('n1', {
        type: 'badge_earned',
        title: 'New badge',
        body: 'You earned First steps',
        link: '/achievements',
        read: true,
        createdAt: { toDate: () => at },
      }),
    ).toEqual({
      id: 'n1',
      type: 'badge_earned',
      title: 'New badge',
      body: 'You earned First steps',
      link: '/achievements',
      read: true,
      createdAt: at,
    });
  });

  it('reads a document full of wrong types as safe defaults, without throwing', () => {
    const n = parseNotification('n2', {
      type: 'telegram',
      title: 5,
      body: { text: 'hi' },
      link: 12,
      read: 'true',
      createdAt: 'now',
    });
    expect(n).toMatchObject({ id: 'n2', type: 'account', title: '', body: '', link: null, read: false });
    expect(n.createdAt).toBeInstanceOf(Date);
  });

  it('reads a missing document as an unread account notice', () => {
    expect(parseNotification('n3', null)).toMatchObject({ type: 'account', read: false, link: null });
  });
});

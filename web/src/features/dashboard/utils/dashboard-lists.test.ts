import type { Enrollment } from '@skillverse/domain/models';
import { describe, expect, it } from 'vitest';
import { parseEnrollment } from '@/lib/data/enrollments';
import { parseExchange } from '@/lib/data/exchanges';
import { parseLiveSession } from '@/lib/data/live-sessions';
import { openExchanges, unfinished, upcoming } from './dashboard-lists';

const enrollment = (id: string, over: Partial<Enrollment> = {}) => ({ ...parseEnrollment(id, {}), ...over });

describe('dashboard lists', () => {
  it('continues only active, unfinished courses, at most three, in the order read', () => {
    const list = unfinished([
      enrollment('a', { progress: 40 }),
      enrollment('done', { progress: 100, completedAt: new Date() }),
      enrollment('refunded', { status: 'refunded', progress: 10 }),
      enrollment('b', { progress: 0 }),
      enrollment('c', { progress: 90 }),
      enrollment('d', { progress: 5 }),
    ]);
    expect(list.map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it('shows pending, accepted and active exchanges, not finished ones', () => {
    const x = (id: string, status: string) => parseExchange(id, { status, participants: ['me', 'you'] });
    const list = openExchanges([
      x('p', 'pending'),
      x('done', 'completed'),
      x('a', 'active'),
      x('no', 'rejected'),
      x('ok', 'accepted'),
    ]);
    expect(list.map((e) => e.id)).toEqual(['p', 'a', 'ok']);
  });

  it('keeps sessions live now or not yet over, soonest first', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const s = (id: string, at: string, status = 'scheduled', durationMin = 60) =>
      parseLiveSession(id, { scheduledAt: new Date(at), status, durationMin });
    const list = upcoming(
      [
        s('tomorrow', '2026-11-26T12:00:00Z'),
        s('over', '2026-11-25T10:00:00Z'),
        s('running', '2026-11-25T11:30:00Z'),
        s('live', '2026-11-25T09:00:00Z', 'live'),
        s('cancelled', '2026-11-27T12:00:00Z', 'cancelled'),
        s('later', '2026-12-01T12:00:00Z'),
      ],
      now,
    );
    expect(list.map((e) => e.id)).toEqual(['live', 'running', 'tomorrow']);
  });
});

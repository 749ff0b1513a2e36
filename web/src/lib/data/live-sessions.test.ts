import { describe, expect, it } from 'vitest';
import { myRegistrationConverter, parseLiveSessionSummary } from './live-sessions';

describe('parseLiveSessionSummary', () => {
  it('reads a document full of wrong types as safe defaults, without throwing', () => {
    const s = parseLiveSessionSummary('s1', {
      title: null,
      hostName: 9,
      scheduledAt: 'tomorrow',
      durationMin: '45',
      status: 'paused',
    });
    expect(s).toMatchObject({
      id: 's1',
      title: 'Live session',
      hostName: '',
      durationMin: 0,
      status: 'scheduled',
    });
    expect(s.scheduledAt).toBeInstanceOf(Date);
  });

  it('reads the scheduled time from a Timestamp', () => {
    const at = new Date('2026-12-01T18:00:00Z');
    expect(parseLiveSessionSummary('s2', { scheduledAt: { toDate: () => at } }).scheduledAt).toEqual(at);
  });
});

describe('myRegistrationConverter', () => {
  const snapshot = (data: unknown) =>
    ({ id: 'u1', data: () => data, ref: { parent: { parent: { id: 'session-1' } } } }) as never;

  it('takes the session id from the path and the time from registeredAt, else createdAt', () => {
    const at = new Date('2026-11-20T10:00:00Z');
    expect(myRegistrationConverter.fromFirestore(snapshot({ createdAt: at }))).toEqual({
      sessionId: 'session-1',
      registeredAt: at,
    });
  });

  it('reads a malformed registration without throwing', () => {
    expect(myRegistrationConverter.fromFirestore(snapshot(undefined)).registeredAt).toBeInstanceOf(Date);
  });
});

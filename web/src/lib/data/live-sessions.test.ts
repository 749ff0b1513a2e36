import { describe, expect, it } from 'vitest';
import { parseLiveSession, registrationConverter } from './live-sessions';

describe('parseLiveSession', () => {
  it('reads a document full of wrong types as safe defaults, without throwing', () => {
    const s = parseLiveSession('s1', {
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
    expect(parseLiveSession('s2', { scheduledAt: { toDate: () => at } }).scheduledAt).toEqual(at);
  });
});

describe('registrationConverter', () => {
  const snapshot = (data: unknown) =>
    ({ id: 'u1', data: () => data, ref: { parent: { parent: { id: 'session-1' } } } }) as never;

  it('takes the uid and session id from the path and the time from registeredAt, else createdAt', () => {
    const at = new Date('2026-11-20T10:00:00Z');
    const later = new Date('2026-11-21T10:00:00Z');
    expect(registrationConverter.fromFirestore(snapshot({ createdAt: at }))).toEqual({
      uid: 'u1',
      sessionId: 'session-1',
      displayName: 'Learner',
      createdAt: at,
    });
    expect(
      registrationConverter.fromFirestore(
        snapshot({ registeredAt: later, createdAt: at, displayName: 'Ada' }),
      ),
    ).toMatchObject({ displayName: 'Ada', createdAt: later });
  });

  it('reads a malformed registration without throwing', () => {
    expect(registrationConverter.fromFirestore(snapshot(undefined)).createdAt).toBeInstanceOf(Date);
  });
});

import { describe, expect, it } from 'vitest';
import { parseAuditLogEntry } from './audit-log';

describe('parseAuditLogEntry', () => {
  it('reads the actor’s and the target’s names stored on the entry', () => {
    const createdAt = new Date('2026-11-25T10:00:00Z');
    const entry = parseAuditLogEntry('a1', {
      actorId: 'u-admin',
      actorName: 'Ada Admin',
      action: 'user.setRole',
      targetUid: 'u-max',
      targetName: ' Max Member ',
      target: 'users/u-max',
      details: { role: 'educator', grant: true },
      createdAt,
    });
    expect(entry).toEqual({
      id: 'a1',
      actorId: 'u-admin',
      actorName: 'Ada Admin',
      action: 'user.setRole',
      targetUid: 'u-max',
      targetName: 'Max Member',
      target: 'users/u-max',
      details: { role: 'educator', grant: true },
      createdAt,
    });
  });

  it('reads entries written before the names were stored (or with blank ones) as null names', () => {
    const old = parseAuditLogEntry('a2', {
      actorId: 'u-admin',
      action: 'user.setStatus',
      targetUid: 'u-max',
    });
    expect(old.actorName).toBeNull();
    expect(old.targetName).toBeNull();
    expect(parseAuditLogEntry('a3', { actorName: '  ', targetName: 42 })).toMatchObject({
      actorName: null,
      targetName: null,
    });
  });
});

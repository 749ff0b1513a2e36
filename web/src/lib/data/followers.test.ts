import { describe, expect, it } from 'vitest';
import { parseFollower } from './followers';
import { parseUserProfile } from './users';

describe('followers', () => {
  it('parses a follower document', () => {
    const at = new Date('2026-12-01T10:00:00Z');
    expect(parseFollower('leo', { uid: 'leo', educatorId: 'ada', createdAt: at })).toEqual({
      uid: 'leo',
      educatorId: 'ada',
      createdAt: at,
    });
  });

  it('reads the public follower count, 0 when missing or not a count', () => {
    expect(parseUserProfile('ada', { followerCount: 12 }).followerCount).toBe(12);
    expect(parseUserProfile('ada', {}).followerCount).toBe(0);
    expect(parseUserProfile('ada', { followerCount: -4 }).followerCount).toBe(0);
    expect(parseUserProfile('ada', { followerCount: 'many' }).followerCount).toBe(0);
  });
});

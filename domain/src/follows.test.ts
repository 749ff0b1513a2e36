import { describe, expect, it } from 'vitest';
import { fanoutId, fanoutMessage, fanoutNotificationId, followerCountLabel, followRefusal } from './follows';

describe('followRefusal', () => {
  const educator = { exists: true, roles: ['learner', 'educator'] };
  it('lets a member follow an educator', () => {
    expect(followRefusal('me', 'edu', educator)).toBeNull();
  });
  it('refuses following yourself, nobody, or a learner', () => {
    expect(followRefusal('edu', 'edu', educator)).toBe('self');
    expect(followRefusal('me', 'edu', { exists: false, roles: [] })).toBe('no-profile');
    expect(followRefusal('me', 'edu', { exists: true, roles: ['learner'] })).toBe('not-educator');
  });
});

describe('fan-out ids', () => {
  it('gives one job and one notification id per announced thing', () => {
    expect(fanoutId('course_published', 'c1')).toBe('course_c1');
    expect(fanoutId('session_scheduled', 's1')).toBe('session_s1');
    expect(fanoutNotificationId('course_published', 'c1')).toBe('published_c1');
    // The same id the course-learner session notice uses: one notice for a follower who is enrolled.
    expect(fanoutNotificationId('session_scheduled', 's1')).toBe('scheduled_s1');
  });
});

describe('fanoutMessage', () => {
  it('quotes and trims the educator’s name and links to the course or session', () => {
    const course = fanoutMessage('course_published', {
      refId: 'c1',
      title: 'Intro to SQL',
      educatorName: ' Ada ',
    });
    expect(course).toEqual({
      title: 'New course from an educator you follow: Intro to SQL',
      body: '“Ada”, whom you follow, published a new course: Intro to SQL.',
      link: '/courses/c1',
    });
    const session = fanoutMessage('session_scheduled', {
      refId: 's1',
      title: 'Office hours',
      educatorName: 'x'.repeat(200),
      when: '2026-12-08 17:00 UTC',
    });
    expect(session.link).toBe('/live-sessions/s1');
    expect(session.body).toContain('for 2026-12-08 17:00 UTC: Office hours.');
    expect(session.body).toContain('…”');
    expect(session.body.length).toBeLessThan(160);
  });
});

describe('followerCountLabel', () => {
  it('says follower or followers', () => {
    expect(followerCountLabel(0)).toBe('0 followers');
    expect(followerCountLabel(1)).toBe('1 follower');
    expect(followerCountLabel(1204)).toBe('1,204 followers');
    expect(followerCountLabel(-3)).toBe('0 followers');
  });
});

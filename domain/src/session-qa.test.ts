import { describe, expect, it } from 'vitest';
import {
  exchangeMessageForQuestion,
  faqEntryId,
  myUnansweredQuestions,
  pickSuggestedTeachers,
  SESSION_SKILL_KEYS_MAX,
  sessionSkillKeys,
  type TeacherCandidate,
} from './session-qa';

const person = (uid: string, skills: string[], extra: Partial<TeacherCandidate> = {}): TeacherCandidate => ({
  uid,
  displayName: uid.toUpperCase(),
  status: 'active',
  offeredSkills: skills.map((name) => ({ name, level: 'expert' })),
  ...extra,
});

describe('faqEntryId', () => {
  it('is deterministic from the session and the question', () => {
    expect(faqEntryId('ls-1', 'q2')).toBe('ls-1_q2');
    expect(faqEntryId('ls-1', 'q2')).toBe(faqEntryId('ls-1', 'q2'));
    expect(faqEntryId('ls-1', 'q2')).not.toBe(faqEntryId('ls-1', 'q3'));
  });
});

describe('sessionSkillKeys', () => {
  it('normalises the course tags, then its category, without duplicates', () => {
    expect(sessionSkillKeys({ tags: ['React', 'JS', 'javascript', ' '], category: 'Programming' })).toEqual([
      'react',
      'javascript',
      'programming',
    ]);
  });

  it('gives nothing for a session without a course', () => {
    expect(sessionSkillKeys(null)).toEqual([]);
    expect(sessionSkillKeys({})).toEqual([]);
  });

  it('stops at the array-contains-any budget', () => {
    const tags = Array.from({ length: 20 }, (_, i) => `skill ${i}`);
    expect(sessionSkillKeys({ tags })).toHaveLength(SESSION_SKILL_KEYS_MAX);
  });
});

describe('pickSuggestedTeachers', () => {
  const keys = ['react', 'javascript', 'programming'];

  it('excludes the host and the asker and keeps only people who offer a session skill', () => {
    const picked = pickSuggestedTeachers(
      [
        person('host', ['React']),
        person('asker', ['React']),
        person('ana', ['Guitar']),
        person('ben', ['ReactJS']),
      ],
      keys,
      { exclude: ['host', 'asker'] },
    );
    expect(picked.map((p) => p.uid)).toEqual(['ben']);
    expect(picked[0]?.skill).toBe('ReactJS');
  });

  it('ranks the more specific skill first, then by rating, then by name', () => {
    const picked = pickSuggestedTeachers(
      [
        person('cat', ['JavaScript'], { rating: { average: 5, count: 9 } }),
        person('dan', ['React'], { rating: { average: 4, count: 2 } }),
        person('eve', ['React'], { rating: { average: 4.8, count: 1 } }),
        person('fay', ['React'], { rating: { average: 4, count: 7 } }),
      ],
      keys,
    );
    expect(picked.map((p) => p.uid)).toEqual(['eve', 'fay', 'dan', 'cat']);
  });

  it('caps the list, skips inactive accounts and duplicates', () => {
    const many = Array.from({ length: 9 }, (_, i) => person(`p${i}`, ['React']));
    const picked = pickSuggestedTeachers(
      [person('banned', ['React'], { status: 'banned' }), ...many, person('p0', ['React'])],
      keys,
      { max: 5 },
    );
    expect(picked).toHaveLength(5);
    expect(picked.map((p) => p.uid)).not.toContain('banned');
    expect(new Set(picked.map((p) => p.uid)).size).toBe(5);
  });

  it('lists the matched skill first among what they offer', () => {
    const [ann] = pickSuggestedTeachers([person('ann', ['Figma', 'JavaScript'])], keys);
    expect(ann?.offeredSkills).toEqual(['JavaScript', 'Figma']);
  });

  it('gives nobody when the session has no skill', () => {
    expect(pickSuggestedTeachers([person('ann', ['React'])], [])).toEqual([]);
  });
});

describe('exchangeMessageForQuestion', () => {
  it('quotes the question and names the session', () => {
    const message = exchangeMessageForQuestion('  How do\n effects   clean up? ', 'Hooks live');
    expect(message).toContain('"How do effects clean up?"');
    expect(message).toContain('"Hooks live"');
  });

  it('stays under the request message limit for the longest question', () => {
    expect(exchangeMessageForQuestion('x'.repeat(1000), 't'.repeat(200)).length).toBeLessThan(2000);
  });
});

describe('myUnansweredQuestions', () => {
  const q = (id: string, authorId: string, upvoterIds: string[], answered = false) => ({
    id,
    authorId,
    upvoterIds,
    answered,
  });

  it('lists my own and my upvoted unanswered questions, mine first, then most upvoted', () => {
    const list = myUnansweredQuestions(
      [
        q('a', 'me', [], true),
        q('b', 'other', ['me']),
        q('c', 'other', ['x', 'y', 'me']),
        q('d', 'me', []),
        q('e', 'other', ['x']),
      ],
      'me',
    );
    expect(list.map((x) => x.id)).toEqual(['d', 'c', 'b']);
  });
});

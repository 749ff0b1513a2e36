import { describe, expect, it } from 'vitest';
import {
  countedEndorsements,
  endorsementCount,
  endorsementSentence,
  endorserNames,
  RECENT_ENDORSERS,
  taughtSkillKey,
  withRecentEndorser,
} from './endorsements';

const exchange = { requesterId: 'rae', providerId: 'pia', offeredSkill: 'Spanish', requestedSkill: 'Py' };

describe('taughtSkillKey', () => {
  it('is the requester’s offered skill and the provider’s requested one, normalised', () => {
    expect(taughtSkillKey(exchange, 'rae')).toBe('spanish');
    expect(taughtSkillKey(exchange, 'pia')).toBe('python');
  });
  it('is null for someone outside the exchange or a missing skill', () => {
    expect(taughtSkillKey(exchange, 'eve')).toBeNull();
    expect(taughtSkillKey({ ...exchange, requestedSkill: 42 }, 'pia')).toBeNull();
  });
});

describe('countedEndorsements', () => {
  it('counts only the skill taught in the exchange, however it is spelt', () => {
    expect(countedEndorsements(['Python 3', 'Rocket science', 'Nobel laureate'], 'python', [])).toEqual([
      'python',
    ]);
    expect(countedEndorsements(['Rocket science'], 'python', [])).toEqual([]);
  });
  it('counts a person once per skill, even across exchanges', () => {
    expect(countedEndorsements(['Python'], 'python', ['python'])).toEqual([]);
  });
  it('counts nothing for malformed input', () => {
    expect(countedEndorsements('Python', 'python', [])).toEqual([]);
    expect(countedEndorsements(['Python'], null, [])).toEqual([]);
    expect(countedEndorsements([null, 3], 'python', 'junk')).toEqual([]);
  });
});

describe('withRecentEndorser', () => {
  const e = (uid: string, t: number) => ({ uid, name: uid.toUpperCase(), at: new Date(t) });
  it('puts the newest first and keeps the last three', () => {
    const list = [e('c', 3), e('b', 2), e('a', 1)];
    expect(withRecentEndorser(list, e('d', 4)).map((x) => x.uid)).toEqual(['d', 'c', 'b']);
    expect(RECENT_ENDORSERS).toBe(3);
  });
  it('lists a person once', () => {
    expect(withRecentEndorser([e('a', 1), e('b', 2)], e('b', 5)).map((x) => x.uid)).toEqual(['b', 'a']);
  });
});

describe('wording', () => {
  it('names endorsers as a sentence', () => {
    expect(endorserNames([])).toBe('');
    expect(endorserNames(['Ana'])).toBe('Ana');
    expect(endorserNames(['Ana', 'Bo'])).toBe('Ana and Bo');
    expect(endorserNames(['Ana', 'Bo', 'Cy'])).toBe('Ana, Bo and Cy');
  });
  it('says how many people endorsed a skill', () => {
    expect(endorsementSentence('Figma', 3)).toBe('3 people endorsed their Figma');
    expect(endorsementSentence('Figma', 1)).toBe('1 person endorsed their Figma');
  });
  it('looks a display name up by its normalised key', () => {
    expect(endorsementCount({ python: 2 }, 'Python 3')).toBe(2);
    expect(endorsementCount({ python: 2 }, 'Go')).toBe(0);
  });
});

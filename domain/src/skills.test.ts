import { describe, expect, it } from 'vitest';
import type { AvailabilitySlot } from './models';
import {
  cosineSimilarity,
  exchangeActions,
  isAllowedTransition,
  isStorableSkillKey,
  MAX_SKILL_NAME_LENGTH,
  matchScore,
  normalisedSkillKeys,
  normaliseSkill,
  overlapMinutes,
  timeZoneOffsetMinutes,
  weeklyUtcIntervals,
} from './skills';

const s = (name: string) => ({ name, level: 'beginner' as const });
const slot = (day: AvailabilitySlot['day'], start: string, end: string): AvailabilitySlot => {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return { day, startMin: m(start), endMin: m(end) };
};
// A winter date: Europe/Berlin is UTC+1, America/New_York UTC-5.
const WINTER = new Date('2026-01-14T12:00:00Z');

describe('normaliseSkill', () => {
  it('folds case, spacing, accents and punctuation', () => {
    expect(normaliseSkill('  Public   Speaking ')).toBe('public speaking');
    expect(normaliseSkill('Español')).toBe('espanol');
    expect(normaliseSkill('Photo-Editing!')).toBe('photo editing');
    expect(normaliseSkill('R&D')).toBe('r and d');
    expect(normaliseSkill('C++')).toBe('c++');
    expect(normaliseSkill('')).toBe('');
  });

  it('resolves common aliases to one key', () => {
    expect(normaliseSkill('JS')).toBe('javascript');
    expect(normaliseSkill('Java-Script')).toBe('javascript');
    expect(normaliseSkill('TS')).toBe('typescript');
    expect(normaliseSkill('py')).toBe('python');
    expect(normaliseSkill('ML')).toBe('machine learning');
    expect(normaliseSkill('UX')).toBe('ux design');
    expect(normaliseSkill('UI/UX')).toBe('ux design');
    expect(normaliseSkill('Node.js')).toBe('nodejs');
  });

  it('gives a profile’s distinct offered and desired keys', () => {
    expect(
      normalisedSkillKeys({
        offeredSkills: [s('JavaScript'), s('JS'), s(' '), s('Python')],
        desiredSkills: [s('Guitar')],
      }),
    ).toEqual({ offered: ['javascript', 'python'], desired: ['guitar'] });
    expect(normalisedSkillKeys({})).toEqual({ offered: [], desired: [] });
  });
});

describe('skill name length cap', () => {
  it('gives no key for a name longer than the cap (it could not name a skills/{key} document)', () => {
    const long = 'x'.repeat(MAX_SKILL_NAME_LENGTH + 1);
    expect(normalisedSkillKeys({ offeredSkills: [s(long), s('Python')] })).toEqual({
      offered: ['python'],
      desired: [],
    });
    expect(
      normalisedSkillKeys({ offeredSkills: [s('y'.repeat(MAX_SKILL_NAME_LENGTH))] }).offered,
    ).toHaveLength(1);
  });

  it('tells which keys can be document ids', () => {
    expect(isStorableSkillKey('python')).toBe(true);
    expect(isStorableSkillKey('z'.repeat(2000))).toBe(false);
    expect(isStorableSkillKey('')).toBe(false);
    expect(isStorableSkillKey('__name__')).toBe(false);
  });
});

describe('availability overlap', () => {
  it('knows the offset of a zone at a given time, DST included', () => {
    expect(timeZoneOffsetMinutes('Europe/Berlin', WINTER)).toBe(60);
    expect(timeZoneOffsetMinutes('Europe/Berlin', new Date('2026-07-01T12:00:00Z'))).toBe(120);
    expect(timeZoneOffsetMinutes('America/New_York', WINTER)).toBe(-300);
    expect(timeZoneOffsetMinutes('Not/AZone', WINTER)).toBe(0);
  });

  it('converts local slots to UTC minutes of the week', () => {
    // Monday 09:00–10:00 in Berlin is Monday 08:00–09:00 UTC.
    expect(weeklyUtcIntervals([slot('mon', '09:00', '10:00')], 'Europe/Berlin', WINTER)).toEqual([
      [480, 540],
    ]);
  });

  it('wraps Monday early morning east of UTC back to Sunday night', () => {
    // Monday 00:30–01:30 Berlin = Sunday 23:30 – Monday 00:30 UTC.
    expect(weeklyUtcIntervals([slot('mon', '00:30', '01:30')], 'Europe/Berlin', WINTER)).toEqual([
      [0, 30],
      [10050, 10080],
    ]);
  });

  it('counts the same hour in two time zones as overlapping', () => {
    const berlin = { availability: [slot('tue', '18:00', '20:00')], timezone: 'Europe/Berlin' };
    const newYork = { availability: [slot('tue', '12:00', '13:00')], timezone: 'America/New_York' };
    expect(overlapMinutes(berlin, newYork, WINTER)).toBe(60);
  });

  it('finds overlap across the week boundary and no double counting of overlapping slots', () => {
    const a = { availability: [slot('sun', '23:00', '23:59')], timezone: 'UTC' };
    const tokyo = {
      availability: [slot('mon', '08:00', '09:00'), slot('mon', '08:30', '09:00')],
      timezone: 'Asia/Tokyo',
    };
    // Monday 08:00–09:00 Tokyo = Sunday 23:00–24:00 UTC.
    expect(overlapMinutes(a, tokyo, WINTER)).toBe(59);
    expect(overlapMinutes({ availability: [], timezone: 'UTC' }, tokyo, WINTER)).toBe(0);
  });
});

describe('matchScore', () => {
  const me = {
    offeredSkills: [s('Spanish')],
    desiredSkills: [s('Python')],
    availability: [slot('wed', '18:00', '21:00')],
    timezone: 'UTC',
  };

  it('gives 40 for skills both ways and the full score for a perfect partner', () => {
    const them = {
      offeredSkills: [s('py')],
      desiredSkills: [s('spanish ')],
      availability: [slot('wed', '18:00', '21:00')],
      timezone: 'UTC',
    };
    const r = matchScore(me, them, {
      theirRating: { average: 5, count: 4 },
      theirCompletedExchanges: 9,
      theirResponsiveness: { received: 4, answered: 4 },
      at: WINTER,
    });
    expect(r).toEqual({
      score: 100,
      breakdown: {
        skills: 40,
        rating: 20,
        experience: 15,
        availability: 15,
        responsiveness: 10,
        overlapMinutes: 180,
        responsivenessMeasured: true,
        semantic: false,
      },
      theyOffer: ['py'],
      theyWant: ['spanish'],
      reasons: [
        { side: 'theyOffer', wanted: 'Python', offered: 'py', kind: 'alias' },
        { side: 'theyWant', wanted: 'spanish', offered: 'Spanish', kind: 'same' },
      ],
    });
  });

  it('gives partial credit for one side, rating/5×20, min(completed×3, 15), and neutral responsiveness', () => {
    const them = { offeredSkills: [s('Python')], desiredSkills: [s('Cooking')], availability: [] };
    const r = matchScore(me, them, {
      theirRating: { average: 4, count: 2 },
      theirCompletedExchanges: 2,
      theirResponsiveness: { received: 0, answered: 0 },
    });
    expect(r.breakdown).toMatchObject({
      skills: 20,
      rating: 16,
      experience: 6,
      availability: 5,
      responsiveness: 5,
      overlapMinutes: null,
      responsivenessMeasured: false,
    });
    expect(r.score).toBe(52);
    expect(r.theyOffer).toEqual(['Python']);
    expect(r.theyWant).toEqual([]);
  });

  it('measures responsiveness as the share of requests answered', () => {
    const r = matchScore(
      me,
      { offeredSkills: [s('Python')] },
      { theirResponsiveness: { received: 4, answered: 1 } },
    );
    expect(r.breakdown.responsiveness).toBe(3);
    expect(r.breakdown.responsivenessMeasured).toBe(true);
  });

  it('scales availability with the weekly overlap, 0 when both gave slots that never meet', () => {
    const them = {
      offeredSkills: [s('Python')],
      availability: [slot('wed', '20:00', '22:00')],
      timezone: 'UTC',
    };
    expect(matchScore(me, them, { at: WINTER }).breakdown).toMatchObject({
      availability: 5,
      overlapMinutes: 60,
    });
    const never = {
      offeredSkills: [s('Python')],
      availability: [slot('mon', '06:00', '07:00')],
      timezone: 'UTC',
    };
    expect(matchScore(me, never, { at: WINTER }).breakdown.availability).toBe(0);
  });

  it('uses a similarity function for the side without an exact match', () => {
    const them = { offeredSkills: [s('Python')], desiredSkills: [s('Castilian')] };
    const similarity = (a: string, b: string) => (a === 'spanish' && b === 'castilian' ? 0.9 : 0.1);
    const r = matchScore(me, them, { similarity });
    expect(r.breakdown.skills).toBe(38);
    expect(r.breakdown.semantic).toBe(true);
    expect(r.theyWant).toEqual(['Castilian']);
    expect(matchScore(me, them, { similarity: () => 0.5 }).breakdown.skills).toBe(20);
    expect(matchScore(me, them).breakdown.skills).toBe(20);
  });

  it('stays an integer within 0–100 for odd input', () => {
    const r = matchScore({}, {}, { theirRating: { average: 9, count: 1 }, theirCompletedExchanges: -3 });
    expect(Number.isInteger(r.score)).toBe(true);
    expect(r.score).toBe(20 + 5 + 5);
  });
});

describe('cosineSimilarity', () => {
  it('is 1 for parallel vectors and 0 for orthogonal or empty ones', () => {
    expect(cosineSimilarity([1, 2], [2, 4])).toBeCloseTo(1);
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
    expect(cosineSimilarity([], [])).toBe(0);
  });
});

describe('isAllowedTransition (mirrors the rules)', () => {
  const base = { requesterId: 'r', providerId: 'p' };

  it('lets only the provider accept or reject, and only the requester cancel, a pending request', () => {
    expect(isAllowedTransition('pending', 'accepted', { ...base, actor: 'p' })).toBe(true);
    expect(isAllowedTransition('pending', 'rejected', { ...base, actor: 'p' })).toBe(true);
    expect(isAllowedTransition('pending', 'accepted', { ...base, actor: 'r' })).toBe(false);
    expect(isAllowedTransition('pending', 'cancelled', { ...base, actor: 'r' })).toBe(true);
    expect(isAllowedTransition('pending', 'cancelled', { ...base, actor: 'p' })).toBe(false);
    expect(isAllowedTransition('pending', 'active', { ...base, actor: 'p' })).toBe(false);
  });

  it('activates only when both accepted the terms, completes only when both confirmed', () => {
    expect(isAllowedTransition('accepted', 'active', { ...base, actor: 'r', termsAcceptedBy: ['p'] })).toBe(
      false,
    );
    expect(
      isAllowedTransition('accepted', 'active', { ...base, actor: 'r', termsAcceptedBy: ['p', 'r'] }),
    ).toBe(true);
    expect(isAllowedTransition('active', 'completed', { ...base, actor: 'r', completedBy: ['r'] })).toBe(
      false,
    );
    expect(isAllowedTransition('active', 'completed', { ...base, actor: 'r', completedBy: ['r', 'p'] })).toBe(
      true,
    );
    expect(
      isAllowedTransition('accepted', 'completed', { ...base, actor: 'r', completedBy: ['r', 'p'] }),
    ).toBe(false);
  });

  it('lets either cancel an accepted or active exchange; final states are final; outsiders nothing', () => {
    expect(isAllowedTransition('accepted', 'cancelled', { ...base, actor: 'p' })).toBe(true);
    expect(isAllowedTransition('active', 'cancelled', { ...base, actor: 'r' })).toBe(true);
    expect(isAllowedTransition('completed', 'cancelled', { ...base, actor: 'r' })).toBe(false);
    expect(isAllowedTransition('rejected', 'accepted', { ...base, actor: 'p' })).toBe(false);
    expect(isAllowedTransition('accepted', 'cancelled', { ...base, actor: 'x' })).toBe(false);
  });
});

describe('exchangeActions', () => {
  const x = {
    requesterId: 'r',
    providerId: 'p',
    terms: null,
    termsAcceptedBy: [] as string[],
    completedBy: [] as string[],
  };
  it('offers the right actions per status and role', () => {
    expect(exchangeActions({ ...x, status: 'pending' }, 'p')).toEqual(['accept', 'reject', 'propose-terms']);
    expect(exchangeActions({ ...x, status: 'pending' }, 'r')).toEqual(['cancel', 'propose-terms']);
    expect(exchangeActions({ ...x, status: 'accepted', terms: {}, termsAcceptedBy: ['p'] }, 'r')).toEqual([
      'propose-terms',
      'accept-terms',
      'cancel',
    ]);
    expect(exchangeActions({ ...x, status: 'active', completedBy: ['r'] }, 'r')).toEqual(['cancel']);
    expect(exchangeActions({ ...x, status: 'completed' }, 'r')).toEqual(['rate']);
    expect(exchangeActions({ ...x, status: 'completed' }, 'r', true)).toEqual([]);
    expect(exchangeActions({ ...x, status: 'pending' }, 'o')).toEqual([]);
  });
});

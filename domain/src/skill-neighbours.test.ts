import { describe, expect, it } from 'vitest';
import {
  CONTAINS_SIMILARITY,
  combinedSimilarity,
  expandSkillKeys,
  mergeNeighbours,
  offlineNeighbours,
  offlineSkillSimilarity,
  RELATED_SIMILARITY,
  readNeighbours,
  type SkillNeighbour,
  skillNamesSimilarity,
  TYPO_SIMILARITY,
} from './skill-neighbours';
import {
  explainMatchReasons,
  MAX_ARRAY_CONTAINS_ANY,
  matchScore,
  normaliseSkill,
  SEMANTIC_THRESHOLD,
} from './skills';

const s = (name: string) => ({ name, level: 'beginner' as const });

describe('offline skill similarity', () => {
  it('folds spellings of one skill into one key (alias table)', () => {
    expect(normaliseSkill('JS')).toBe(normaliseSkill('JavaScript'));
    expect(normaliseSkill('k8s')).toBe(normaliseSkill('Kubernetes'));
    expect(normaliseSkill('UX')).toBe(normaliseSkill('User experience'));
    expect(skillNamesSimilarity('JS', 'JavaScript')).toBe(1);
  });

  it('relates close skills from the table, contained names and typos', () => {
    expect(skillNamesSimilarity('German', 'Deutsch')).toBe(RELATED_SIMILARITY);
    expect(skillNamesSimilarity('UX', 'Interaction design')).toBe(RELATED_SIMILARITY);
    expect(skillNamesSimilarity('JavaScript', 'Modern JavaScript')).toBe(CONTAINS_SIMILARITY);
    expect(skillNamesSimilarity('Spanish conversation', 'Spanish')).toBe(CONTAINS_SIMILARITY);
    expect(skillNamesSimilarity('Javscript', 'JavaScript')).toBe(TYPO_SIMILARITY);
    expect(skillNamesSimilarity('Photograpy', 'Photography')).toBe(TYPO_SIMILARITY);
  });

  it('does not relate different skills', () => {
    expect(skillNamesSimilarity('Java', 'JavaScript')).toBe(0);
    expect(skillNamesSimilarity('Design', 'UX design')).toBe(0); // "design" alone is too general
    expect(skillNamesSimilarity('Vue 2', 'Vue 3')).toBe(0); // digits are not typos
    expect(skillNamesSimilarity('React', 'Redux')).toBe(0);
    expect(skillNamesSimilarity('Teach sk 123', 'Learn sk 123')).toBe(0);
    expect(skillNamesSimilarity('', 'Python')).toBe(0);
    expect(offlineSkillSimilarity('python', 'python')).toBe(1);
  });
});

describe('offlineNeighbours', () => {
  it('finds a skill’s neighbours in the directory, closest first, plus its related-table keys', () => {
    const directory = ['javascript', 'modern javascript', 'java', 'typescript', 'javscript', 'python'];
    expect(offlineNeighbours('javascript', directory)).toEqual([
      { key: 'javscript', similarity: TYPO_SIMILARITY, source: 'typo' },
      { key: 'modern javascript', similarity: CONTAINS_SIMILARITY, source: 'contains' },
    ]);
    expect(offlineNeighbours('german', []).map((n) => n.key)).toEqual(['deutsch']);
    expect(offlineNeighbours('javascript', directory, 1)).toHaveLength(1);
  });

  it('merges lists keeping the closest similarity, dropping itself and weak ones', () => {
    const a: SkillNeighbour[] = [
      { key: 'x', similarity: 0.85, source: 'contains' },
      { key: 'me', similarity: 1, source: 'related' },
      { key: 'weak', similarity: SEMANTIC_THRESHOLD - 0.01, source: 'embedding' },
    ];
    const b: SkillNeighbour[] = [{ key: 'x', similarity: 0.93, source: 'embedding' }];
    expect(mergeNeighbours('me', [a, b])).toEqual([{ key: 'x', similarity: 0.93, source: 'embedding' }]);
  });

  it('reads stored lists defensively', () => {
    expect(readNeighbours([{ key: 'a', similarity: 0.9, source: 'related' }, { key: 3 }, null, 'x'])).toEqual(
      [{ key: 'a', similarity: 0.9, source: 'related' }],
    );
    expect(readNeighbours('nope')).toEqual([]);
  });
});

describe('expandSkillKeys', () => {
  it('keeps the profile’s own keys first, then neighbours closest first, without repeats', () => {
    const near: Record<string, SkillNeighbour[]> = {
      german: [{ key: 'deutsch', similarity: 0.9, source: 'related' }],
      javascript: [
        { key: 'modern javascript', similarity: 0.85, source: 'contains' },
        { key: 'german', similarity: 0.99, source: 'embedding' },
      ],
    };
    expect(expandSkillKeys(['javascript', 'german'], (k) => near[k] ?? [])).toEqual([
      'javascript',
      'german',
      'deutsch',
      'modern javascript',
    ]);
  });

  it('never passes Firestore’s array-contains-any limit of 30', () => {
    const keys = Array.from({ length: 12 }, (_, i) => `skill ${i}`);
    const near = (k: string): SkillNeighbour[] =>
      Array.from({ length: 10 }, (_, j) => ({
        key: `${k} near ${j}`,
        similarity: 0.9 - j / 100,
        source: 'embedding',
      }));
    const expanded = expandSkillKeys(keys, near);
    expect(expanded).toHaveLength(MAX_ARRAY_CONTAINS_ANY);
    expect(expanded.slice(0, 12)).toEqual(keys);
    expect(new Set(expanded).size).toBe(expanded.length);
    // The closest neighbours of every key come before anyone's second-closest.
    expect(expanded.slice(12, 24)).toEqual(keys.map((k) => `${k} near 0`));
    expect(
      expandSkillKeys(
        Array.from({ length: 40 }, (_, i) => `k${i}`),
        () => [],
      ),
    ).toHaveLength(30);
  });
});

describe('a synonym counts as skill compatibility (SPEC §5.3 formula unchanged)', () => {
  it('scores a close skill by its similarity and explains the match', () => {
    const similarity = combinedSimilarity(new Map());
    const me = { desiredSkills: [s('JavaScript')], offeredSkills: [s('German')] };
    const them = { offeredSkills: [s('Modern JavaScript')], desiredSkills: [s('Deutsch')] };
    const result = matchScore(me, them, { similarity });
    expect(result.breakdown.skills).toBe(Math.round(20 * CONTAINS_SIMILARITY + 20 * RELATED_SIMILARITY));
    expect(result.breakdown.semantic).toBe(true);
    expect(explainMatchReasons(result.reasons)).toEqual([
      'You want JavaScript; they offer Modern JavaScript, a close skill.',
      'They want Deutsch; you offer German, a close skill.',
    ]);
  });

  it('explains a spelling of the same skill and an identical name', () => {
    const result = matchScore(
      { desiredSkills: [s('JavaScript')], offeredSkills: [s('Python')] },
      { offeredSkills: [s('JS')], desiredSkills: [s('python')] },
    );
    expect(result.breakdown.skills).toBe(40);
    expect(result.reasons).toEqual([
      { side: 'theyOffer', wanted: 'JavaScript', offered: 'JS', kind: 'alias' },
      { side: 'theyWant', wanted: 'python', offered: 'Python', kind: 'same' },
    ]);
    expect(explainMatchReasons(result.reasons)).toEqual([
      'You want JavaScript; they offer JS.',
      'They want python; you offer it.',
    ]);
    expect(explainMatchReasons(undefined)).toEqual([]);
  });

  it('prefers embedding neighbours when they are closer than the offline rules', () => {
    const sim = combinedSimilarity(
      new Map([['guitar', [{ key: 'ukulele', similarity: 0.82, source: 'embedding' }]]]),
    );
    expect(sim('guitar', 'ukulele')).toBe(0.82);
    expect(sim('ukulele', 'guitar')).toBe(0.82);
    expect(combinedSimilarity(new Map(), () => 0.95)('a b', 'c d')).toBe(0.95);
  });
});

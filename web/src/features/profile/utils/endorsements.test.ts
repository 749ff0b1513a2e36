import { describe, expect, it } from 'vitest';
import { endorsedSkills } from './endorsements';

const at = new Date('2026-12-01T10:00:00Z');

describe('endorsedSkills', () => {
  it('lists endorsed skills most endorsed first, spelt as the person spells them, with their endorsers', () => {
    const list = endorsedSkills({
      endorsements: { python: 1, figma: 3, 'machine learning': 0 },
      endorsers: { figma: [{ uid: 'ana', name: 'Ana', at }] },
      skills: [{ name: 'Python 3', level: 'advanced' }],
      offeredSkills: [{ name: 'Figma', level: 'expert' }],
    });
    expect(list.map((s) => [s.name, s.count, s.endorsers.map((e) => e.name)])).toEqual([
      ['Figma', 3, ['Ana']],
      ['Python 3', 1, []],
    ]);
  });
  it('names a skill no longer listed from its key', () => {
    const list = endorsedSkills({
      endorsements: { 'ux design': 2 },
      endorsers: {},
      skills: [],
      offeredSkills: [],
    });
    expect(list[0]?.name).toBe('Ux Design');
  });
});

import { describe, expect, it } from 'vitest';
import { endorsementNotes } from './endorsements';

describe('endorsementNotes', () => {
  it('explains a match with how many people endorsed what they teach, most endorsed first', () => {
    expect(
      endorsementNotes({ theyOffer: ['Python', 'Figma', 'Go'], endorsements: { Python: 1, Figma: 3 } }),
    ).toEqual(['3 people endorsed their Figma', '1 person endorsed their Python']);
  });
  it('says nothing when nobody endorsed them', () => {
    expect(endorsementNotes({ theyOffer: ['Go'], endorsements: {} })).toEqual([]);
  });
});

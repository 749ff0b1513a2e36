import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../../lib/forms';
import { profileInputSchema } from './profile-schema';

const valid = {
  displayName: '  Ana López ',
  headline: 'Backend developer learning to paint',
  bio: '',
  timezone: 'Europe/Madrid',
  photoURL: '',
  skills: [{ name: 'Python', level: 'advanced' as const }],
  offeredSkills: [{ name: 'Python', level: 'advanced' as const }],
  desiredSkills: [{ name: 'Watercolour', level: 'beginner' as const }],
  interests: ['Art', 'Open source'],
  availability: [{ day: 'mon' as const, start: '18:00', end: '20:00' }],
};

describe('profileInputSchema', () => {
  it('trims text, turns an empty photo link into null and stores availability in minutes', () => {
    const out = profileInputSchema.parse(valid);
    expect(out.displayName).toBe('Ana López');
    expect(out.photoURL).toBeNull();
    expect(out.availability).toEqual([{ day: 'mon', startMin: 1080, endMin: 1200 }]);
  });

  it('requires a display name', () => {
    const result = profileInputSchema.safeParse({ ...valid, displayName: '   ' });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(fieldErrors(result.error).displayName).toBe('Enter the name people will see.');
  });

  it('only accepts a real time zone', () => {
    const result = profileInputSchema.safeParse({ ...valid, timezone: 'Mars/Olympus_Mons' });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrors(result.error).timezone).toMatch(/time zone/);
  });

  it('only accepts web links for the photo', () => {
    expect(profileInputSchema.safeParse({ ...valid, photoURL: 'javascript:alert(1)' }).success).toBe(false);
    expect(profileInputSchema.parse({ ...valid, photoURL: 'https://example.com/me.jpg' }).photoURL).toBe(
      'https://example.com/me.jpg',
    );
  });

  it('asks for a name on every skill row and rejects duplicates in a list', () => {
    const result = profileInputSchema.safeParse({
      ...valid,
      skills: [
        { name: 'Python', level: 'advanced' },
        { name: '', level: 'beginner' },
        { name: 'python', level: 'expert' },
      ],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = fieldErrors(result.error);
    expect(errors['skills.1.name']).toBe('Enter a skill name, or remove this row.');
    expect(errors['skills.2.name']).toBe('python is already in this list.');
  });

  it('limits the bio length', () => {
    const result = profileInputSchema.safeParse({ ...valid, bio: 'x'.repeat(1001) });
    expect(result.success).toBe(false);
  });
});

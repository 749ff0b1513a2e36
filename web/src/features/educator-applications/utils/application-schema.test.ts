import { describe, expect, it } from 'vitest';
import { applicationSchema } from './application-schema';

const valid = {
  expertise: ['Guitar', 'Music theory'],
  motivation: 'I have taught guitar to adults for eight years.',
  sampleUrl: 'https://example.com/lesson',
};

function messages(input: unknown): Record<string, string> {
  const result = applicationSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('applicationSchema', () => {
  it('accepts a complete application and trims it', () => {
    expect(applicationSchema.parse({ ...valid, motivation: `  ${valid.motivation}  ` })).toEqual(valid);
  });

  it('turns an empty sample link into null (it is optional)', () => {
    expect(applicationSchema.parse({ ...valid, sampleUrl: '  ' }).sampleUrl).toBeNull();
  });

  it('asks for at least one skill', () => {
    expect(messages({ ...valid, expertise: [] }).expertise).toMatch(/at least one skill/);
  });

  it('asks for 20 to 4000 characters of motivation', () => {
    expect(messages({ ...valid, motivation: 'Too short' }).motivation).toMatch(/at least 20 characters/);
    expect(messages({ ...valid, motivation: 'x'.repeat(4001) }).motivation).toMatch(/under 4000/);
    expect(messages({ ...valid, motivation: 'x'.repeat(4000) })).toEqual({});
  });

  it('refuses a sample link that is not an http(s) URL', () => {
    expect(messages({ ...valid, sampleUrl: 'example.com' }).sampleUrl).toMatch(/https:\/\//);
    expect(messages({ ...valid, sampleUrl: 'javascript:alert(1)' }).sampleUrl).toMatch(/https:\/\//);
  });
});

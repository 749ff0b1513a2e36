import { describe, expect, it } from 'vitest';
import { DOCUMENT_ID_MAX_BYTES, documentId, isNewDocumentId, isValidDocumentId } from './ids';

describe('isValidDocumentId', () => {
  it.each([
    ['lone high surrogate', '\ud800'],
    ['lone low surrogate inside text', 'a\udc00b'],
    ['a slash', 'a/b'],
    ['a lone slash', '/'],
    ['"."', '.'],
    ['".."', '..'],
    ['a reserved id', '__x__'],
    ['__name__', '__name__'],
    ['the empty string', ''],
    ['a number', 42],
    ['nothing', undefined],
  ])('refuses %s', (_what, id) => {
    expect(isValidDocumentId(id)).toBe(false);
  });

  it.each([
    ['an auto id', 'Jx3kP0aQ9zL2mN8rT1vW'],
    ['spaces', 'hx intro'],
    ['dots inside', 'a.b'],
    ['three dots', '...'],
    ['underscores that are not reserved', '__x'],
    ['an emoji (a surrogate pair)', 'course-🎓'],
    ['accents', 'café'],
    ['"constructor"', 'constructor'],
  ])('accepts %s', (_what, id) => {
    expect(isValidDocumentId(id)).toBe(true);
  });

  it('allows up to 1,500 UTF-8 bytes, counting multi-byte characters', () => {
    expect(isValidDocumentId('x'.repeat(DOCUMENT_ID_MAX_BYTES))).toBe(true);
    expect(isValidDocumentId('x'.repeat(DOCUMENT_ID_MAX_BYTES + 1))).toBe(false);
    // "é" is two bytes, "🎓" four: 750 and 375 of them fill the limit exactly.
    expect(isValidDocumentId('é'.repeat(750))).toBe(true);
    expect(isValidDocumentId('é'.repeat(751))).toBe(false);
    expect(isValidDocumentId('🎓'.repeat(375))).toBe(true);
    expect(isValidDocumentId('🎓'.repeat(376))).toBe(false);
  });
});

describe('documentId', () => {
  const schema = documentId('courseId');

  it('trims, then validates', () => {
    expect(schema.parse('  c1 ')).toBe('c1');
    expect(schema.safeParse(' .. ').success).toBe(false);
  });

  it('names the field in its messages', () => {
    expect(schema.safeParse('').error?.issues[0]?.message).toBe('courseId is required');
    expect(schema.safeParse('a/b').error?.issues[0]?.message).toMatch(/^courseId must be a document id/);
    expect(schema.safeParse(7).error?.issues[0]?.message).toBe('courseId must be a string');
  });
});

describe('isNewDocumentId', () => {
  it.each(['Xr3kP9aQ2mN7bV1cD5eF', 'final', 'l1', 'a_b-c', 'x'.repeat(128)])('accepts %s', (id) => {
    expect(isNewDocumentId(id)).toBe(true);
    expect(isValidDocumentId(id)).toBe(true);
  });

  it.each(['hx intro', '__x__', '', 'a/b', '.', 'a.b', 'é', 'x'.repeat(129), 42])('refuses %j', (id) => {
    expect(isNewDocumentId(id)).toBe(false);
  });
});

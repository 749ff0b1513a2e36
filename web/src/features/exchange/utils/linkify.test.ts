import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

describe('linkify', () => {
  it('finds http and https links and leaves sentence punctuation outside them', () => {
    expect(linkify('Notes: https://example.com/a?b=1. See http://x.io!')).toEqual([
      { kind: 'text', text: 'Notes: ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: '. See ' },
      { kind: 'link', text: 'http://x.io', href: 'http://x.io' },
      { kind: 'text', text: '!' },
    ]);
  });

  it('does not turn other schemes into links', () => {
    expect(linkify('javascript:alert(1) ftp://a')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) ftp://a' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('hashes UTF-8 text and inputs around the block boundaries (digests from node:crypto)', () => {
    const cases: [string, string][] = [
      ['hx intro', '8f59d3f50014c26adfe889c544486733df4e85d0214005b6426c1b13a48fbcfd'],
      ['é🎓 ünïcödé', '4521d8c675efc57f389193b16dc0b9343ee62517eb528f27b35dd4c37784676f'],
      ['a'.repeat(55), '9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318'],
      ['a'.repeat(56), 'b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a'],
      ['a'.repeat(64), 'ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb'],
      ['x'.repeat(1500), '67ba149e81413097ccbf64478ad47083bf4a77402b63804074fc8ebb73f685b5'],
    ];
    for (const [text, digest] of cases) expect(sha256Hex(text)).toBe(digest);
  });
});

import { describe, expect, it } from 'vitest';
import { globToRegExp } from './static-server';

describe('globToRegExp (firebase.json hosting sources)', () => {
  it('matches every path with **', () => {
    expect(globToRegExp('**').test('/')).toBe(true);
    expect(globToRegExp('**').test('/assets/index-abc.js')).toBe(true);
  });

  it('matches a folder and everything below it with /folder/**', () => {
    const assets = globToRegExp('/assets/**');
    expect(assets.test('/assets/index-abc.js')).toBe(true);
    expect(assets.test('/courses/assets/x.js')).toBe(false);
    expect(globToRegExp('/live/**').test('/live/session-1')).toBe(true);
  });

  it('matches one segment with * and treats dots literally', () => {
    const glob = globToRegExp('/u/*.json');
    expect(glob.test('/u/a.json')).toBe(true);
    expect(glob.test('/u/a/b.json')).toBe(false);
    expect(glob.test('/u/ajson')).toBe(false);
  });

  it('matches an exact path only', () => {
    expect(globToRegExp('/certificatePdf').test('/certificatePdf')).toBe(true);
    expect(globToRegExp('/certificatePdf').test('/certificatePdf/x')).toBe(false);
  });
});

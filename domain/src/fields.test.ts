import { describe, expect, it } from 'vitest';
import {
  asNum,
  asStr,
  bool,
  isRecord,
  nonEmptyStr,
  nonEmptyStrOrNull,
  nullableStr,
  num,
  obj,
  oneOf,
  str,
  strList,
  trimmedStr,
} from './fields';

describe('string readers: str keeps the empty string, nonEmptyStr treats it as missing', () => {
  it('str reads any string, the empty one included, and falls back otherwise', () => {
    expect(str('a')).toBe('a');
    expect(str('')).toBe('');
    expect(str('', 'x')).toBe('');
    expect(str(undefined)).toBe('');
    expect(str(3, 'x')).toBe('x');
    expect(asStr('')).toBe('');
    expect(asStr(null)).toBeUndefined();
    expect(nullableStr('')).toBe('');
    expect(nullableStr(1)).toBeNull();
  });

  it('nonEmptyStr reads a non-empty string and answers undefined for "" or a non-string', () => {
    expect(nonEmptyStr('a')).toBe('a');
    expect(nonEmptyStr(' ')).toBe(' ');
    expect(nonEmptyStr('')).toBeUndefined();
    expect(nonEmptyStr(7)).toBeUndefined();
    expect(nonEmptyStr('') ?? 'fallback').toBe('fallback');
    expect(nonEmptyStrOrNull('')).toBeNull();
    expect(nonEmptyStrOrNull('a')).toBe('a');
  });

  it('trimmedStr trims and treats a blank string as missing', () => {
    expect(trimmedStr('  Ada ')).toBe('Ada');
    expect(trimmedStr('   ')).toBeUndefined();
    expect(trimmedStr(undefined)).toBeUndefined();
  });
});

describe('number and boolean readers', () => {
  it('num reads finite numbers only and falls back otherwise', () => {
    expect(num(2.5)).toBe(2.5);
    expect(num(0, 9)).toBe(0);
    expect(num(Number.NaN)).toBe(0);
    expect(num(Number.POSITIVE_INFINITY, 4)).toBe(4);
    expect(num('3')).toBe(0);
    expect(asNum(Number.NaN)).toBeUndefined();
    expect(asNum(-1)).toBe(-1);
  });

  it('bool reads booleans only', () => {
    expect(bool(true)).toBe(true);
    expect(bool('true')).toBe(false);
    expect(bool(undefined, true)).toBe(true);
  });
});

describe('structured readers', () => {
  it('strList keeps the strings of an array and reads anything else as []', () => {
    expect(strList(['a', 1, '', null, 'b'])).toEqual(['a', '', 'b']);
    expect(strList('a')).toEqual([]);
  });

  it('isRecord and obj accept maps but not arrays or null', () => {
    expect(isRecord({ a: 1 })).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(obj([1])).toEqual({});
    expect(obj({ a: 1 })).toEqual({ a: 1 });
  });

  it('oneOf reads an allowed value or the fallback', () => {
    expect(oneOf(['a', 'b'] as const, 'b', null)).toBe('b');
    expect(oneOf(['a', 'b'] as const, 'c', 'a')).toBe('a');
  });
});

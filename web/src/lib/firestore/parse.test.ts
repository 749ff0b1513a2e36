import { describe, expect, it } from 'vitest';
import {
  arrayOf,
  arrayOfAll,
  asInt,
  asNum,
  asStr,
  bool,
  dateOrNow,
  dateOrNull,
  int,
  isObject,
  isPlainObject,
  nonEmptyStr,
  nullableStr,
  num,
  obj,
  oneOf,
  readOnlyConverter,
  recordOf,
  recordOfAll,
  str,
  strings,
  toDate,
  trimmedOrNull,
} from './parse';

/** Shaped like a Firestore Timestamp: a class instance with toDate(). */
class FakeTimestamp {
  constructor(private readonly ms: number) {}
  toDate() {
    return new Date(this.ms);
  }
}

describe('string readers', () => {
  it('str keeps any string, the empty one too, and falls back for anything else', () => {
    expect(str('Ana')).toBe('Ana');
    expect(str('')).toBe('');
    expect(str(undefined)).toBe('');
    expect(str(null, 'UTC')).toBe('UTC');
    expect(str(42, 'USD')).toBe('USD');
    expect(str(['a'])).toBe('');
    expect(str({ toString: () => 'x' })).toBe('');
  });

  it('asStr returns undefined (drop) for anything but a string', () => {
    expect(asStr('x')).toBe('x');
    expect(asStr('')).toBe('');
    expect(asStr(1)).toBeUndefined();
    expect(asStr(null)).toBeUndefined();
  });

  it('nullableStr reads null, undefined and wrong types as null', () => {
    expect(nullableStr('https://x')).toBe('https://x');
    expect(nullableStr(null)).toBeNull();
    expect(nullableStr(undefined)).toBeNull();
    expect(nullableStr(false)).toBeNull();
  });

  it('nonEmptyStr drops the empty string (a `.min(1)` id or name)', () => {
    expect(nonEmptyStr('s1')).toBe('s1');
    expect(nonEmptyStr('')).toBeUndefined();
    expect(nonEmptyStr(' ')).toBe(' ');
    expect(nonEmptyStr(7)).toBeUndefined();
  });

  it('trimmedOrNull trims, and reads blank or non-strings as null', () => {
    expect(trimmedOrNull('  Ana ')).toBe('Ana');
    expect(trimmedOrNull('   ')).toBeNull();
    expect(trimmedOrNull('')).toBeNull();
    expect(trimmedOrNull(3)).toBeNull();
  });
});

describe('number readers', () => {
  it('num keeps finite numbers only', () => {
    expect(num(3.5)).toBe(3.5);
    expect(num(-2)).toBe(-2);
    expect(num(0, 9)).toBe(0);
    expect(num(Number.NaN)).toBe(0);
    expect(num(Number.POSITIVE_INFINITY, 1)).toBe(1);
    expect(num(Number.NEGATIVE_INFINITY, 60)).toBe(60);
    expect(num('3')).toBe(0);
    expect(num(null, 1)).toBe(1);
    expect(num(undefined)).toBe(0);
  });

  it('asNum returns undefined for NaN, Infinity and non-numbers', () => {
    expect(asNum(1e300)).toBe(1e300);
    expect(asNum(Number.NaN)).toBeUndefined();
    expect(asNum(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(asNum('1')).toBeUndefined();
  });

  it('int keeps safe integers within the range, else the fallback', () => {
    expect(int(3, 5, 1, 5)).toBe(3);
    expect(int(6, 5, 1, 5)).toBe(5);
    expect(int(0, 5, 1, 5)).toBe(5);
    expect(int(4.5, 5, 1, 5)).toBe(5);
    expect(int(-7, -1)).toBe(-7);
    expect(int(2 ** 53, -1)).toBe(-1);
    expect(int(1e300, -1)).toBe(-1);
    expect(int(Number.NaN, 0, 0)).toBe(0);
    expect(int('2', 0)).toBe(0);
    expect(int(undefined, null, 0)).toBeNull();
  });

  it('asInt includes both ends of the range', () => {
    expect(asInt(0, 0, 1440)).toBe(0);
    expect(asInt(1440, 0, 1440)).toBe(1440);
    expect(asInt(1441, 0, 1440)).toBeUndefined();
    expect(asInt(-1, 0)).toBeUndefined();
    expect(asInt(9.5, 0, 1440)).toBeUndefined();
  });
});

describe('bool and oneOf', () => {
  it('bool keeps booleans only', () => {
    expect(bool(true)).toBe(true);
    expect(bool(false, true)).toBe(false);
    expect(bool('true')).toBe(false);
    expect(bool(1, true)).toBe(true);
    expect(bool(undefined, true)).toBe(true);
  });

  it('oneOf keeps an allowed value and falls back for anything else', () => {
    const LEVELS = ['beginner', 'expert'] as const;
    expect(oneOf(LEVELS, 'expert', 'beginner')).toBe('expert');
    expect(oneOf(LEVELS, 'Expert', 'beginner')).toBe('beginner');
    expect(oneOf(LEVELS, 1, null)).toBeNull();
    expect(oneOf(LEVELS, undefined, undefined)).toBeUndefined();
  });
});

describe('dates', () => {
  const at = new Date('2026-11-20T10:00:00Z');

  it('reads a Date, a Timestamp-like object and finite millis', () => {
    expect(toDate(at)).toBe(at);
    expect(toDate(new FakeTimestamp(at.getTime()))).toEqual(at);
    expect(toDate(at.getTime())).toEqual(at);
    expect(toDate(0)).toEqual(new Date(0));
  });

  it('reads anything else as null', () => {
    expect(dateOrNull(undefined)).toBeNull();
    expect(dateOrNull(null)).toBeNull();
    expect(dateOrNull('2026-11-20')).toBeNull();
    expect(dateOrNull(Number.NaN)).toBeNull();
    expect(dateOrNull(Number.POSITIVE_INFINITY)).toBeNull();
    expect(dateOrNull({ seconds: 1, nanoseconds: 0 })).toBeNull();
    expect(dateOrNull({ toDate: () => 'not a date' })).toBeNull();
  });

  it('dateOrNow reads a missing or malformed time as now', () => {
    const before = Date.now();
    const now = dateOrNow('soon').getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    expect(dateOrNow(new FakeTimestamp(at.getTime()))).toEqual(at);
  });
});

describe('objects', () => {
  it('obj gives a field view of any non-array object, else {}', () => {
    const doc = { a: 1 };
    expect(obj(doc)).toBe(doc);
    expect(obj(null)).toEqual({});
    expect(obj(undefined)).toEqual({});
    expect(obj('doc')).toEqual({});
    expect(obj([1, 2])).toEqual({});
    expect(isObject(new Date(0))).toBe(true);
  });

  it('isPlainObject accepts maps, not arrays, dates or class instances', () => {
    expect(isPlainObject({ a: 1 })).toBe(true);
    expect(isPlainObject(Object.assign(Object.create(null), { a: 1 }))).toBe(true);
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject(new Date(0))).toBe(false);
    expect(isPlainObject(new FakeTimestamp(0))).toBe(false);
    expect(isPlainObject(new Map())).toBe(false);
    expect(isPlainObject(null)).toBe(false);
  });
});

describe('arrays', () => {
  it('arrayOf keeps the items that read and drops the rest', () => {
    expect(arrayOf(['a', 1, '', null, 'b'], asStr)).toEqual(['a', '', 'b']);
    expect(arrayOf([{ id: 'x' }, { id: '' }, 'junk'], (x) => nonEmptyStr(obj(x).id))).toEqual(['x']);
  });

  it('arrayOf reads anything but an array as [], and holes as dropped items', () => {
    expect(arrayOf('a,b', asStr)).toEqual([]);
    expect(arrayOf({ 0: 'a' }, asStr)).toEqual([]);
    expect(arrayOf(undefined, asStr)).toEqual([]);
    // biome-ignore lint/suspicious/noSparseArray: a hole is what the reader must skip
    expect(arrayOf(['a', , 'b'], asStr)).toEqual(['a', 'b']);
  });

  it('arrayOfAll empties the whole array when one item does not read', () => {
    expect(arrayOfAll(['a', 'b'], asStr)).toEqual(['a', 'b']);
    expect(arrayOfAll(['a', 2], asStr)).toEqual([]);
    expect(arrayOfAll(null, asStr)).toEqual([]);
  });

  it('strings keeps the strings', () => {
    expect(strings(['x', 3, { name: 'y' }, 'z'])).toEqual(['x', 'z']);
    expect(strings('x')).toEqual([]);
  });
});

describe('records', () => {
  it('recordOf keeps the entries that read and drops the rest', () => {
    expect(recordOf({ a: 1, b: 'x', c: Number.NaN, d: 2 }, asNum)).toEqual({ a: 1, d: 2 });
  });

  it('recordOf reads anything but a map as {}', () => {
    expect(recordOf([1, 2], asNum)).toEqual({});
    expect(recordOf(new Date(0), asNum)).toEqual({});
    expect(recordOf(new FakeTimestamp(5), asNum)).toEqual({});
    expect(recordOf('a', asNum)).toEqual({});
    expect(recordOf(null, asNum)).toEqual({});
  });

  it('recordOfAll reads the whole map as {} when one value does not read (as zod did)', () => {
    expect(recordOfAll({ r: 2, p: 0 }, asNum)).toEqual({ r: 2, p: 0 });
    expect(recordOfAll({ r: 2, p: 'x' }, asNum)).toEqual({});
    expect(recordOfAll({ r: 2, p: Number.POSITIVE_INFINITY }, asNum)).toEqual({});
    expect(recordOfAll({}, asNum)).toEqual({});
    expect(recordOfAll([1], asNum)).toEqual({});
  });
});

describe('readOnlyConverter', () => {
  it('parses with the snapshot id and estimated server timestamps, and refuses to write', () => {
    const seen: unknown[] = [];
    const converter = readOnlyConverter('things', (id, data) => ({ id, name: str(obj(data).name) }));
    const snapshot = {
      id: 't1',
      data: (options: unknown) => {
        seen.push(options);
        return { name: 'Thing' };
      },
    };
    expect(converter.fromFirestore(snapshot as never)).toEqual({ id: 't1', name: 'Thing' });
    expect(seen).toEqual([{ serverTimestamps: 'estimate' }]);
    expect(() => converter.toFirestore({ id: 't1', name: 'Thing' })).toThrow(/written by the server/);
  });
});

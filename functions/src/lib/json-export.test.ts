import { GeoPoint, Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { docJson, toJsonValue } from './json-export';

describe('toJsonValue', () => {
  it('turns Firestore values into plain JSON', () => {
    const at = new Date('2026-12-07T10:00:00.000Z');
    expect(
      toJsonValue({
        at: Timestamp.fromDate(at),
        list: [Timestamp.fromDate(at), 1, 'x', null],
        geo: new GeoPoint(1, 2),
        bytes: new Uint8Array([1, 2, 3]),
        nested: { d: at, missing: undefined },
      }),
    ).toEqual({
      at: at.toISOString(),
      list: [at.toISOString(), 1, 'x', null],
      geo: { latitude: 1, longitude: 2 },
      bytes: 'AQID',
      nested: { d: at.toISOString(), missing: null },
    });
  });
  it('adds the id and extra fields to a document', () => {
    expect(docJson({ id: 'a', data: () => ({ n: 1 }) }, { courseId: 'c' })).toEqual({
      id: 'a',
      courseId: 'c',
      n: 1,
    });
  });
});

import { HttpsError } from 'firebase-functions/v2/https';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput } from './validate';

const schema = z.strictObject({
  uid: z.string().min(1),
  status: z.enum(['active', 'suspended', 'banned']),
  reason: z.string().max(10).optional(),
});

function errorOf(fn: () => unknown): HttpsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof HttpsError) return error;
    throw error;
  }
  throw new Error('expected an HttpsError');
}

describe('parseInput', () => {
  it('returns the parsed value for valid input', () => {
    expect(parseInput(schema, { uid: 'u1', status: 'active' })).toEqual({ uid: 'u1', status: 'active' });
  });

  it('throws invalid-argument naming each bad field', () => {
    const error = errorOf(() => parseInput(schema, { uid: '', status: 'asleep' }));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toMatch(/^Invalid request: /);
    expect(error.message).toContain('uid:');
    expect(error.message).toContain('status:');
    expect(error.message).toContain('suspended');
  });

  it('rejects unknown fields and missing data', () => {
    expect(errorOf(() => parseInput(schema, { uid: 'u', status: 'active', admin: true })).message).toContain(
      'admin',
    );
    expect(errorOf(() => parseInput(schema, undefined)).code).toBe('invalid-argument');
  });
});

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  devUnsubscribeSecret,
  signUnsubscribeToken,
  unsubscribeSecret,
  verifyUnsubscribeToken,
} from './unsubscribe-token';

const secret = 'test-secret-of-enough-length';

describe('unsubscribe tokens', () => {
  it('verify to the claim they were signed with', () => {
    const token = signUnsubscribeToken({ uid: 'u_1', type: 'nudge' }, secret);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribeToken(token, secret)).toEqual({ uid: 'u_1', type: 'nudge' });
  });

  it('refuse another key, an altered payload, a swapped signature and junk', () => {
    const token = signUnsubscribeToken({ uid: 'u_1', type: 'nudge' }, secret);
    const [payload, signature] = token.split('.') as [string, string];
    expect(verifyUnsubscribeToken(token, 'another-secret')).toBeNull();
    const other = Buffer.from(JSON.stringify({ v: 1, u: 'victim', t: 'nudge' })).toString('base64url');
    expect(verifyUnsubscribeToken(`${other}.${signature}`, secret)).toBeNull();
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expect(verifyUnsubscribeToken(`${payload}.${flipped}`, secret)).toBeNull();
    for (const junk of [
      undefined,
      null,
      42,
      '',
      'abc',
      `${payload}.`,
      `${payload}.${signature}.x`,
      'a'.repeat(5000),
    ])
      expect(verifyUnsubscribeToken(junk, secret)).toBeNull();
  });

  it('refuse a genuine signature over a payload that is not a claim', () => {
    const sign = (data: unknown) => {
      const p = Buffer.from(JSON.stringify(data)).toString('base64url');
      return `${p}.${createHmac('sha256', secret).update(p).digest('base64url')}`;
    };
    expect(verifyUnsubscribeToken(sign({ v: 1, u: 'u_1', t: 'nudge' }), secret)).toEqual({
      uid: 'u_1',
      type: 'nudge',
    });
    expect(verifyUnsubscribeToken(sign({ v: 1, u: 'u_1', t: 'not-a-type' }), secret)).toBeNull();
    expect(verifyUnsubscribeToken(sign({ v: 2, u: 'u_1', t: 'nudge' }), secret)).toBeNull();
    expect(verifyUnsubscribeToken(sign({ v: 1, u: '../x', t: 'nudge' }), secret)).toBeNull();
  });

  it('never verify without a key', () => {
    const token = signUnsubscribeToken({ uid: 'u_1', type: 'nudge' }, secret);
    expect(verifyUnsubscribeToken(token, '')).toBeNull();
    expect(() => signUnsubscribeToken({ uid: 'u_1', type: 'nudge' }, '')).toThrow();
  });

  it('use the secret, else the dev key in the emulator only', () => {
    expect(unsubscribeSecret(' s3cret ', { emulator: false, projectId: 'p' })).toBe('s3cret');
    expect(unsubscribeSecret('', { emulator: true, projectId: 'p' })).toBe(devUnsubscribeSecret('p'));
    expect(unsubscribeSecret('', { emulator: false, projectId: 'p' })).toBe('');
    expect(devUnsubscribeSecret('p')).not.toBe(devUnsubscribeSecret('q'));
  });
});

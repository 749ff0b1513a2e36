import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forgetReferrer, rememberedReferrer, rememberReferrer } from './referral';

const params = (query: string) => new URLSearchParams(query);

/** The web unit tests run in Node: a Map-backed sessionStorage stands in for the browser's. */
function fakeStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => {
      items.delete(key);
    },
    setItem: (key, value) => {
      items.set(key, String(value));
    },
  };
}

describe('remembered referrer', () => {
  const hadWindow = 'window' in globalThis;
  beforeAll(() => {
    if (!hadWindow) Object.assign(globalThis, { window: { sessionStorage: fakeStorage() } });
  });
  afterAll(() => {
    if (!hadWindow) Reflect.deleteProperty(globalThis, 'window');
  });
  afterEach(() => forgetReferrer());

  it('keeps a well-formed ref from the invite link until it is forgotten', () => {
    rememberReferrer(params('ref=user-ana'));
    expect(rememberedReferrer()).toBe('user-ana');
    forgetReferrer();
    expect(rememberedReferrer()).toBeNull();
  });

  it('ignores a missing or malformed ref and keeps the earlier one', () => {
    rememberReferrer(params('ref=first'));
    rememberReferrer(params(''));
    rememberReferrer(params('ref=../etc'));
    expect(rememberedReferrer()).toBe('first');
  });
});

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PORTS } from './emulators.mjs';
import { BASE_PORTS, CHROMIUM_UNSAFE_PORTS, portOffsetProblem } from './ports.mjs';
import { webPort } from './web-env.mjs';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('portOffsetProblem', () => {
  it('accepts no offset and the usual ones', () => {
    for (const raw of [undefined, '', '0', '1000', '3000', '6000'])
      expect(portOffsetProblem(raw)).toBeUndefined();
  });

  it('refuses an offset that puts a port on one Chromium refuses, naming it and suggesting another', () => {
    const problem = portOffsetProblem('2000');
    expect(problem).toContain('firestore on port 10080');
    expect(problem).toContain('ERR_UNSAFE_PORT');
    expect(problem).toMatch(/e\.g\. 1000/);
    // the dev server on 6000 (5173 + 827) would be refused too
    expect(portOffsetProblem('827')).toContain('web dev server on port 6000');
  });

  it('refuses what is not a port offset', () => {
    expect(portOffsetProblem('abc')).toMatch(/not a whole number/);
    expect(portOffsetProblem('-1000')).toMatch(/not a whole number/);
    expect(portOffsetProblem('60000')).toMatch(/above 65535/);
  });

  it('embeds Chromium’s list (spot checks)', () => {
    for (const port of [1, 22, 25, 6000, 6665, 6697, 10080])
      expect(CHROMIUM_UNSAFE_PORTS.has(port)).toBe(true);
    for (const port of [80, 443, 5173, 8080]) expect(CHROMIUM_UNSAFE_PORTS.has(port)).toBe(false);
  });

  it('checks the ports the stack really uses', () => {
    const firebase = JSON.parse(readFileSync(new URL('../../firebase.json', import.meta.url), 'utf8'));
    for (const [name, port] of Object.entries(PORTS)) {
      expect(BASE_PORTS[name as keyof typeof BASE_PORTS]).toBe(port);
      expect(firebase.emulators[name].port).toBe(port);
    }
    // The base stack's ports, whatever SV_PORT_OFFSET this test run has (a developer's lane).
    vi.stubEnv('SV_PORT_OFFSET', '');
    expect(BASE_PORTS['web dev server']).toBe(webPort('dev'));
    expect(BASE_PORTS['web preview server']).toBe(webPort('preview'));
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './emulators.mjs';
import { emulatorHosting, formatCsp, parseCsp } from './hosting-headers.mjs';

const ports = { auth: 12099, firestore: 11080, functions: 8001, storage: 12199 };
const hosting = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8')).hosting;

describe('the emulator copy of firebase.json hosting', () => {
  it('round-trips a CSP', () => {
    const csp = "default-src 'self'; img-src 'self' https:;  object-src 'none'";
    expect(formatCsp(parseCsp(csp))).toBe("default-src 'self'; img-src 'self' https:; object-src 'none'");
  });

  it('serves the given build and adds only this stack’s emulator origins to the CSP', () => {
    const out = emulatorHosting(hosting, { publicDir: 'web/dist-3000', ports });
    expect(out.public).toBe('web/dist-3000');
    expect(out.rewrites).toEqual(hosting.rewrites);
    const csp = (h: typeof hosting) =>
      h.headers
        .flatMap((r: { headers: { key: string; value: string }[] }) => r.headers)
        .find((x: { key: string }) => x.key === 'Content-Security-Policy').value as string;
    const before = new Map(parseCsp(csp(hosting)));
    const after = new Map(parseCsp(csp(out)));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, sources] of after) {
      const added = sources.filter((s) => !before.get(name)?.includes(s));
      const expected =
        {
          'connect-src': [
            'http://127.0.0.1:12099',
            'http://127.0.0.1:11080',
            'http://127.0.0.1:8001',
            'http://127.0.0.1:12199',
          ],
          'frame-src': ['http://127.0.0.1:12099'],
          'img-src': ['http://127.0.0.1:12199'],
          'media-src': ['http://127.0.0.1:12199'],
        }[name] ?? [];
      expect(added, name).toEqual(expected);
    }
    // Everything but the CSP is served as configured; firebase.json itself is not touched.
    expect(JSON.stringify(hosting)).not.toContain('127.0.0.1');
    const others = (h: typeof hosting) =>
      h.headers.map((r: { source: string; headers: { key: string }[] }) => ({
        source: r.source,
        headers: r.headers.filter((x) => x.key !== 'Content-Security-Policy'),
      }));
    expect(others(out)).toEqual(others(hosting));
  });
});

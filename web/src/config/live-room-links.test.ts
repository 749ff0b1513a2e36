import { describe, expect, it } from 'vitest';

// Every source file of the app, as text (Vite's glob import; tests excluded).
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

// Camera and microphone are allowed only by the live room's own HTTP response (see paths.liveRoom):
// a client-side navigation into the room would keep the previous page's Permissions-Policy.
describe('links into the live room', () => {
  it('load a new document (reloadDocument), never navigate client-side', () => {
    const offenders: string[] = [];
    let links = 0;
    for (const [file, text] of Object.entries(sources)) {
      text.split('\n').forEach((line, i) => {
        if (!line.includes('paths.liveRoom.href(')) return;
        links += 1;
        if (!/<(Button)?Link\b[^>]*\breloadDocument\b/.test(line))
          offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    expect(links).toBeGreaterThan(0);
    expect(offenders).toEqual([]);
  });
});

import rootShellSource from './root-shell.tsx?raw';
import { describe, expect, it } from 'vitest';
import { SKIP_LINK as SERVER_SKIP_LINK } from '../../../../functions/src/public-pages/render';
import { SKIP_LINK as HOME_SKIP_LINK } from '../../../../scripts/lib/prerender-home.mjs';

// The server's and the build's pages carry RootShell's skip link, so it is the first Tab stop before
// the app has taken over too, and the take-over does not move anything.
describe('the skip link in prerendered pages', () => {
  const className = /href="#main-content"\s+className="([^"]+)"/.exec(rootShellSource)?.[1];

  it('is RootShell’s skip link', () => {
    expect(className).toBeTruthy();
    const expected = `<a href="#main-content" class="${className}">Skip to content</a>`;
    expect(SERVER_SKIP_LINK).toBe(expected);
    expect(HOME_SKIP_LINK).toBe(expected);
  });
});

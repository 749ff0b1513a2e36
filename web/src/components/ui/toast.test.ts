import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ToastProvider } from './toast';

describe('ToastProvider', () => {
  it('puts both live regions in the page before the first toast, not hidden from screen readers', () => {
    const html = renderToStaticMarkup(
      createElement(ToastProvider, null, createElement('main', null, 'Page')),
    );
    const regions = [...html.matchAll(/<div ([^>]*data-toast-region="[^"]+"[^>]*)>/g)].map((m) => m[1] ?? '');
    expect(regions).toHaveLength(2);
    expect(regions.some((r) => r.includes('aria-live="polite"'))).toBe(true);
    expect(regions.some((r) => r.includes('aria-live="assertive"'))).toBe(true);
    for (const attrs of regions) {
      expect(attrs).not.toMatch(/\bhidden\b|aria-hidden|display:\s*none|sr-only/);
    }
  });
});

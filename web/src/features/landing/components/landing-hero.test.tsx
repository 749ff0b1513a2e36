import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { HERO_HTML } from '../../../../../scripts/lib/prerender-home.mjs';
import { LandingHero } from './landing-hero';

describe('LandingHero', () => {
  it('renders signed out exactly the markup the build prerenders into index.html', () => {
    // If this fails, the hero changed: copy the new markup into scripts/lib/prerender-home.mjs
    // (HERO_HTML), so `/` paints what React then renders — no flash, no layout shift.
    const html = renderToStaticMarkup(
      <MemoryRouter>
        <LandingHero signedIn={false} />
      </MemoryRouter>,
    );
    expect(html).toBe(HERO_HTML);
  });
});

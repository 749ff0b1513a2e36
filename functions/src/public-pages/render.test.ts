import { DEFAULT_CATALOG_FILTERS, parseCatalogParams } from '@skillverse/domain/catalog';
import { describe, expect, it } from 'vitest';
import { isDefaultCatalog, matchPage, readPublicCourse, withPreviews } from './public-page';
import {
  catalogBody,
  courseBody,
  courseMeta,
  escapeHtml,
  fillTemplate,
  headTags,
  type PublicCourse,
  safeJson,
} from './render';

const TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta
      name="description"
      content="SkillVerse: the site."
    />
    <title>SkillVerse</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
  </head>
  <body>
    <div id="root">
      <p>Loading SkillVerse…</p>
    </div>
    <noscript>SkillVerse needs JavaScript to run.</noscript>
  </body>
</html>`;

const EVIL = `</script><script>alert("x")</script>'"&<!-- $' $& $\``;

function course(over: Partial<PublicCourse> = {}): PublicCourse {
  return {
    id: 'c-react',
    title: 'React fundamentals',
    description: 'Components, state\nand effects.',
    category: 'Programming',
    level: 'beginner',
    price: 2999,
    currency: 'USD',
    thumbnailUrl: 'https://img.example/react.jpg',
    instructorId: 'u-ada',
    instructorName: 'Ada Lovelace',
    rating: { average: 4.56, count: 12 },
    enrollmentCount: 1,
    totalLectures: 2,
    totalDurationSec: 900,
    certificateEnabled: true,
    tags: ['react'],
    sections: [
      {
        title: 'Basics',
        lectures: [
          { title: 'Hello JSX', durationSec: 300, preview: true },
          { title: null, durationSec: 600, preview: false },
        ],
      },
    ],
    ...over,
  };
}

/** The JSON-LD scripts of an HTML document, parsed. */
function jsonLd(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
    JSON.parse(m[1] ?? ''),
  );
}

/** Every <script ...> opening tag: an injection would add one. */
const scriptTags = (html: string) => html.match(/<script\b[^>]*>/g) ?? [];

describe('the public page renderer', () => {
  it('puts the course content, price and curriculum in #root', () => {
    const html = fillTemplate(TEMPLATE, {
      title: 'React fundamentals',
      head: '',
      body: courseBody(course()),
      kind: 'course',
    });
    expect(html).toContain('<div id="root" data-prerendered="course">');
    expect(html).toContain('>React fundamentals</h1>');
    expect(html).toContain('$29.99');
    expect(html).toContain('Hello JSX');
    expect(html).toContain('Lecture 2'); // a lecture without a title in the outline
    expect(html).toContain('Ada Lovelace');
    expect(html).toContain('4.6');
    expect(html).toContain('<title>React fundamentals · SkillVerse</title>');
    expect(html).not.toContain('Loading SkillVerse');
    // The app's scripts and the noscript stay.
    expect(html).toContain('/assets/index-abc.js');
    expect(html).toContain('<noscript>');
    // The site's description gives way to the page's (one description only).
    expect(html).not.toContain('SkillVerse: the site.');
  });

  it('writes OpenGraph, Twitter and schema.org/Course tags with absolute URLs', () => {
    const meta = courseMeta(course({ thumbnailUrl: '/img/react.png' }), 'https://skillverse.app/');
    const head = headTags(meta);
    expect(head).toContain('<meta property="og:title" content="React fundamentals" />');
    expect(head).toContain('<meta property="og:url" content="https://skillverse.app/courses/c-react" />');
    expect(head).toContain('<meta property="og:image" content="https://skillverse.app/img/react.png" />');
    expect(head).toContain('<meta name="twitter:card" content="summary_large_image" />');
    expect(head).toContain('<link rel="canonical" href="https://skillverse.app/courses/c-react" />');
    const [ld] = jsonLd(head) as Record<string, unknown>[];
    expect(ld?.['@type']).toBe('Course');
    expect(ld?.name).toBe('React fundamentals');
    expect(ld?.provider).toMatchObject({ '@type': 'Organization', name: 'SkillVerse' });
    expect(ld?.offers).toMatchObject({ price: '29.99', priceCurrency: 'USD', category: 'Paid' });
    expect(ld?.aggregateRating).toMatchObject({ ratingValue: 4.6, ratingCount: 12 });
  });

  it('escapes titles, descriptions and names everywhere: nothing breaks out of a tag or a script', () => {
    const evil = course({
      title: EVIL,
      description: EVIL,
      instructorName: EVIL,
      category: EVIL,
      tags: [EVIL],
      thumbnailUrl: `https://img.example/a.jpg" onerror="alert(1)`,
      sections: [{ title: EVIL, lectures: [{ title: EVIL, durationSec: 60, preview: false }] }],
    });
    const meta = courseMeta(evil, 'https://skillverse.app');
    const html = fillTemplate(TEMPLATE, {
      title: evil.title,
      head: headTags(meta),
      body: courseBody(evil),
      kind: 'course',
    });
    // Only the template's module script and the one JSON-LD script.
    expect(scriptTags(html)).toEqual([
      '<script type="module" crossorigin src="/assets/index-abc.js">',
      '<script type="application/ld+json">',
    ]);
    expect(html).not.toContain('alert("x")</script>');
    expect(html).not.toContain('onerror="alert(1)"');
    expect(html).not.toContain('<!--');
    // The JSON-LD still parses back to the exact title.
    const [ld] = jsonLd(html) as Record<string, unknown>[];
    expect(ld?.name).toBe(EVIL);
    expect(html).toContain(escapeHtml(EVIL));
  });

  it('safeJson leaves no <, > or & and survives a round trip', () => {
    const value = { a: '</script><!-- & \u2028\u2029' };
    const out = safeJson(value);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual(value);
  });

  it('renders the catalogue header, filters bar and the first courses as cards', () => {
    const html = catalogBody(DEFAULT_CATALOG_FILTERS, {
      courses: [course(), course({ id: 'c 2', title: 'Free <b>one</b>', price: 0, thumbnailUrl: null })],
      more: true,
    });
    expect(html).toContain('>Courses</h1>');
    expect(html).toContain('placeholder="Search by title, topic or instructor"');
    expect(html.match(/<article\b/g)).toHaveLength(2);
    expect(html).toContain('href="/courses/c-react"');
    expect(html).toContain('href="/courses/c%202"');
    expect(html).toContain('Free &lt;b&gt;one&lt;/b&gt;');
    expect(html).toContain('<span class="font-bold text-emerald-700">Free</span>');
    expect(html).toContain('$29.99');
    expect(html).toContain('Ada Lovelace');
    expect(html).toContain('(12 ratings)');
    expect(html).toContain('2 lectures · 15 min');
    expect(html).toContain('Load more courses');
    // The cards are visible: no visually hidden list any more.
    expect(html).not.toContain('sr-only" aria-label="Courses"');
    expect(catalogBody(DEFAULT_CATALOG_FILTERS, { courses: [course()], more: false })).not.toContain(
      'Load more',
    );
  });

  it('shows the filters of a filtered URL and leaves its results to the app', () => {
    const filters = { ...DEFAULT_CATALOG_FILTERS, q: 'react "hooks"', level: 'advanced' as const };
    const html = catalogBody(filters, null);
    expect(html).toContain('value="react &quot;hooks&quot;"');
    expect(html).toContain('<option value="advanced" selected="">Advanced</option>');
    expect(html).toContain('Clear search and filters');
    expect(html).not.toContain('<article');
  });

  it('escapes everything on a catalogue card', () => {
    const evil = course({
      id: `"><script>alert(1)</script>`,
      title: EVIL,
      instructorName: EVIL,
      category: EVIL,
      level: EVIL,
      currency: 'US"<D',
      thumbnailUrl: `https://img.example/a.jpg" onerror="alert(1)`,
    });
    const html = fillTemplate(TEMPLATE, {
      title: 'Courses',
      head: '',
      body: catalogBody({ ...DEFAULT_CATALOG_FILTERS, q: EVIL }, { courses: [evil], more: false }),
      kind: 'catalog',
    });
    expect(scriptTags(html)).toEqual(['<script type="module" crossorigin src="/assets/index-abc.js">']);
    expect(html).not.toContain('alert("x")</script>');
    expect(html).not.toContain('onerror="alert(1)"');
    expect(html).not.toContain('<!--');
    expect(html).toContain(`href="/courses/${encodeURIComponent(evil.id)}"`);
    expect(html).toContain(`>${escapeHtml(EVIL)}</a></h3>`);
    expect(html).toContain(`value="${escapeHtml(EVIL)}"`);
  });

  it('keeps the template when there is no #root to fill', () => {
    const html = fillTemplate('<html><head><title>x</title></head><body></body></html>', {
      title: 't',
      head: '<meta name="x" />',
      body: '<p>hi</p>',
      kind: 'course',
    });
    expect(html).toBe(
      '<html><head><title>t · SkillVerse</title>    <meta name="x" />\n  </head><body></body></html>',
    );
  });
});

describe('publicPage routing and reading', () => {
  it('matches the public pages only', () => {
    expect(matchPage('/courses')).toEqual({ page: 'catalog', id: '' });
    expect(matchPage('/courses/')).toEqual({ page: 'catalog', id: '' });
    expect(matchPage('/courses/abc')).toEqual({ page: 'course', id: 'abc' });
    expect(matchPage('/u/u1')).toEqual({ page: 'profile', id: 'u1' });
    expect(matchPage('/certificates/c1/verify')).toEqual({ page: 'certificate', id: 'c1' });
    expect(matchPage('/courses/abc/learn/l1')).toBeNull();
    expect(matchPage('/dashboard')).toBeNull();
  });

  it('renders cards for the bare catalogue only (no search, filter or other sort)', () => {
    const is = (query: string) => isDefaultCatalog(parseCatalogParams(new URLSearchParams(query)));
    expect(is('')).toBe(true);
    expect(is('sort=newest&utm_source=x&category=Nope')).toBe(true);
    expect(is('q=react')).toBe(false);
    expect(is('level=beginner')).toBe(false);
    expect(is('price=free')).toBe(false);
    expect(is('rating=4')).toBe(false);
    expect(is('sort=popular')).toBe(false);
  });

  const snap = (id: string, data: Record<string, unknown> | undefined) =>
    ({ id, exists: data !== undefined, data: () => data }) as never;

  it('reads published courses only, outline in section order', () => {
    expect(readPublicCourse(snap('x', undefined))).toBeNull();
    expect(readPublicCourse(snap('x', { status: 'draft', title: 'Secret' }))).toBeNull();
    const c = readPublicCourse(
      snap('x', {
        status: 'published',
        title: 'T',
        price: 500,
        currency: 'eur',
        sections: [
          { id: 's2', order: 2, title: 'Second', lectures: [{ id: 'b', title: 'B', durationSec: 10 }] },
          {
            id: 's1',
            order: 1,
            title: 'First',
            lectureIds: ['a', 'z'],
            lectures: [{ id: 'a', title: 'A', durationSec: 5, preview: true }],
          },
        ],
      }),
    );
    expect(c?.currency).toBe('EUR');
    expect(c?.sections.map((s) => s.title)).toEqual(['First', 'Second']);
    expect(c?.sections[0]?.lectures).toEqual([
      { id: 'a', title: 'A', durationSec: 5, preview: true },
      { id: 'z', title: null, durationSec: null, preview: false },
    ]);
    const filled = withPreviews(c as PublicCourse, [{ id: 'z', title: 'Z preview', durationSec: 42 }]);
    expect(filled.sections[0]?.lectures[1]).toEqual({
      id: 'z',
      title: 'Z preview',
      durationSec: 42,
      preview: true,
    });
  });
});

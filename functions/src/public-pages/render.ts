// The HTML of the public pages as the publicPage function serves it (docs/rendering.md): the web
// build's index.html with the page's title, share-preview tags (OpenGraph, Twitter card),
// schema.org JSON-LD, and — for `/courses` and `/courses/:id` — the page's content inside #root, so
// it paints before any JavaScript has arrived. The markup mirrors the React pages (same elements,
// same Tailwind classes: the classes exist in the web build's CSS because the React components use
// them), so when the app takes over (web/src/main.tsx keeps this HTML until the route's page is
// ready) nothing moves. Pure: no Firestore, no I/O; unit-tested in render.test.ts.
import {
  CATALOG_SORT_LABELS,
  CATALOG_SORTS,
  type CatalogFilters,
  formatDuration,
  hasActiveFilters,
  LEVEL_LABELS,
  MIN_RATINGS,
} from '@skillverse/domain/catalog';
import { formatPrice } from '@skillverse/domain/courses-api';
import { CATEGORIES, COURSE_LEVELS } from '@skillverse/domain/models';

/** Text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * JSON that is safe inside `<script type="application/ld+json">`: no `<` (so no `</script>` or
 * `<!--`), `>` and `&` escaped, and the two line separators JavaScript parsers once choked on.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** One line of plain text for a meta description: whitespace collapsed, at most `max` characters. */
export function summary(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** `base` + `path` as an absolute URL; an absolute `path` (http/https only) is kept. */
export function absoluteUrl(base: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return new URL(path, `${base.replace(/\/$/, '')}/`).toString();
}

export interface ShareMeta {
  /** The page title (without the site name). */
  title: string;
  description: string;
  /** Absolute canonical URL of the page. */
  url: string;
  /** Absolute image URL, or null for none. */
  image: string | null;
  /** og:type: 'website', 'profile', 'article'. */
  type: string;
  /** schema.org data for a JSON-LD script, or null. */
  jsonLd?: unknown;
}

/** The `<head>` tags of a page's share preview: description, canonical, OpenGraph, Twitter, JSON-LD. */
export function headTags(meta: ShareMeta): string {
  const tags = [
    `<meta name="description" content="${escapeHtml(meta.description)}" />`,
    `<link rel="canonical" href="${escapeHtml(meta.url)}" />`,
    `<meta property="og:site_name" content="SkillVerse" />`,
    `<meta property="og:type" content="${escapeHtml(meta.type)}" />`,
    `<meta property="og:title" content="${escapeHtml(meta.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(meta.description)}" />`,
    `<meta property="og:url" content="${escapeHtml(meta.url)}" />`,
    `<meta name="twitter:card" content="${meta.image ? 'summary_large_image' : 'summary'}" />`,
    `<meta name="twitter:title" content="${escapeHtml(meta.title)}" />`,
    `<meta name="twitter:description" content="${escapeHtml(meta.description)}" />`,
  ];
  if (meta.image) {
    tags.push(
      `<meta property="og:image" content="${escapeHtml(meta.image)}" />`,
      `<meta name="twitter:image" content="${escapeHtml(meta.image)}" />`,
    );
  }
  if (meta.jsonLd) tags.push(`<script type="application/ld+json">${safeJson(meta.jsonLd)}</script>`);
  return tags.join('\n    ');
}

/**
 * index.html with the page's title and head tags, and `body` (when given) as the content of #root,
 * marked `data-prerendered` so the app keeps it painted until the route's page can take over.
 * The template's own description (the site's) gives way to the page's.
 */
export function fillTemplate(
  template: string,
  page: { title: string; head: string; body?: string; kind: string },
): string {
  let html = template
    // Replacer functions: a replacement string would expand `$&`, `$'` and `$\`` in a title.
    .replace(/<title>[\s\S]*?<\/title>/, () => `<title>${escapeHtml(page.title)} · SkillVerse</title>`)
    .replace(/\s*<meta\s+name="description"[\s\S]*?\/?>/, '')
    .replace('</head>', () => `    ${page.head}\n  </head>`);
  if (page.body !== undefined) {
    const start = html.indexOf('<div id="root">');
    const end = html.indexOf('<noscript>', start);
    if (start !== -1 && end !== -1) {
      const body = page.body;
      html = `${html.slice(0, start)}<div id="root" data-prerendered="${escapeHtml(page.kind)}">${body}</div>\n    ${html.slice(end)}`;
    }
  }
  return html;
}

// ---------------------------------------------------------------------------------------------
// Page content (mirrors web/src/features/courses/pages/*.tsx and the main layout)

export interface PublicCourse {
  id: string;
  title: string;
  description: string;
  category: string;
  level: string;
  price: number;
  currency: string;
  thumbnailUrl: string | null;
  instructorId: string;
  instructorName: string | null;
  rating: { average: number; count: number };
  enrollmentCount: number;
  totalLectures: number;
  totalDurationSec: number;
  certificateEnabled: boolean;
  tags: string[];
  sections: {
    title: string;
    lectures: { id?: string; title: string | null; durationSec: number | null; preview: boolean }[];
  }[];
}

const BADGE =
  'inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset';
const BADGE_NEUTRAL = `${BADGE} bg-stone-100 text-stone-700 ring-stone-200`;
const BADGE_BRAND = `${BADGE} bg-brand-50 text-brand-800 ring-brand-200`;
const BADGE_SUCCESS = `${BADGE} bg-emerald-50 text-emerald-800 ring-emerald-200`;
const CARD = 'rounded-(--radius-card) border border-stone-200 bg-white shadow-(--shadow-card)';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Beginner" for 'beginner'; an unknown level as it is (never an Object.prototype member). */
const levelLabel = (level: string): string =>
  Object.hasOwn(LEVEL_LABELS, level) ? LEVEL_LABELS[level as keyof typeof LEVEL_LABELS] : level;

/** The layout around a page: the header placeholder of index.html, the main landmark, no footer yet. */
/** RootShell's skip link (web/src/app/layouts/root-shell.tsx): the first Tab stop before the app runs too. */
export const SKIP_LINK =
  '<a href="#main-content" class="sr-only rounded-lg bg-white font-semibold text-brand-800 focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:px-4 focus:py-2 focus:shadow-lg">Skip to content</a>';

function layout(content: string): string {
  return `${SKIP_LINK}<div class="flex min-h-dvh flex-col"><div class="border-b border-stone-200 bg-white"><div class="mx-auto flex h-16 max-w-7xl items-center px-3 sm:px-6"><a href="/" class="pl-2 text-base font-bold tracking-tight text-stone-900 sm:text-lg">Skill<span class="text-brand-700">Verse</span></a></div></div><main id="main-content" tabindex="-1" class="flex-1 outline-none">${content}</main></div>`;
}

function ratingSummary(rating: { average: number; count: number }): string {
  if (rating.count === 0) return '<span class="text-sm text-stone-600">No ratings yet</span>';
  const star =
    '<svg viewBox="0 0 24 24" class="size-4 shrink-0" aria-hidden="true"><path fill="currentColor" d="m12 2 3.09 6.26L22 9.27l-5 4.87 1.18 6.88L12 17.77l-6.18 3.25L7 14.14 2 9.27l6.91-1.01L12 2z"/></svg>';
  const row = star.repeat(5);
  const pct = Math.max(0, Math.min(100, (rating.average / 5) * 100));
  const stars = `<span aria-hidden="true" class="relative inline-flex"><span class="flex text-stone-300">${row}</span><span class="absolute inset-0 flex overflow-hidden text-amber-500" style="width: ${pct}%">${row}</span></span>`;
  return `<span class="inline-flex items-center gap-1.5 text-sm">${stars}<span class="font-semibold text-stone-900">${escapeHtml(rating.average.toFixed(1))}</span><span class="text-stone-600">(${escapeHtml(plural(rating.count, 'rating', 'ratings'))})</span><span class="sr-only">out of 5</span></span>`;
}

function outline(course: PublicCourse): string {
  if (course.sections.length === 0) {
    return '<p class="text-stone-700">The outline for this course isn’t ready yet.</p>';
  }
  let number = 0;
  const sections = course.sections.map((section) => {
    const total = section.lectures.reduce((sum, l) => sum + (l.durationSec ?? 0), 0);
    const rows = section.lectures.map((l) => {
      number += 1;
      const duration =
        l.durationSec !== null
          ? `<span class="w-16 text-right text-stone-600 tabular-nums">${escapeHtml(formatDuration(l.durationSec))}</span>`
          : '';
      const preview = l.preview ? `<span class="${BADGE_SUCCESS}">Preview</span>` : '';
      return `<li class="flex items-center gap-3 px-4 py-2.5 text-sm"><span class="size-4" aria-hidden="true"></span><span class="min-w-0 flex-1 text-stone-800">${escapeHtml(l.title ?? `Lecture ${number}`)}</span>${preview}${duration}</li>`;
    });
    return `<li class="overflow-hidden rounded-xl border border-stone-200 bg-white"><div class="flex flex-wrap items-baseline justify-between gap-2 bg-stone-50 px-4 py-3"><h3 class="font-semibold text-stone-900">${escapeHtml(section.title || 'Untitled section')}</h3><span class="text-sm text-stone-600">${escapeHtml(plural(section.lectures.length, 'lecture', 'lectures'))}${total > 0 ? ` · ${escapeHtml(formatDuration(total))}` : ''}</span></div><ol class="divide-y divide-stone-100">${rows.join('')}</ol></li>`;
  });
  return `<ol class="flex flex-col gap-4">${sections.join('')}</ol>`;
}

/** #root content of /courses/:id for a published course, signed out (the enrol panel loads with the app). */
export function courseBody(course: PublicCourse): string {
  const level = levelLabel(course.level);
  const image = course.thumbnailUrl
    ? `<img src="${escapeHtml(course.thumbnailUrl)}" alt="" loading="eager" fetchpriority="high" class="size-full object-cover" referrerpolicy="no-referrer" />`
    : '<div class="flex size-full items-center justify-center text-brand-300"></div>';
  const tags =
    course.tags.length > 0
      ? `<ul class="mt-4 flex flex-wrap gap-2" aria-label="Tags">${course.tags.map((t) => `<li><span class="${BADGE_NEUTRAL}">${escapeHtml(t)}</span></li>`).join('')}</ul>`
      : '';
  const certificate = course.certificateEnabled ? '<span>Certificate of completion</span>' : '';
  return layout(
    `<div><section class="border-b border-stone-200 bg-gradient-to-b from-brand-50 to-white"><div class="mx-auto grid max-w-7xl gap-8 px-4 py-10 sm:px-6 lg:grid-cols-3"><div class="lg:col-span-2"><div class="flex flex-wrap gap-2"><span class="${BADGE_BRAND}">${escapeHtml(course.category)}</span><span class="${BADGE_NEUTRAL}">${escapeHtml(level)}</span></div><h1 tabindex="-1" class="mt-3 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">${escapeHtml(course.title)}</h1><p class="mt-3 text-stone-700">By <span class="font-medium text-stone-900">${escapeHtml(course.instructorName || 'a SkillVerse educator')}</span></p><div class="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-stone-700">${ratingSummary(course.rating)}<span>${escapeHtml(plural(course.enrollmentCount, 'learner', 'learners'))}</span><span>${escapeHtml(plural(course.totalLectures, 'lecture', 'lectures'))} · ${escapeHtml(formatDuration(course.totalDurationSec))}</span>${certificate}</div></div><div class="${CARD} overflow-hidden lg:row-span-2"><div class="aspect-video w-full overflow-hidden bg-brand-50">${image}</div><div class="px-5 py-4 flex flex-col gap-3"><p class="text-2xl font-bold text-stone-900" data-testid="prerendered-price">${escapeHtml(formatPrice(course.price, course.currency))}</p><a href="/sign-in" class="inline-flex shrink-0 items-center justify-center rounded-lg font-semibold transition-colors bg-brand-600 text-white shadow-sm hover:bg-brand-700 h-12 px-6 text-base gap-2 w-full">Sign in to enrol</a></div></div></div></section><div class="mx-auto grid max-w-7xl gap-8 px-4 py-10 sm:px-6 lg:grid-cols-3"><div class="flex flex-col gap-8 lg:col-span-2"><section aria-labelledby="about-heading"><h2 id="about-heading" class="text-xl font-semibold text-stone-900">About this course</h2><p class="mt-3 whitespace-pre-line text-stone-800">${escapeHtml(course.description)}</p>${tags}</section><section aria-labelledby="outline-heading"><h2 id="outline-heading" class="mb-3 text-xl font-semibold text-stone-900">Course outline</h2>${outline(course)}</section></div></div></div>`,
  );
}

/** Share preview and schema.org/Course data of a course page. */
export function courseMeta(course: PublicCourse, appUrl: string): ShareMeta {
  const url = absoluteUrl(appUrl, `/courses/${encodeURIComponent(course.id)}`);
  const description = summary(course.description || `${course.title}: a course on SkillVerse.`);
  const image = course.thumbnailUrl ? absoluteUrl(appUrl, course.thumbnailUrl) : null;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: course.title,
    description,
    url,
    ...(image ? { image } : {}),
    provider: { '@type': 'Organization', name: 'SkillVerse', sameAs: absoluteUrl(appUrl, '/') },
    ...(course.instructorName
      ? {
          creator: {
            '@type': 'Person',
            name: course.instructorName,
            url: absoluteUrl(appUrl, `/u/${encodeURIComponent(course.instructorId)}`),
          },
        }
      : {}),
    offers: {
      '@type': 'Offer',
      category: course.price > 0 ? 'Paid' : 'Free',
      price: (course.price / 100).toFixed(2),
      priceCurrency: course.currency,
      url,
    },
    hasCourseInstance: {
      '@type': 'CourseInstance',
      courseMode: 'Online',
      courseWorkload: `PT${Math.max(1, Math.round(course.totalDurationSec / 60))}M`,
    },
    ...(course.rating.count > 0
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: Number(course.rating.average.toFixed(1)),
            ratingCount: course.rating.count,
            bestRating: 5,
          },
        }
      : {}),
  };
  return { title: course.title, description, url, image, type: 'website', jsonLd };
}

export const CATALOG_TITLE = 'Courses';
export const CATALOG_DESCRIPTION =
  'Video courses from SkillVerse educators: learn at your own pace, take the quizzes, earn a certificate.';

// ---------------------------------------------------------------------------------------------
// The catalogue (mirrors web/src/features/courses/pages/catalog-page.tsx, its filters bar and
// results, and web/src/components/courses/course-card.tsx). catalog-page.test.tsx in the web app
// renders the React page signed out with react-dom/server and checks it is exactly this markup.

/** What a catalogue card shows: everything is on the course document itself. */
export type CatalogCourse = Pick<
  PublicCourse,
  | 'id'
  | 'title'
  | 'category'
  | 'level'
  | 'price'
  | 'currency'
  | 'thumbnailUrl'
  | 'instructorName'
  | 'rating'
  | 'totalLectures'
  | 'totalDurationSec'
>;

/** The app's line icon (web/src/components/icon.tsx) with `className` after its own size. */
function icon(paths: string, className: string): string {
  return `<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" class="size-5 shrink-0 ${className}">${paths}</svg>`;
}
const BOOK_ICON =
  '<path d="M2 3h6a4 4 0 0 1 4 4v14a3 3 0 0 0-3-3H2z"></path><path d="M22 3h-6a4 4 0 0 0-4 4v14a3 3 0 0 1 3-3h7z"></path>';
const SEARCH_ICON = '<circle cx="11" cy="11" r="8"></circle><path d="m21 21-4.3-4.3"></path>';

const STAR =
  '<svg viewBox="0 0 24 24" class="size-4 shrink-0" aria-hidden="true"><path fill="currentColor" d="m12 2 3.09 6.26L22 9.27l-5 4.87 1.18 6.88L12 17.77l-6.18 3.25L7 14.14 2 9.27l6.91-1.01L12 2z"></path></svg>';

/** RatingSummary (web/src/components/courses/rating-stars.tsx) as react-dom writes it. */
function cardRating(rating: { average: number; count: number }): string {
  if (rating.count === 0) return '<span class="text-sm text-stone-600">No ratings yet</span>';
  const row = STAR.repeat(5);
  const pct = Math.max(0, Math.min(100, (rating.average / 5) * 100));
  return `<span class="inline-flex items-center gap-1.5 text-sm"><span aria-hidden="true" class="relative inline-flex"><span class="flex text-stone-300">${row}</span><span class="absolute inset-0 flex overflow-hidden text-amber-500" style="width:${pct}%">${row}</span></span><span class="font-semibold text-stone-900">${escapeHtml(rating.average.toFixed(1))}</span><span class="text-stone-600">(${rating.count} ${rating.count === 1 ? 'rating' : 'ratings'})</span><span class="sr-only">out of 5</span></span>`;
}

/** CourseCard signed out: thumbnail (16:9), badges, title linking to the course, instructor, rating, length, price. */
export function courseCardHtml(course: CatalogCourse): string {
  const thumbnail = course.thumbnailUrl
    ? `<img src="${escapeHtml(course.thumbnailUrl)}" alt="" loading="lazy" fetchPriority="auto" class="size-full object-cover" referrerPolicy="no-referrer"/>`
    : `<div class="flex size-full items-center justify-center text-brand-300">${icon(BOOK_ICON, 'size-10')}</div>`;
  const level = levelLabel(course.level);
  const lectures = `${course.totalLectures} ${course.totalLectures === 1 ? 'lecture' : 'lectures'}`;
  return `<article class="group relative flex h-full flex-col overflow-hidden rounded-(--radius-card) border border-stone-200 bg-white shadow-(--shadow-card) transition-shadow hover:shadow-md"><div class="aspect-video w-full overflow-hidden bg-brand-50">${thumbnail}</div><div class="flex flex-1 flex-col gap-2 p-4"><div class="flex flex-wrap items-center gap-1.5"><span class="${BADGE_BRAND}">${escapeHtml(course.category)}</span><span class="${BADGE_NEUTRAL}">${escapeHtml(level)}</span></div><h3 class="text-base leading-snug font-semibold text-stone-900"><a class="after:absolute after:inset-0 group-hover:underline focus-visible:underline" href="/courses/${escapeHtml(encodeURIComponent(course.id))}" data-discover="true">${escapeHtml(course.title)}</a></h3><p class="text-sm text-stone-600">${escapeHtml(course.instructorName || 'SkillVerse educator')}</p>${cardRating(course.rating)}<div class="mt-auto flex items-center justify-between gap-2 pt-2 text-sm"><span class="text-stone-600">${escapeHtml(lectures)} · ${escapeHtml(formatDuration(course.totalDurationSec))}</span><span class="${course.price > 0 ? 'font-bold text-stone-900' : 'font-bold text-emerald-700'}">${escapeHtml(formatPrice(course.price, course.currency))}</span></div></div></article>`;
}

const CONTROL =
  'block w-full rounded-lg border bg-white px-3 text-base text-stone-900 shadow-sm sm:text-sm placeholder:text-stone-500 disabled:cursor-not-allowed disabled:bg-stone-100 disabled:text-stone-500 focus-visible:border-brand-600 border-stone-300 hover:border-stone-400';
const BUTTON =
  'inline-flex shrink-0 items-center justify-center rounded-lg font-semibold transition-colors disabled:cursor-not-allowed';

/** A Field (label, control, the empty error line) around a Select. */
function selectField(
  id: string,
  label: string,
  selected: string,
  options: readonly (readonly [value: string, label: string])[],
): string {
  const opts = options
    .map(
      ([value, text]) =>
        `<option value="${escapeHtml(value)}"${value === selected ? ' selected=""' : ''}>${escapeHtml(text)}</option>`,
    )
    .join('');
  return `<div class="flex flex-col gap-1.5"><label for="${id}" class="text-sm font-medium text-stone-800">${label}</label><select id="${id}" class="${CONTROL} h-10 pr-8">${opts}</select><p id="${id}-error" aria-live="polite" class="text-sm font-medium text-red-700 sr-only"></p></div>`;
}

/** CatalogFiltersBar for `filters` (search box, the five selects, "Clear" when something narrows). */
export function catalogFiltersHtml(filters: CatalogFilters): string {
  const search = `<search><form class="flex gap-2"><div class="flex flex-col gap-1.5 flex-1"><label for="catalog-search" class="text-sm font-medium text-stone-800 sr-only">Search courses</label><input id="catalog-search" class="${CONTROL} h-10" type="search" placeholder="Search by title, topic or instructor" maxLength="100" value="${escapeHtml(filters.q)}"/><p id="catalog-search-error" aria-live="polite" class="text-sm font-medium text-red-700 sr-only"></p></div><button type="submit" class="${BUTTON} bg-brand-600 text-white shadow-sm hover:bg-brand-700 active:bg-brand-800 disabled:bg-brand-600/60 h-10 px-4 text-sm gap-2">${icon(SEARCH_ICON, 'size-4')}Search</button></form></search>`;
  const selects = [
    selectField('catalog-category', 'Category', filters.category ?? '', [
      ['', 'All categories'],
      ...CATEGORIES.map((c) => [c, c] as const),
    ]),
    selectField('catalog-level', 'Level', filters.level ?? '', [
      ['', 'Any level'],
      ...COURSE_LEVELS.map((l) => [l, LEVEL_LABELS[l]] as const),
    ]),
    selectField('catalog-price', 'Price', filters.price ?? '', [
      ['', 'Free and paid'],
      ['free', 'Free'],
      ['paid', 'Paid'],
      ['plus', 'Included with Plus'],
    ]),
    selectField('catalog-rating', 'Rating', filters.minRating === null ? '' : String(filters.minRating), [
      ['', 'Any rating'],
      ...MIN_RATINGS.map((r) => [String(r), `${r} stars and up`] as const),
    ]),
    selectField(
      'catalog-sort',
      'Sort by',
      filters.sort,
      CATALOG_SORTS.map((s) => [s, CATALOG_SORT_LABELS[s]] as const),
    ),
  ].join('');
  const clear = hasActiveFilters(filters)
    ? `<div><button type="button" class="${BUTTON} text-stone-700 hover:bg-stone-100 hover:text-stone-900 disabled:text-stone-400 h-8 px-3 text-sm gap-1.5">Clear search and filters</button></div>`
    : '';
  return `<div class="flex flex-col gap-4">${search}<div class="grid grid-cols-2 gap-3 md:grid-cols-5">${selects}</div>${clear}</div>`;
}

/**
 * The catalogue page inside the main landmark: header, filters bar and results. `first` is the
 * first page of results (the courses, and whether the query had more: React then shows "Load more"),
 * or null to leave the results to the app (a filtered or re-sorted URL).
 */
export function catalogContent(
  filters: CatalogFilters,
  first: { courses: CatalogCourse[]; more: boolean } | null,
): string {
  let results = '';
  if (first && first.courses.length > 0) {
    results = `<ul class="grid gap-5 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">${first.courses.map((c) => `<li>${courseCardHtml(c)}</li>`).join('')}</ul>`;
  }
  if (first?.more) {
    results += `<div class="mt-8 flex justify-center"><button type="button" class="${BUTTON} border border-stone-300 bg-white text-stone-800 shadow-sm hover:bg-stone-50 hover:border-stone-400 disabled:text-stone-500 h-10 px-4 text-sm gap-2">Load more courses</button></div>`;
  }
  return `<div class="mx-auto max-w-7xl px-4 py-8 sm:px-6 sm:py-10"><div class="mb-6 flex flex-wrap items-end justify-between gap-4"><div class="min-w-0"><h1 tabindex="-1" class="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">${CATALOG_TITLE}</h1><p class="mt-1 max-w-2xl text-stone-600">${escapeHtml(CATALOG_DESCRIPTION)}</p></div></div><div class="mb-8">${catalogFiltersHtml(filters)}</div><section aria-labelledby="catalog-results-heading" class="flex flex-col gap-5"><h2 id="catalog-results-heading" class="sr-only">Results</h2>${results}</section></div>`;
}

/** #root content of /courses: the catalogue page in the main layout. */
export function catalogBody(
  filters: CatalogFilters,
  first: { courses: CatalogCourse[]; more: boolean } | null,
): string {
  return layout(catalogContent(filters, first));
}

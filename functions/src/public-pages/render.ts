// The HTML of the public pages as the publicPage function serves it (docs/rendering.md): the web
// build's index.html with the page's title, share-preview tags (OpenGraph, Twitter card),
// schema.org JSON-LD, and — for `/courses` and `/courses/:id` — the page's content inside #root, so
// it paints before any JavaScript has arrived. The markup mirrors the React pages (same elements,
// same Tailwind classes: the classes exist in the web build's CSS because the React components use
// them), so when the app takes over (web/src/main.tsx keeps this HTML until the route's page is
// ready) nothing moves. Pure: no Firestore, no I/O; unit-tested in render.test.ts.
import { formatDuration, LEVEL_LABELS } from '@skillverse/domain/catalog';
import { formatPrice } from '@skillverse/domain/courses-api';

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

/** The layout around a page: the header placeholder of index.html, the main landmark, no footer yet. */
function layout(content: string): string {
  return `<div class="flex min-h-dvh flex-col"><div class="border-b border-stone-200 bg-white"><div class="mx-auto flex h-16 max-w-7xl items-center px-3 sm:px-6"><a href="/" class="pl-2 text-base font-bold tracking-tight text-stone-900 sm:text-lg">Skill<span class="text-brand-700">Verse</span></a></div></div><main id="main-content" tabindex="-1" class="flex-1 outline-none">${content}</main></div>`;
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
  const level = LEVEL_LABELS[course.level as keyof typeof LEVEL_LABELS] ?? course.level;
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

/** #root content of /courses: the page header (the largest element) and the first courses as links. */
export function catalogBody(
  courses: Pick<PublicCourse, 'id' | 'title' | 'instructorName' | 'price' | 'currency'>[],
): string {
  const list = courses
    .map(
      (c) =>
        `<li><a href="/courses/${escapeHtml(encodeURIComponent(c.id))}" class="font-medium text-stone-900">${escapeHtml(c.title)}</a> <span class="text-sm text-stone-600">${escapeHtml(c.instructorName || 'a SkillVerse educator')} · ${escapeHtml(formatPrice(c.price, c.currency))}</span></li>`,
    )
    .join('');
  return layout(
    `<div class="mx-auto max-w-7xl px-4 py-8 sm:px-6 sm:py-10"><div class="mb-6 flex flex-wrap items-end justify-between gap-4"><div class="min-w-0"><h1 tabindex="-1" class="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">${CATALOG_TITLE}</h1><p class="mt-1 max-w-2xl text-stone-600">${escapeHtml(CATALOG_DESCRIPTION)}</p></div></div><div class="min-h-dvh"><ul class="sr-only" aria-label="Courses">${list}</ul></div></div>`,
  );
}

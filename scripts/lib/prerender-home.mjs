// Build-time prerender of the home page (issue 17 item 1, docs/rendering.md). The web build's
// index.html is also every deep link's single-page fallback, so the build keeps two files:
//   - app.html: the bare app shell (header placeholder, "Loading SkillVerse…"), which the `**`
//     fallback (firebase.json), the preview server and publicPage's template use;
//   - index.html: the same shell with the landing hero inside #root (data-prerendered="home", so
//     web/src/main.tsx keeps it painted until the route is ready) and the home page's share tags.
// The Vite plugin in web/vite.config.ts runs writeHomeFiles on the build's output (so \`npm test\`'s
// build, the e2e servers and the deploy all get it); unit-tested in prerender-home.test.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HOME_TITLE = 'SkillVerse';
export const HOME_SHARE_TITLE = 'SkillVerse — learn from people, teach what you know';
export const HOME_DESCRIPTION =
  'SkillVerse: learn from courses, teach live classes and swap skills one-to-one with other people.';

/**
 * The landing hero exactly as React renders it signed out (web/src/features/landing/components/
 * landing-hero.tsx; landing-hero.test.tsx compares the two with react-dom/server).
 */
export const HERO_HTML =
  '<section class="relative overflow-hidden bg-gradient-to-b from-brand-50 via-white to-stone-50"><div aria-hidden="true" class="pointer-events-none absolute -top-48 -right-16 size-[36rem] bg-radial-[closest-side] from-brand-200/40 from-40% to-transparent"></div><div class="relative mx-auto max-w-5xl px-4 pt-16 pb-20 text-center sm:px-6 sm:pt-24 sm:pb-28"><p class="mx-auto inline-flex items-center gap-2 rounded-full bg-white px-3 py-1 text-sm font-medium text-brand-800 ring-1 ring-brand-200">Peer learning, for everyone</p><h1 tabindex="-1" class="mx-auto mt-6 max-w-3xl text-4xl font-extrabold tracking-tight text-stone-900 sm:text-6xl">Learn from people. <span class="text-brand-700">Teach what you know.</span></h1><p class="mx-auto mt-6 max-w-2xl text-lg text-stone-700">SkillVerse brings courses, live classes and one-to-one skill swaps together in one place. Earn points and badges as you go, and certificates when you finish.</p><div class="mt-10 flex flex-col items-center justify-center gap-3 sm:flex-row"><a class="inline-flex shrink-0 items-center justify-center rounded-lg font-semibold transition-colors disabled:cursor-not-allowed bg-brand-600 text-white shadow-sm hover:bg-brand-700 active:bg-brand-800 disabled:bg-brand-600/60 h-12 px-6 text-base gap-2" href="/sign-up" data-discover="true">Get started — it’s free</a><a href="#what-you-can-do" class="inline-flex h-12 items-center rounded-lg px-6 font-semibold text-stone-800 hover:bg-white">See what you can do</a></div></div></section>';

/** The layout around the hero: RootShell's skip link, the header placeholder of index.html and the main landmark (main-layout.tsx). */
export const SKIP_LINK =
  '<a href="#main-content" class="sr-only rounded-lg bg-white font-semibold text-brand-800 focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:px-4 focus:py-2 focus:shadow-lg">Skip to content</a>';
const layout = (content) =>
  `${SKIP_LINK}<div class="flex min-h-dvh flex-col"><div class="border-b border-stone-200 bg-white"><div class="mx-auto flex h-16 max-w-7xl items-center px-3 sm:px-6"><a href="/" class="pl-2 text-base font-bold tracking-tight text-stone-900 sm:text-lg">Skill<span class="text-brand-700">Verse</span></a></div></div><main id="main-content" tabindex="-1" class="flex-1 outline-none">${content}</main></div>`;

/**
 * Text for an HTML text node or a double-quoted attribute value.
 * @param {unknown} value
 */
export function escapeHtml(value) {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** True when `html` already carries a prerendered page (the build's index.html after this step). */
export function isPrerendered(html) {
  return /<div id="root" data-prerendered=/.test(html);
}

/**
 * The home page's share tags: description, OpenGraph, Twitter card; canonical and og:url only when
 * the site's public origin is known at build time (`appUrl`, http(s) only).
 * @param {{ appUrl?: string }} [options]
 */
export function homeHeadTags({ appUrl } = {}) {
  const tags = [
    `<meta name="description" content="${escapeHtml(HOME_DESCRIPTION)}" />`,
    '<meta property="og:site_name" content="SkillVerse" />',
    '<meta property="og:type" content="website" />',
    `<meta property="og:title" content="${escapeHtml(HOME_SHARE_TITLE)}" />`,
    `<meta property="og:description" content="${escapeHtml(HOME_DESCRIPTION)}" />`,
    '<meta name="twitter:card" content="summary" />',
    `<meta name="twitter:title" content="${escapeHtml(HOME_SHARE_TITLE)}" />`,
    `<meta name="twitter:description" content="${escapeHtml(HOME_DESCRIPTION)}" />`,
  ];
  if (appUrl && /^https?:\/\/[^\s/]+/i.test(appUrl)) {
    const url = `${appUrl.replace(/\/+$/, '')}/`;
    tags.push(
      `<link rel="canonical" href="${escapeHtml(url)}" />`,
      `<meta property="og:url" content="${escapeHtml(url)}" />`,
    );
  }
  return tags.join('\n    ');
}

/**
 * The build's index.html (the bare shell) → the home page: the share tags in <head> (replacing the
 * shell's own description), and the layout with the hero as the content of #root, marked
 * data-prerendered="home". Idempotent: a page already prerendered is returned unchanged.
 * Throws when the shell has no `<div id="root">…<noscript>` to fill (the build would be wrong).
 * @param {string} shell
 * @param {{ appUrl?: string }} [options]
 */
export function prerenderHome(shell, options = {}) {
  if (isPrerendered(shell)) return shell;
  const start = shell.indexOf('<div id="root">');
  const end = shell.indexOf('<noscript>', start);
  if (start === -1 || end === -1 || !shell.includes('</head>')) {
    throw new Error('prerender-home: index.html has no <div id="root"> followed by <noscript>');
  }
  const withRoot = `${shell.slice(0, start)}<div id="root" data-prerendered="home">${layout(HERO_HTML)}</div>\n    ${shell.slice(end)}`;
  return withRoot
    .replace(/<title>[\s\S]*?<\/title>/, () => `<title>${escapeHtml(HOME_TITLE)}</title>`)
    .replace(/\s*<meta\s+name="description"[\s\S]*?\/?>/, '')
    .replace(/\s*<\/head>/, () => `\n    ${homeHeadTags(options)}\n  </head>`);
}

/**
 * The post-build step on a build's output directory: keeps the bare shell as app.html and writes
 * the prerendered home page to index.html. A rerun over the same output starts again from app.html,
 * so it writes the same two files.
 * @param {string} dir
 * @param {{ appUrl?: string }} [options]
 */
export function writeHomeFiles(dir, options = {}) {
  const index = join(dir, 'index.html');
  const app = join(dir, 'app.html');
  const built = readFileSync(index, 'utf8');
  const shell = isPrerendered(built) && existsSync(app) ? readFileSync(app, 'utf8') : built;
  if (isPrerendered(shell)) throw new Error(`prerender-home: no bare app shell in ${dir}`);
  writeFileSync(app, shell);
  writeFileSync(index, prerenderHome(shell, options));
}

// publicPage: the HTML of the public pages, behind Hosting rewrites (firebase.json) and cached by
// the CDN (docs/rendering.md). GET /courses, /courses/:id, /u/:uid, /certificates/:id/verify →
// the web build's index.html with the page's title, share-preview tags and (courses) its content.
// Reads only what the pages show anyone signed out: published courses, public profile fields, the
// certificate as the verify page shows it. Anything else (unknown ids, drafts, deleted accounts)
// gets the plain app shell, so the single-page app answers as it always did.
import {
  CATALOG_PAGE_SIZE,
  CATALOG_SORT_FIELDS,
  type CatalogFilters,
  hasActiveFilters,
  parseCatalogParams,
} from '@skillverse/domain/catalog';
import { isRecord, num, obj, str, strList } from '@skillverse/domain/fields';
import { type DocumentSnapshot, FieldPath, type Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import type { Request } from 'firebase-functions/v2/https';
import { certificateRef } from '../lib/data/certificates';
import { courseRef, coursesCol, lecturesCol } from '../lib/data/courses';
import { userRef } from '../lib/data/users';
import {
  absoluteUrl,
  CATALOG_DESCRIPTION,
  CATALOG_TITLE,
  catalogBody,
  courseBody,
  courseMeta,
  fillTemplate,
  headTags,
  type PublicCourse,
  summary,
} from './render';

/** Browsers revalidate after a minute; the CDN keeps a page ten minutes (a course edit shows within that). */
export const PAGE_CACHE_CONTROL = 'public, max-age=60, s-maxage=600';
/** The plain shell (unknown id, an error) is cached briefly only. */
export const SHELL_CACHE_CONTROL = 'public, max-age=0, s-maxage=60';
const TEMPLATE_TTL_MS = 5 * 60_000;

export interface PublicPageDeps {
  db: Firestore;
  /** The site's public origin (APP_URL): absolute URLs in share previews, and where app.html is. */
  appUrl: string;
  /** The web build's app shell (app.html); fetched from the site and kept a few minutes by default. */
  template?: (origin: string) => Promise<string>;
}

interface Response {
  status(code: number): Response;
  set(field: string, value: string): Response;
  send(body: string): unknown;
}

let cached: { origin: string; html: string; at: number } | null = null;

/**
 * The bare app shell as Hosting serves it: `/app.html` (a static file, never rewritten; the build
 * writes the landing hero into index.html, so `/index.html` is the home page), kept TEMPLATE_TTL_MS.
 */
export async function fetchTemplate(origin: string): Promise<string> {
  if (cached && cached.origin === origin && Date.now() - cached.at < TEMPLATE_TTL_MS) return cached.html;
  const res = await fetch(`${origin}/app.html`, { headers: { accept: 'text/html' } });
  if (!res.ok) throw new Error(`app.html: HTTP ${res.status}`);
  const html = await res.text();
  if (!html.includes('<div id="root">')) throw new Error('app.html has no bare #root');
  cached = { origin, html, at: Date.now() };
  return html;
}

/**
 * The origin the page is served on. Deployed: APP_URL (a forwarded host is not trusted: the function
 * can be called directly). On the emulators the Hosting emulator, the dev server and the Lighthouse
 * bench's server forward their own loopback host, which is used so each stack's build is the template.
 */
export function siteOrigin(req: Pick<Request, 'headers'>, appUrl: string): string {
  const forwarded = req.headers['x-forwarded-host'];
  const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  if (process.env.FUNCTIONS_EMULATOR === 'true' && host && /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) {
    return `http://${host}`;
  }
  return appUrl.replace(/\/$/, '');
}

/** A published course's public fields, or null (missing, not published). */
export function readPublicCourse(snap: DocumentSnapshot): PublicCourse | null {
  if (!snap.exists) return null;
  const d = snap.data() ?? {};
  if (d.status !== 'published') return null;
  const rating = obj(d.rating);
  const sections = (Array.isArray(d.sections) ? d.sections : [])
    .filter(isRecord)
    .sort((a, b) => num(a.order) - num(b.order))
    .map((s) => {
      const summaries = (Array.isArray(s.lectures) ? s.lectures : []).filter(isRecord);
      const byId = new Map(summaries.map((l) => [str(l.id), l]));
      const ids = strList(s.lectureIds);
      const order = ids.length > 0 ? ids : summaries.map((l) => str(l.id));
      return {
        title: str(s.title),
        lectures: order.map((id) => {
          const l = byId.get(id);
          return {
            id,
            title: l && str(l.title) ? str(l.title) : null,
            durationSec: l ? num(l.durationSec) : null,
            preview: l ? l.preview === true : false,
          };
        }),
      };
    });
  return {
    id: snap.id,
    title: str(d.title, 'Untitled course'),
    description: str(d.description),
    category: str(d.category),
    level: str(d.level, 'all'),
    price: Math.max(0, Math.trunc(num(d.price))),
    currency: str(d.currency, 'USD').toUpperCase(),
    thumbnailUrl: typeof d.thumbnailUrl === 'string' && d.thumbnailUrl ? d.thumbnailUrl : null,
    instructorId: str(d.instructorId),
    instructorName: typeof d.instructorName === 'string' && d.instructorName ? d.instructorName : null,
    rating: { average: num(rating.average), count: num(rating.count) },
    enrollmentCount: num(d.enrollmentCount),
    totalLectures: num(d.totalLectures),
    totalDurationSec: num(d.totalDurationSec),
    certificateEnabled: !isRecord(d.certificate) || d.certificate.enabled !== false,
    tags: strList(d.tags),
    sections,
  };
}

type Page = { status: number; title: string; head: string; body?: string; kind: string };

/**
 * The free preview lectures' titles and lengths fill the outline's gaps, as on the page signed out
 * (anyone may read a published course's preview lectures; the others stay "Lecture N").
 */
export function withPreviews(
  course: PublicCourse,
  previews: { id: string; title: string; durationSec: number }[],
): PublicCourse {
  const byId = new Map(previews.map((p) => [p.id, p]));
  return {
    ...course,
    sections: course.sections.map((s) => ({
      ...s,
      lectures: s.lectures.map((l) => {
        const p = l.id === undefined ? undefined : byId.get(l.id);
        return p ? { ...l, title: p.title || l.title, durationSec: p.durationSec, preview: true } : l;
      }),
    })),
  };
}

async function coursePage(db: Firestore, id: string, base: string): Promise<Page | null> {
  const [snap, previewSnap] = await Promise.all([
    courseRef(db, id).get(),
    lecturesCol(db, id).where('preview', '==', true).get(),
  ]);
  const read = readPublicCourse(snap);
  if (!read) return null;
  const course = withPreviews(
    read,
    previewSnap.docs.map((d) => ({
      id: d.id,
      title: str(d.get('title')),
      durationSec: num(d.get('durationSec')),
    })),
  );
  return {
    status: 200,
    title: course.title,
    head: headTags(courseMeta(course, base)),
    body: courseBody(course),
    kind: 'course',
  };
}

/**
 * /courses: the catalogue as the page shows it signed out. For the default state (no search, no
 * filter, newest first) the first page of cards, read with the page's own query (published, newest
 * first, id as the tie-break, one page); for any other state only the header and the filters bar
 * (the app then shows the results below them, nothing painted moves) and no read.
 */
async function catalogPage(db: Firestore, base: string, search: URLSearchParams): Promise<Page> {
  const filters = parseCatalogParams(search);
  let first: { courses: PublicCourse[]; more: boolean } | null = null;
  if (isDefaultCatalog(filters)) {
    const snap = await coursesCol(db)
      .where('status', '==', 'published')
      .orderBy(CATALOG_SORT_FIELDS.newest, 'desc')
      .orderBy(FieldPath.documentId(), 'desc')
      .limit(CATALOG_PAGE_SIZE)
      .get();
    const courses = snap.docs.map(readPublicCourse).filter((c): c is PublicCourse => c !== null);
    first = { courses, more: snap.size === CATALOG_PAGE_SIZE };
  }
  return {
    status: 200,
    title: CATALOG_TITLE,
    head: headTags({
      title: `${CATALOG_TITLE} · SkillVerse`,
      description: CATALOG_DESCRIPTION,
      url: absoluteUrl(base, '/courses'),
      image: null,
      type: 'website',
    }),
    body: catalogBody(filters, first),
    kind: 'catalog',
  };
}

/** Whether the catalogue state is the one a bare `/courses` shows (no search or filter, newest first). */
export function isDefaultCatalog(filters: CatalogFilters): boolean {
  return !hasActiveFilters(filters) && filters.sort === 'newest';
}

async function profilePage(db: Firestore, uid: string, base: string): Promise<Page | null> {
  const snap = await userRef(db, uid).get();
  if (!snap.exists) return null;
  const d = snap.data() ?? {};
  const name = str(d.displayName);
  if (!name || (d.status !== undefined && d.status !== 'active') || d.onboarded === false) return null;
  const headline = str(d.headline);
  const photo = typeof d.photoURL === 'string' && /^https?:\/\//i.test(d.photoURL) ? d.photoURL : null;
  return {
    status: 200,
    title: name,
    head: headTags({
      title: `${name} on SkillVerse`,
      description: summary(headline || str(d.bio) || `${name}’s profile on SkillVerse.`),
      url: absoluteUrl(base, `/u/${encodeURIComponent(uid)}`),
      image: photo,
      type: 'profile',
    }),
    kind: 'profile',
  };
}

async function certificatePage(db: Firestore, id: string, base: string): Promise<Page | null> {
  const snap = await certificateRef(db, id).get();
  if (!snap.exists) return null;
  const d = snap.data() ?? {};
  const holder = str(d.userName, 'A SkillVerse learner');
  const revoked = isRecord(d.revocation);
  const what =
    d.kind === 'exchange'
      ? `taught ${str(d.skill, 'a skill')} in a SkillVerse skill exchange`
      : `completed “${str(d.courseTitle, 'a course')}”${d.instructorName ? ` by ${str(d.instructorName)}` : ''}`;
  const title = revoked ? 'Revoked certificate' : `Certificate: ${holder}`;
  return {
    status: 200,
    title,
    head: headTags({
      title: `${title} · SkillVerse`,
      description: revoked
        ? 'This SkillVerse certificate has been revoked.'
        : summary(`${holder} ${what}. Verify this certificate on SkillVerse.`),
      url: absoluteUrl(base, `/certificates/${encodeURIComponent(id)}/verify`),
      image: null,
      type: 'article',
    }),
    kind: 'certificate',
  };
}

/** Firestore document ids as the pages take them (no slash, not empty, not absurdly long). */
const ID = /^[^/]{1,200}$/;

/** Which page a path is: the route table of the pages this function renders. */
export function matchPage(
  path: string,
): { page: 'catalog' | 'course' | 'profile' | 'certificate'; id: string } | null {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/courses') return { page: 'catalog', id: '' };
  let m = /^\/courses\/([^/]+)$/.exec(clean);
  if (m) return { page: 'course', id: m[1] ?? '' };
  m = /^\/u\/([^/]+)$/.exec(clean);
  if (m) return { page: 'profile', id: m[1] ?? '' };
  m = /^\/certificates\/([^/]+)\/verify$/.exec(clean);
  if (m) return { page: 'certificate', id: m[1] ?? '' };
  return null;
}

function decodeId(raw: string): string | null {
  try {
    const id = decodeURIComponent(raw);
    return ID.test(id) && id !== '.' && id !== '..' && !/^__.*__$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** The request's query string (the catalogue's search and filters live in the URL). */
function searchParams(req: Pick<Request, 'originalUrl' | 'url'>): URLSearchParams {
  try {
    return new URL(req.originalUrl || req.url || '/', 'http://localhost').searchParams;
  } catch {
    return new URLSearchParams();
  }
}

export async function handlePublicPage(deps: PublicPageDeps, req: Request, res: Response): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.status(405).set('Allow', 'GET, HEAD').send('Method not allowed');
    return;
  }
  const origin = siteOrigin(req, deps.appUrl);
  let template: string;
  try {
    template = await (deps.template ?? fetchTemplate)(origin);
  } catch (err) {
    logger.error('publicPage: no app.html template', { origin, error: String(err) });
    res
      .status(503)
      .set('Retry-After', '5')
      .set('Cache-Control', 'no-store')
      .send('Please try again in a moment.');
    return;
  }
  res.set('Content-Type', 'text/html; charset=utf-8');
  res.set('Vary', 'Accept-Encoding');
  const match = matchPage(req.path);
  const id = match && match.page !== 'catalog' ? decodeId(match.id) : '';
  let page: Page | null = null;
  if (match && id !== null) {
    if (match.page === 'catalog') page = await catalogPage(deps.db, origin, searchParams(req));
    else if (match.page === 'course') page = await coursePage(deps.db, id, origin);
    else if (match.page === 'profile') page = await profilePage(deps.db, id, origin);
    else page = await certificatePage(deps.db, id, origin);
  }
  if (!page) {
    // The single-page app shows its own "not found" (or the draft to its author, signed in).
    res.set('Cache-Control', SHELL_CACHE_CONTROL).status(200).send(template);
    return;
  }
  res.set('Cache-Control', PAGE_CACHE_CONTROL).status(page.status).send(fillTemplate(template, page));
}

import { DEFAULT_CATALOG_FILTERS } from '@skillverse/domain/catalog';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { CourseCard } from '@/components/courses/course-card';
import { type CourseDoc, parseCourse } from '@/lib/data/courses';
import {
  type CatalogCourse,
  catalogContent,
  courseCardHtml,
} from '../../../../../functions/src/public-pages/render';
import { type CatalogPage as CatalogPageData, catalogPageQueryOptions } from '../api/get-catalog-page';
import { CatalogPage } from './catalog-page';

/** Course documents as Firestore holds them: every card variant (image or not, free or paid, rated or not). */
const DOCS: Record<string, Record<string, unknown>> = {
  'c-react': {
    status: 'published',
    title: 'React fundamentals',
    category: 'Programming',
    level: 'beginner',
    price: 2999,
    currency: 'USD',
    thumbnailUrl: 'https://img.example/react.jpg?w=640&h=360',
    instructorName: 'Ada Lovelace',
    rating: { average: 4.56, count: 12 },
    totalLectures: 2,
    totalDurationSec: 900,
  },
  'c 2/é': {
    status: 'published',
    title: `Tom's <b>"C&C"</b> & friends`,
    category: 'Design',
    level: 'all',
    price: 0,
    currency: 'USD',
    thumbnailUrl: null,
    instructorName: '',
    rating: { average: 0, count: 0 },
    totalLectures: 1,
    totalDurationSec: 45,
  },
  'c-3': {
    status: 'published',
    title: 'Data',
    category: 'Data Science',
    level: 'advanced',
    price: 1000,
    currency: 'EUR',
    thumbnailUrl: null,
    instructorName: 'Grace <Hopper>',
    rating: { average: 5, count: 1 },
    totalLectures: 40,
    totalDurationSec: 5 * 3600 + 25 * 60,
  },
};

/** What the publicPage function reads of a course (readPublicCourse) for a card. */
function serverCourse(id: string, d: Record<string, unknown>): CatalogCourse {
  return {
    id,
    title: d.title as string,
    category: d.category as string,
    level: d.level as string,
    price: d.price as number,
    currency: d.currency as string,
    thumbnailUrl: (d.thumbnailUrl as string | null) || null,
    instructorName: (d.instructorName as string) || null,
    rating: d.rating as { average: number; count: number },
    totalLectures: d.totalLectures as number,
    totalDurationSec: d.totalDurationSec as number,
  };
}

const clientCourses: CourseDoc[] = Object.entries(DOCS).map(([id, d]) => parseCourse(id, d));
const serverCourses = Object.entries(DOCS).map(([id, d]) => serverCourse(id, d));

/**
 * The two renderers' spellings that mean the same: React writes `'` as `&#x27;` (escapeHtml:
 * `&#39;`), and the form controls' ids are React's `useId` (the server's are fixed names).
 */
function normalise(html: string): string {
  return html
    .replaceAll('&#x27;', '&#39;')
    .replace(/_R_[0-9a-z]+_/g, 'ID')
    .replace(/catalog-(search|category|level|price|rating|sort)(?=["-])/g, 'ID');
}

function renderPage(page: CatalogPageData): string {
  const client = new QueryClient();
  client.setQueryData(catalogPageQueryOptions(DEFAULT_CATALOG_FILTERS, null).queryKey, page);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/courses']}>
        <CatalogPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the catalogue page and the server’s /courses HTML (publicPage)', () => {
  // If one of these fails, the catalogue page (or a card, the filters bar…) changed: make the same
  // change in functions/src/public-pages/render.ts, so /courses paints what React then renders — no
  // flash, no layout shift (docs/rendering.md).
  it('renders each course card signed out exactly as the server writes it', () => {
    clientCourses.forEach((course, i) => {
      const react = renderToStaticMarkup(
        <MemoryRouter>
          <CourseCard course={course} />
        </MemoryRouter>,
      );
      expect(normalise(react)).toBe(normalise(courseCardHtml(serverCourses[i] as CatalogCourse)));
    });
  });

  it('renders the whole first page (header, filters bar, grid, "Load more") exactly as the server does', () => {
    const more = renderPage({ courses: clientCourses, next: { value: 1, id: 'c-3' } });
    expect(normalise(more)).toBe(
      normalise(catalogContent(DEFAULT_CATALOG_FILTERS, { courses: serverCourses, more: true })),
    );
    const last = renderPage({ courses: clientCourses.slice(0, 1), next: null });
    expect(normalise(last)).toBe(
      normalise(catalogContent(DEFAULT_CATALOG_FILTERS, { courses: serverCourses.slice(0, 1), more: false })),
    );
  });
});

import type { CatalogFilters } from '@skillverse/domain/catalog';
import { useState } from 'react';
import { CourseCard, CourseCardSkeleton, CourseGrid } from '@/components/courses/course-card';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { friendlyError } from '@/lib/errors';
import { type CatalogCursor, useCatalogPage } from '../api/get-catalog-page';

function SkeletonGrid({ count }: { count: number }) {
  return (
    <CourseGrid>
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <li key={i}>
          <CourseCardSkeleton />
        </li>
      ))}
    </CourseGrid>
  );
}

/**
 * One page of results: its own live query (one read of up to 12 course documents). The last page
 * offers "Load more", which appends the next page after this one's cursor.
 */
function CatalogChunk({
  filters,
  cursor,
  isLast,
  isFirst,
  onLoadMore,
  onClear,
}: {
  filters: CatalogFilters;
  cursor: CatalogCursor | null;
  isLast: boolean;
  isFirst: boolean;
  onLoadMore: (cursor: CatalogCursor) => void;
  onClear: () => void;
}) {
  const page = useCatalogPage(filters, cursor);

  if (page.isPending) return <SkeletonGrid count={isFirst ? 8 : 4} />;
  if (page.error && !page.data) {
    return (
      <Alert
        tone="error"
        title={isFirst ? 'We couldn’t load the courses' : 'We couldn’t load more courses'}
        action={
          <Button size="sm" variant="secondary" onClick={() => void page.refetch()}>
            Try again
          </Button>
        }
      >
        {friendlyError(page.error, 'Check your connection and try again.')}
      </Alert>
    );
  }
  const { courses, next } = page.data;
  return (
    <>
      {courses.length > 0 ? (
        <CourseGrid>
          {courses.map((course) => (
            <li key={course.id}>
              <CourseCard course={course} />
            </li>
          ))}
        </CourseGrid>
      ) : isFirst && !next ? (
        <EmptyState
          icon="search"
          title="No courses match"
          description="Try another search word, or fewer filters."
          action={
            <Button variant="secondary" onClick={onClear}>
              Clear search and filters
            </Button>
          }
        />
      ) : null}
      {isLast && next ? (
        <div className="mt-8 flex justify-center">
          <Button variant="secondary" onClick={() => onLoadMore(next)}>
            Load more courses
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** The results for one filter state (the page keys this by the URL, so a new search starts over). */
export function CatalogResults({ filters, onClear }: { filters: CatalogFilters; onClear: () => void }) {
  const [cursors, setCursors] = useState<(CatalogCursor | null)[]>([null]);
  return (
    <section aria-labelledby="catalog-results-heading" className="flex flex-col gap-5">
      {/* Course cards title with h3: this h2 keeps the outline h1 → h2 → h3 for screen readers. */}
      <h2 id="catalog-results-heading" className="sr-only">
        Results
      </h2>
      {cursors.map((cursor, i) => (
        <CatalogChunk
          key={cursor ? `${cursor.id}` : 'first'}
          filters={filters}
          cursor={cursor}
          isFirst={i === 0}
          isLast={i === cursors.length - 1}
          onLoadMore={(next) => setCursors((list) => [...list, next])}
          onClear={onClear}
        />
      ))}
    </section>
  );
}

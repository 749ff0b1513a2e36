import {
  catalogParams,
  DEFAULT_CATALOG_FILTERS,
  hasActiveFilters,
  parseCatalogParams,
  type CatalogFilters,
} from '@skillverse/domain/catalog';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { useDocumentTitle } from '@/lib/use-document-title';
import { CatalogFiltersBar } from '../components/catalog-filters';
import { CatalogResults } from '../components/catalog-results';

/** /courses — the published catalogue: search, filters, sort and "Load more"; the URL holds the state. */
export function CatalogPage() {
  useDocumentTitle('Courses');
  const [params, setParams] = useSearchParams();
  const filters = parseCatalogParams(params);
  const key = new URLSearchParams(catalogParams(filters)).toString();

  const apply = (next: CatalogFilters) => setParams(catalogParams(next));
  const clear = () => setParams(catalogParams(DEFAULT_CATALOG_FILTERS));

  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 sm:py-10">
      <PageHeader
        title="Courses"
        description="Video courses from SkillVerse educators: learn at your own pace, take the quizzes, earn a certificate."
      />
      <div className="mb-8">
        <CatalogFiltersBar
          filters={filters}
          onChange={apply}
          onClear={clear}
          canClear={hasActiveFilters(filters)}
        />
      </div>
      <CatalogResults key={key} filters={filters} onClear={clear} />
    </div>
  );
}

import {
  CATALOG_SORT_LABELS,
  CATALOG_SORTS,
  type CatalogFilters,
  type CatalogSort,
  LEVEL_LABELS,
  MIN_RATINGS,
  type PriceFilter,
} from '@skillverse/domain/catalog';
import { CATEGORIES, COURSE_LEVELS, type Category, type CourseLevel } from '@skillverse/domain/models';
import { type FormEvent, useEffect, useState } from 'react';
import { Icon } from '@/components/icon';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';

/** Search box (applied on submit) and filters and sort (applied as they change). */
export function CatalogFiltersBar({
  filters,
  onChange,
  onClear,
  canClear,
}: {
  filters: CatalogFilters;
  onChange: (next: CatalogFilters) => void;
  onClear: () => void;
  canClear: boolean;
}) {
  const [q, setQ] = useState(filters.q);
  // Back/forward navigation changes the URL: keep the box in step with it.
  useEffect(() => setQ(filters.q), [filters.q]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filters, q: q.trim() });
  };

  return (
    <div className="flex flex-col gap-4">
      <search>
        <form onSubmit={submit} className="flex gap-2">
          <Field label="Search courses" labelHidden className="flex-1">
            <Input
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              placeholder="Search by title, topic or instructor"
              maxLength={100}
            />
          </Field>
          <Button type="submit" icon={<Icon name="search" className="size-4" />}>
            Search
          </Button>
        </form>
      </search>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <Field label="Category">
          <Select
            value={filters.category ?? ''}
            onChange={(e) => onChange({ ...filters, category: (e.target.value || null) as Category | null })}
          >
            <option value="">All categories</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Level">
          <Select
            value={filters.level ?? ''}
            onChange={(e) => onChange({ ...filters, level: (e.target.value || null) as CourseLevel | null })}
          >
            <option value="">Any level</option>
            {COURSE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Price">
          <Select
            value={filters.price ?? ''}
            onChange={(e) => onChange({ ...filters, price: (e.target.value || null) as PriceFilter | null })}
          >
            <option value="">Free and paid</option>
            <option value="free">Free</option>
            <option value="paid">Paid</option>
            <option value="plus">Included with Plus</option>
          </Select>
        </Field>
        <Field label="Rating">
          <Select
            value={filters.minRating === null ? '' : String(filters.minRating)}
            onChange={(e) =>
              onChange({ ...filters, minRating: e.target.value ? Number(e.target.value) : null })
            }
          >
            <option value="">Any rating</option>
            {MIN_RATINGS.map((r) => (
              <option key={r} value={r}>
                {r} stars and up
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Sort by">
          <Select
            value={filters.sort}
            onChange={(e) => onChange({ ...filters, sort: e.target.value as CatalogSort })}
          >
            {CATALOG_SORTS.map((s) => (
              <option key={s} value={s}>
                {CATALOG_SORT_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {canClear ? (
        <div>
          <Button variant="ghost" size="sm" onClick={onClear}>
            Clear search and filters
          </Button>
        </div>
      ) : null}
    </div>
  );
}

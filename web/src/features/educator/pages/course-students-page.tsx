import {
  DEFAULT_STUDENT_SORT,
  firstStudentPage,
  hasNextPage,
  isStudentSort,
  nextPage,
  previousPage,
  STUDENT_SORT_KEYS,
  STUDENT_SORTS,
  STUDENTS_PAGE_SIZE,
  type StudentPaging,
  type StudentSort,
  sourceLabel,
  startAfterFor,
  studentsCsv,
  studentsCsvFileName,
  withPageEnd,
} from '@skillverse/domain/students';
import { useEffect, useId, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadError } from '@/components/ui/load-error';
import { PageHeader } from '@/components/ui/page-header';
import { ProgressBar } from '@/components/ui/progress-bar';
import { Select } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useAuth, useSignedInUser } from '@/lib/auth/auth-context';
import { useCourse } from '@/lib/data/courses';
import { errorCode, friendlyError } from '@/lib/errors';
import { formatRelativeTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { getAllStudents, type StudentCursor, useStudentsPage } from '../api/get-students';

const dateFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });

function download(text: string, fileName: string) {
  // A BOM so spreadsheet apps read UTF-8 names (Cyrillic, CJK…) correctly.
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * /educator/courses/:id/students — the course's learners with progress, last activity, best quiz
 * score and how they enrolled; 25 per page (one query each), sortable, exportable as CSV. Only the
 * course's instructor and admins can read it (the rules decide; this page says so when denied).
 */
export function CourseStudentsPage() {
  const { id = '' } = useParams();
  const { uid } = useSignedInUser();
  const { claims } = useAuth();
  const [params, setParams] = useSearchParams();
  const sortParam = params.get('sort');
  const sort: StudentSort = isStudentSort(sortParam) ? sortParam : DEFAULT_STUDENT_SORT;
  const [paging, setPaging] = useState<StudentPaging<StudentCursor>>(firstStudentPage);
  const course = useCourse(id);
  const c = course.data;
  const allowed = Boolean(c && (c.instructorId === uid || claims.admin));
  const students = useStudentsPage(
    id,
    allowed ? c?.instructorId : undefined,
    sort,
    startAfterFor(paging),
    paging.page,
  );
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const sortId = useId();
  useDocumentTitle(c ? `Students: ${c.title}` : 'Students');

  // A new sort starts from the first page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on sort change only
  useEffect(() => setPaging(firstStudentPage()), [sort]);
  const last = students.data?.last;
  const page = paging.page;
  // Remember this page's end once loaded (the next page's cursor).
  useEffect(() => {
    if (!students.isPlaceholderData && last) setPaging((p) => (p.page === page ? withPageEnd(p, last) : p));
  }, [last, page, students.isPlaceholderData]);

  const exportCsv = async () => {
    if (!c) return;
    setExporting(true);
    setExportError(null);
    try {
      const rows = await getAllStudents(id, c.instructorId, sort);
      download(studentsCsv(rows), studentsCsvFileName(c.title, new Date()));
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  const back = (
    <ButtonLink to={paths.educator.href()} variant="secondary" size="sm">
      Back to dashboard
    </ButtonLink>
  );

  if (course.isPending) {
    return (
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6" aria-busy="true">
        <h1 tabIndex={-1} className="sr-only">
          Loading students…
        </h1>
        <Skeleton className="h-10 w-64" />
        <Skeleton className="mt-6 h-64" />
      </div>
    );
  }
  if (course.error || !c) {
    return (
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <PageHeader title="Students" actions={back} />
        {course.error ? (
          <LoadError
            title="We couldn’t load this course"
            error={course.error}
            onRetry={() => void course.refetch()}
          />
        ) : (
          <Alert tone="error" title="Course not found">
            This course doesn’t exist or you can’t see it.
          </Alert>
        )}
      </div>
    );
  }
  const denied = !allowed || errorCode(students.error) === 'permission-denied';
  if (denied) {
    return (
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <PageHeader title={`Students of ${c.title}`} actions={back} />
        <Alert tone="error" title="Only this course’s instructor can see its students">
          Learners’ progress and scores are visible to the course’s instructor and to admins only.
        </Alert>
      </div>
    );
  }

  const rows = students.data?.rows ?? [];
  const canNext = hasNextPage(rows.length) && paging.cursors[paging.page] !== undefined;
  const from = page * STUDENTS_PAGE_SIZE + 1;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <PageHeader
        title={`Students of ${c.title}`}
        description={`${c.enrollmentCount} ${c.enrollmentCount === 1 ? 'learner' : 'learners'} enrolled. Activity and scores are what the platform observed.`}
        actions={
          <>
            {back}
            <Button
              size="sm"
              onClick={() => void exportCsv()}
              loading={exporting}
              disabled={rows.length === 0 && page === 0}
              data-testid="students-export"
            >
              Export CSV
            </Button>
          </>
        }
      />
      {exportError ? (
        <Alert tone="error" title="The export failed" className="mb-4">
          {friendlyError(exportError)}
        </Alert>
      ) : null}
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <label htmlFor={sortId} className="text-sm font-medium text-stone-800">
          Sort by
        </label>
        <div className="w-48">
          <Select
            id={sortId}
            value={sort}
            data-testid="students-sort"
            onChange={(e) => {
              const next = new URLSearchParams(params);
              next.set('sort', e.target.value);
              setParams(next, { replace: true });
            }}
          >
            {STUDENT_SORT_KEYS.map((k) => (
              <option key={k} value={k}>
                {STUDENT_SORTS[k].label}
              </option>
            ))}
          </Select>
        </div>
      </div>

      <Card>
        {students.isPending ? (
          <div className="flex flex-col gap-2 p-5" aria-busy="true">
            <Skeleton className="h-8" />
            <Skeleton className="h-8" />
            <Skeleton className="h-8" />
          </div>
        ) : students.error ? (
          <div className="p-5">
            <LoadError
              title="We couldn’t load the students"
              error={students.error}
              onRetry={() => void students.refetch()}
            />
          </div>
        ) : rows.length === 0 ? (
          <EmptyState title="No students yet" description="Learners appear here as soon as they enrol." />
        ) : (
          // Focusable so keyboard users can scroll the table sideways on a phone.
          <section
            className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600"
            aria-busy={students.isFetching}
            aria-label={`Students of ${c.title}`}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-reachable (axe scrollable-region-focusable)
            tabIndex={0}
          >
            <table className="w-full min-w-[44rem] text-left text-sm" data-testid="students-table">
              <caption className="sr-only">
                Students of {c.title}, sorted by {STUDENT_SORTS[sort].label.toLowerCase()}, page {page + 1}
              </caption>
              <thead className="border-b border-stone-200 bg-stone-50 text-stone-700">
                <tr>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Learner
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Progress
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Last activity
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Best quiz score
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Enrolled
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {rows.map((r) => (
                  <tr key={r.uid} data-testid="student-row">
                    <th scope="row" className="px-4 py-3 font-medium text-stone-900">
                      {r.name}
                      {r.status !== 'active' ? (
                        <Badge tone="danger" className="ml-2">
                          {r.status === 'refunded' ? 'Refunded' : r.status}
                        </Badge>
                      ) : null}
                    </th>
                    <td className="px-4 py-3">
                      <span className="flex items-center gap-2">
                        <ProgressBar
                          value={r.progress / 100}
                          label={`Progress of ${r.name}`}
                          valueText={`${Math.round(r.progress)}%`}
                          className="w-20"
                        />
                        <span className="tabular-nums text-stone-900">{Math.round(r.progress)}%</span>
                      </span>
                    </td>
                    <td className="px-4 py-3 text-stone-700">
                      {r.lastActivityAt ? (
                        <time
                          dateTime={r.lastActivityAt.toISOString()}
                          title={r.lastActivityAt.toLocaleString()}
                        >
                          {formatRelativeTime(r.lastActivityAt)}
                        </time>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="px-4 py-3 tabular-nums text-stone-900">
                      {r.bestQuizScore === null ? (
                        <span className="text-stone-600">No attempt</span>
                      ) : (
                        `${r.bestQuizScore}%`
                      )}
                    </td>
                    <td className="px-4 py-3 text-stone-700">
                      <span className="block">{r.enrolledAt ? dateFormat.format(r.enrolledAt) : '—'}</span>
                      <span className="block text-xs text-stone-600">{sourceLabel(r.source)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </Card>
      <nav aria-label="Students pages" className="mt-4 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-stone-600" aria-live="polite">
          {rows.length > 0 ? `Showing ${from}–${from + rows.length - 1}` : ''}
        </p>
        <div className="flex gap-2">
          <Button
            variant="secondary"
            size="sm"
            disabled={page === 0}
            onClick={() => setPaging((p) => previousPage(p))}
          >
            Previous
          </Button>
          <Button
            variant="secondary"
            size="sm"
            disabled={!canNext}
            onClick={() => setPaging((p) => nextPage(p))}
            data-testid="students-next"
          >
            Next
          </Button>
        </div>
      </nav>
    </div>
  );
}

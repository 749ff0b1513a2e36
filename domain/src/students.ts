// The educator's "students" view of one course (issue 16 item 4): what a row shows, how the list
// sorts and pages, and the CSV export. Pure: the web builds the page and the CSV; the functions keep
// the denormalised fields on each enrolment (learnerName, lastActivityAt, bestQuizScore) so a page is
// ONE query on enrollments (courseId + instructorId, ordered, limited).

import type { EnrollmentSource, EnrollmentStatus } from './models';

/** Rows per page of the students view. */
export const STUDENTS_PAGE_SIZE = 25;

/** What the list can sort by, and the enrolment field each orders on (every enrolment has it). */
export const STUDENT_SORTS = {
  lastActivity: { field: 'lastActivityAt', direction: 'desc', label: 'Last activity' },
  progress: { field: 'progress', direction: 'desc', label: 'Progress' },
  name: { field: 'learnerName', direction: 'asc', label: 'Name' },
  enrolled: { field: 'createdAt', direction: 'desc', label: 'Enrolled' },
} as const;
export type StudentSort = keyof typeof STUDENT_SORTS;
export const STUDENT_SORT_KEYS = Object.keys(STUDENT_SORTS) as StudentSort[];
export const DEFAULT_STUDENT_SORT: StudentSort = 'lastActivity';

export function isStudentSort(value: unknown): value is StudentSort {
  return typeof value === 'string' && (STUDENT_SORT_KEYS as string[]).includes(value);
}

/** One learner of the course as the view shows it. */
export interface StudentRow {
  uid: string;
  name: string;
  status: EnrollmentStatus | string;
  source: EnrollmentSource | string;
  /** 0–100. */
  progress: number;
  enrolledAt: Date | null;
  /** Server-observed: enrolment, credited watching, a completed lecture, a submitted quiz. */
  lastActivityAt: Date | null;
  /** The best score (0–100) of any graded quiz attempt; null before the first. */
  bestQuizScore: number | null;
  completedAt: Date | null;
}

/** Readable label of an enrolment source. */
export function sourceLabel(source: string): string {
  switch (source) {
    case 'free':
      return 'Free enrolment';
    case 'stripe':
      return 'Purchase';
    case 'admin':
      return 'Granted by admin';
    default:
      return source ? source.charAt(0).toUpperCase() + source.slice(1) : 'Unknown';
  }
}

/** The name a row shows: the denormalised learner name, or a neutral fallback. */
export function studentName(name: string | null | undefined): string {
  const trimmed = (name ?? '').trim();
  return trimmed || 'Unnamed learner';
}

/** The name stored on an enrolment for sorting (trimmed; never empty so "name" sorts everyone). */
export function learnerSortName(displayName: string | null | undefined): string {
  return studentName(displayName);
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180)

export const STUDENTS_CSV_HEADER = [
  'Name',
  'Learner ID',
  'Status',
  'Enrolment source',
  'Progress %',
  'Best quiz score %',
  'Last activity (UTC)',
  'Enrolled (UTC)',
  'Completed (UTC)',
] as const;

/**
 * One CSV field: quoted when it holds a comma, quote, CR or LF (quotes doubled), and — so a
 * spreadsheet does not run it as a formula — prefixed with an apostrophe when it starts with
 * =, +, -, @, tab or CR (OWASP "CSV injection").
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',');
}

const iso = (d: Date | null) => (d && !Number.isNaN(d.getTime()) ? d.toISOString() : '');

/** The export: a header and one line per row, CRLF line ends (RFC 4180), no trailing newline. */
export function studentsCsv(rows: readonly StudentRow[]): string {
  return [
    csvLine(STUDENTS_CSV_HEADER),
    ...rows.map((r) =>
      csvLine([
        r.name,
        r.uid,
        r.status,
        sourceLabel(r.source),
        Math.round(r.progress),
        r.bestQuizScore,
        iso(r.lastActivityAt),
        iso(r.enrolledAt),
        iso(r.completedAt),
      ]),
    ),
  ].join('\r\n');
}

/** A file name for the export of `courseTitle` on `now` (letters, digits and dashes only). */
export function studentsCsvFileName(courseTitle: string, now: Date): string {
  const slug =
    courseTitle
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 60) || 'course';
  return `${slug}-students-${now.toISOString().slice(0, 10)}.csv`;
}

// ---------------------------------------------------------------------------------------------
// Paging

/** Page state for cursor paging: the cursors of pages seen, so "previous" needs no offset. */
export interface StudentPaging<C> {
  /** cursors[i] is the last document of page i (the start-after of page i + 1). */
  cursors: C[];
  page: number;
}

export const firstStudentPage = <C>(): StudentPaging<C> => ({ cursors: [], page: 0 });

/** The cursor to start page `page` after (undefined for the first page). */
export function startAfterFor<C>(paging: StudentPaging<C>): C | undefined {
  return paging.page === 0 ? undefined : paging.cursors[paging.page - 1];
}

/** After loading a page: remember its last document as the next page's cursor. */
export function withPageEnd<C>(paging: StudentPaging<C>, last: C | undefined): StudentPaging<C> {
  if (last === undefined) return paging;
  const cursors = paging.cursors.slice(0, paging.page);
  cursors[paging.page] = last;
  return { ...paging, cursors };
}

/** A page with `rowCount` rows of `pageSize` may have a next page only when it is full. */
export function hasNextPage(rowCount: number, pageSize: number = STUDENTS_PAGE_SIZE): boolean {
  return rowCount >= pageSize;
}

export function nextPage<C>(paging: StudentPaging<C>): StudentPaging<C> {
  return paging.cursors[paging.page] === undefined ? paging : { ...paging, page: paging.page + 1 };
}

export function previousPage<C>(paging: StudentPaging<C>): StudentPaging<C> {
  return { ...paging, page: Math.max(0, paging.page - 1) };
}

/** The best of a stored best score and a new graded score (0–100), for the enrolment's field. */
export function bestScore(stored: unknown, score: number): number {
  const s = Math.max(0, Math.min(100, Math.round(score)));
  return typeof stored === 'number' && Number.isFinite(stored) ? Math.max(stored, s) : s;
}

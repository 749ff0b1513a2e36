// The instructor's students view of one course (issue 16 item 4): one query per page on
// enrollments (courseId + instructorId, ordered by the chosen sort, 25 rows, cursor), and the CSV
// export, which pages through the same query. The rules let only the course's instructor (and
// admins) read these enrolments; the fields shown are denormalised on each enrolment by the server.
import type { Enrollment } from '@skillverse/domain/models';
import {
  STUDENT_SORTS,
  STUDENTS_PAGE_SIZE,
  type StudentRow,
  type StudentSort,
  studentName,
} from '@skillverse/domain/students';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  getDocs,
  limit,
  orderBy,
  type QueryDocumentSnapshot,
  query,
  startAfter,
  where,
} from 'firebase/firestore';
import { LiveQueryError } from '@/lib/firestore/live-source';
import { enrollmentsRef } from '@/lib/data/enrollments';

export type StudentCursor = QueryDocumentSnapshot<Enrollment>;

export interface StudentsPage {
  rows: StudentRow[];
  last: StudentCursor | undefined;
}

export function studentRow(e: Enrollment): StudentRow {
  return {
    uid: e.uid,
    name: studentName(e.learnerName),
    status: e.status,
    source: e.source,
    progress: e.progress,
    enrolledAt: e.createdAt,
    lastActivityAt: e.lastActivityAt ?? null,
    bestQuizScore: e.bestQuizScore ?? null,
    completedAt: e.completedAt,
  };
}

function pageQuery(
  courseId: string,
  instructorId: string,
  sort: StudentSort,
  size: number,
  after?: StudentCursor,
) {
  const { field, direction } = STUDENT_SORTS[sort];
  return query(
    enrollmentsRef(),
    where('courseId', '==', courseId),
    where('instructorId', '==', instructorId),
    orderBy(field, direction),
    ...(after ? [startAfter(after)] : []),
    limit(size),
  );
}

/** One page: one query. */
export async function getStudentsPage(
  courseId: string,
  instructorId: string,
  sort: StudentSort,
  after?: StudentCursor,
): Promise<StudentsPage> {
  try {
    const snap = await getDocs(pageQuery(courseId, instructorId, sort, STUDENTS_PAGE_SIZE, after));
    return { rows: snap.docs.map((d) => studentRow(d.data())), last: snap.docs.at(-1) };
  } catch (error) {
    throw LiveQueryError.from(error);
  }
}

export function useStudentsPage(
  courseId: string,
  instructorId: string | undefined,
  sort: StudentSort,
  after: StudentCursor | undefined,
  page: number,
) {
  return useQuery({
    queryKey: ['educator', 'students', courseId, instructorId ?? null, sort, page] as const,
    queryFn: () => getStudentsPage(courseId, instructorId as string, sort, after),
    enabled: Boolean(courseId && instructorId),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Every learner of the course, for the CSV export: the same query in pages of 500. */
export async function getAllStudents(
  courseId: string,
  instructorId: string,
  sort: StudentSort,
): Promise<StudentRow[]> {
  const rows: StudentRow[] = [];
  let after: StudentCursor | undefined;
  try {
    for (;;) {
      const snap = await getDocs(pageQuery(courseId, instructorId, sort, 500, after));
      rows.push(...snap.docs.map((d) => studentRow(d.data())));
      if (snap.size < 500) return rows;
      after = snap.docs.at(-1);
    }
  } catch (error) {
    throw LiveQueryError.from(error);
  }
}

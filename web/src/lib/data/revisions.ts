// courses/{courseId}/revisions/{kind}-{itemId} (issue 15 "what learners earn from was reviewed"):
// an educator's new, changed or removed lecture or quiz of a live course, pending an admin's
// decision. Path, converter, refs and the two queries that read them: the instructor's (one
// course) and the admin queue's (every course, a collection-group query).
import {
  type CourseRevision,
  REVISION_KINDS,
  REVISION_OPS,
  REVISION_STATUSES,
} from '@skillverse/domain/course-revisions';
import {
  collection,
  collectionGroup,
  doc,
  type FirestoreDataConverter,
  limit,
  type QueryDocumentSnapshot,
  query,
  where,
} from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';
import { dateOrNow, dateOrNull, nullableStr, obj, oneOf, serverOnly, str } from '@/lib/firestore/parse';

/** A revision as read, with the course it belongs to (from its path). */
export interface RevisionDoc extends CourseRevision {
  courseId: string;
}

export function parseRevision(id: string, courseId: string, data: unknown): RevisionDoc {
  const d = obj(data);
  return {
    id,
    courseId,
    kind: oneOf(REVISION_KINDS, d.kind, 'lecture'),
    op: oneOf(REVISION_OPS, d.op, 'change'),
    itemId: str(d.itemId),
    title: str(d.title, 'Untitled'),
    changes: obj(d.changes),
    answerKey: null,
    instructorId: str(d.instructorId),
    status: oneOf(REVISION_STATUSES, d.status, 'pending'),
    reason: nullableStr(d.reason),
    decidedBy: nullableStr(d.decidedBy),
    decidedAt: dateOrNull(d.decidedAt),
    createdAt: dateOrNow(d.createdAt),
    updatedAt: dateOrNow(d.updatedAt ?? d.createdAt),
  };
}

// The instructor writes revisions with plain objects on the untyped ref (features/educator/api);
// the answer key is not read into the app's model.
export const revisionConverter: FirestoreDataConverter<RevisionDoc> = {
  toFirestore: () => serverOnly('courses/{id}/revisions'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseRevision(
      snapshot.id,
      snapshot.ref.parent.parent?.id ?? '',
      snapshot.data({ serverTimestamps: 'estimate' }),
    ),
};

// ---------------------------------------------------------------- paths and refs

export const REVISIONS = 'revisions';

export const revisionPaths = {
  revisions: (courseId: string) => `courses/${courseId}/${REVISIONS}`,
  revision: (courseId: string, revisionId: string) => `courses/${courseId}/${REVISIONS}/${revisionId}`,
} as const;

export const revisionsRef = (courseId: string) =>
  collection(db, revisionPaths.revisions(courseId)).withConverter(revisionConverter);
export const revisionRef = (courseId: string, revisionId: string) =>
  doc(db, revisionPaths.revision(courseId, revisionId)).withConverter(revisionConverter);

// ---------------------------------------------------------------- shared queries

/** A course's revisions (its instructor and admins read them), live: the editor's "Pending review". */
export function courseRevisionsQueryOptions(courseId: string | undefined, enabled = true) {
  return liveQueryOptions(
    ['courses', courseId ?? null, 'revisions'] as const,
    courseId && enabled ? querySource(query(revisionsRef(courseId), limit(500))) : null,
  );
}

export function useCourseRevisions(courseId: string | undefined, enabled = true) {
  return useLiveQuery(courseRevisionsQueryOptions(courseId, enabled));
}

const oldestFirst = (items: RevisionDoc[]) =>
  [...items].sort((a, b) => (a.updatedAt ?? a.createdAt).getTime() - (b.updatedAt ?? b.createdAt).getTime());

/** Every pending revision, oldest first (admins only: the moderation queue), live. */
export function pendingRevisionsQueryOptions() {
  return liveQueryOptions(
    ['revisions', 'moderation', 'pending'] as const,
    querySource(
      query(
        collectionGroup(db, REVISIONS).withConverter(revisionConverter),
        where('status', '==', 'pending'),
        limit(100),
      ),
      oldestFirst,
    ),
  );
}

export function usePendingRevisions() {
  return useLiveQuery(pendingRevisionsQueryOptions());
}

// What learners earn from was reviewed (issue 15 item 2). Once a course is live (published or
// archived), the lectures and quizzes learners can read, complete and be rewarded for change only
// through a revision an admin approved: courses/{courseId}/revisions/{kind}-{itemId}. Typo-level
// edits (title, order, section, resource links) stay in place. Everything that changes what is
// watched, read, answered or graded — and adding or removing an item — is a revision.
//
// Until approval nothing of a revision is visible to learners: the live lecture/quiz documents are
// untouched, so completion, progress, points and certificates only ever count approved content.

/** Course statuses whose lectures and quizzes change only through an approved revision. */
export const REVIEWED_COURSE_STATUSES = ['published', 'archived'] as const;

export function isReviewedCourseStatus(status: unknown): boolean {
  return (REVIEWED_COURSE_STATUSES as readonly unknown[]).includes(status);
}

export const REVISION_KINDS = ['lecture', 'quiz'] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

export const REVISION_OPS = ['add', 'change', 'remove'] as const;
export type RevisionOp = (typeof REVISION_OPS)[number];

/** pending → approved | rejected by an admin; pending → withdrawn by the educator. */
export const REVISION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

export const REVISION_ACTIONS = ['approve', 'reject'] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

/** Fields of a lecture an instructor may edit in place on a live course (typos, layout). */
export const LECTURE_IN_PLACE_FIELDS = ['title', 'order', 'sectionId', 'resources', 'updatedAt'] as const;
/** Fields of a lecture whose change needs review: what is watched or read, and how long it takes. */
export const LECTURE_REVIEWED_FIELDS = [
  'videoUrl',
  'videoPath',
  'durationSec',
  'preview',
  'body',
  'quizId',
] as const;
/** Every lecture content field (what an `add` revision may carry). */
export const LECTURE_FIELDS = [
  'title',
  'order',
  'sectionId',
  'resources',
  ...LECTURE_REVIEWED_FIELDS,
] as const;

/** Fields of a quiz an instructor may edit in place on a live course. */
export const QUIZ_IN_PLACE_FIELDS = ['title', 'order', 'sectionId', 'updatedAt'] as const;
/** Fields of a quiz whose change needs review: questions, grading and the attempt rules. */
export const QUIZ_REVIEWED_FIELDS = [
  'questions',
  'passingScore',
  'lectureId',
  'attemptLimit',
  'timeLimitMinutes',
  'shuffle',
  'showCorrectness',
] as const;
export const QUIZ_FIELDS = ['title', 'order', 'sectionId', ...QUIZ_REVIEWED_FIELDS] as const;

export function contentFieldsOf(kind: RevisionKind): readonly string[] {
  return kind === 'lecture' ? LECTURE_FIELDS : QUIZ_FIELDS;
}

export function reviewedFieldsOf(kind: RevisionKind): readonly string[] {
  return kind === 'lecture' ? LECTURE_REVIEWED_FIELDS : QUIZ_REVIEWED_FIELDS;
}

/** One revision per item: its id is `{kind}-{itemId}` (a re-submission overwrites the last one). */
export function revisionId(kind: RevisionKind, itemId: string): string {
  return `${kind}-${itemId}`;
}

/** The item a revision id names, or null. */
export function parseRevisionId(id: string): { kind: RevisionKind; itemId: string } | null {
  const dash = id.indexOf('-');
  if (dash <= 0) return null;
  const kind = id.slice(0, dash);
  const itemId = id.slice(dash + 1);
  if (!itemId || !(REVISION_KINDS as readonly string[]).includes(kind)) return null;
  return { kind: kind as RevisionKind, itemId };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Splits an edit of a live item into what may be written in place and what needs a revision.
 * `before` is the item as stored, `after` the fields the editor wants to write.
 */
export function splitEdit(
  kind: RevisionKind,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { inPlace: Record<string, unknown>; reviewed: Record<string, unknown> } {
  const reviewedFields = reviewedFieldsOf(kind);
  const inPlace: Record<string, unknown> = {};
  const reviewed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(after)) {
    if (field === 'updatedAt' || field === 'createdAt') continue;
    if (same(before[field], value)) continue;
    if (reviewedFields.includes(field)) reviewed[field] = value;
    else if (contentFieldsOf(kind).includes(field)) inPlace[field] = value;
  }
  return { inPlace, reviewed };
}

/** Only the content fields of `changes` (what an approval may write onto the item), in a fixed order. */
export function revisionPatch(kind: RevisionKind, changes: unknown): Record<string, unknown> {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) return {};
  const source = changes as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const field of contentFieldsOf(kind)) {
    if (field in source && source[field] !== undefined) patch[field] = source[field];
  }
  return patch;
}

/** A quiz answer key as stored in quizKeys/{quizId}, or null when `value` is not one. */
export function answerKeyOf(value: unknown): Record<string, number[]> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const out: Record<string, number[]> = {};
  for (const [question, options] of Object.entries(value as Record<string, unknown>)) {
    if (!Array.isArray(options) || !options.every((o) => Number.isInteger(o) && o >= 0)) return null;
    out[question] = options as number[];
  }
  return out;
}

/** A short human description of a revision for the moderation queue and notifications. */
export function describeRevision(kind: RevisionKind, op: RevisionOp, title: string): string {
  const what = kind === 'lecture' ? 'lecture' : 'quiz';
  const verb = op === 'add' ? 'New' : op === 'remove' ? 'Removal of' : 'Changes to';
  return `${verb} ${what} “${title || 'Untitled'}”`;
}

/** courses/{courseId}/revisions/{kind}-{itemId}: the educator writes it pending; moderateRevision decides. */
export interface CourseRevision {
  id: string;
  kind: RevisionKind;
  op: RevisionOp;
  itemId: string;
  /** The item's title as the queue shows it. */
  title: string;
  /** For add: every content field of the new item; for change: the changed reviewed fields. */
  changes: Record<string, unknown>;
  /** Quiz only: question id → correct option indexes (never readable by learners). */
  answerKey?: Record<string, number[]> | null;
  instructorId: string;
  status: RevisionStatus;
  /** Set by moderateRevision on rejection, shown to the educator. */
  reason?: string | null;
  decidedBy?: string | null;
  decidedAt?: Date | null;
  createdAt: Date;
  updatedAt?: Date;
}

/** moderateRevision's answer. `alreadyDecided` when a repeat found the decision made. */
export interface ModerateRevisionResponse {
  courseId: string;
  revisionId: string;
  status: 'approved' | 'rejected';
  alreadyDecided: boolean;
}

// One validator for document ids that come from clients: what Firestore accepts as an id, so an id
// it would refuse is invalid-argument at the boundary, never an internal error from the database.
import { z } from './zod';

/** Firestore's limit on a document id, in UTF-8 bytes. */
export const DOCUMENT_ID_MAX_BYTES = 1500;

export const DOCUMENT_ID_RULE =
  'a document id: 1–1,500 bytes of well-formed text without "/", not "." or "..", not __reserved__';

function utf8Bytes(s: string): number {
  let bytes = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** `String.prototype.isWellFormed` (ES2024): no lone surrogate such as "\ud800". */
function isWellFormed(s: string): boolean {
  return (s as string & { isWellFormed(): boolean }).isWellFormed();
}

/**
 * A string Firestore accepts as a document id: well-formed UTF-16, no "/", not "." or "..", not
 * `__…__` (reserved), 1–1,500 UTF-8 bytes. Spaces, dots inside and emoji are fine.
 */
export function isValidDocumentId(s: unknown): s is string {
  if (typeof s !== 'string' || s.length === 0) return false;
  if (!isWellFormed(s) || s.includes('/')) return false;
  if (s === '.' || s === '..' || /^__.*__$/s.test(s)) return false;
  return utf8Bytes(s) <= DOCUMENT_ID_MAX_BYTES;
}

/** A trimmed document id field: `courseId must be a document id: …` when it is not one. */
export function documentId(field: string) {
  return z
    .string({ error: `${field} must be a string` })
    .trim()
    .min(1, `${field} is required`)
    .refine(isValidDocumentId, `${field} must be ${DOCUMENT_ID_RULE}`);
}

/** A Firebase Auth uid: a document id of at most 128 characters (Auth's own limit). */
export function userId(field = 'uid') {
  return documentId(field).refine((uid) => uid.length <= 128, `${field} must be at most 128 characters`);
}

/**
 * The ids clients may give the documents they create (firestore.rules `isNewId`, the same pattern;
 * scripts/lib/rules-ids.test.ts keeps the two equal): letters, digits, `_` and `-`, 1–128
 * characters, not `__…__` — auto-ids and the app's own ids. Stricter than isValidDocumentId, which
 * callables accept so that documents with older, odder ids keep working.
 */
export const NEW_DOCUMENT_ID_PATTERN = '^[A-Za-z0-9_-]{1,128}$';

const NEW_DOCUMENT_ID_RE = new RegExp(NEW_DOCUMENT_ID_PATTERN);

/** Whether a client may create a document with this id (see NEW_DOCUMENT_ID_PATTERN). */
export function isNewDocumentId(s: unknown): s is string {
  return typeof s === 'string' && NEW_DOCUMENT_ID_RE.test(s) && !/^__.*__$/.test(s);
}

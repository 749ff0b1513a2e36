// Callable input validation: zod schema → typed value, or invalid-argument saying what is wrong.
import { HttpsError } from 'firebase-functions/v2/https';
import { z } from 'zod';

/**
 * A Firestore document id as clients may send one: 1–128 characters, no "/", and none of the ids
 * Firestore itself refuses ("." and "..", and reserved ids like "__name__"). An id Firestore
 * refuses must be invalid-argument here, not an internal error from the database call.
 */
export const DOCUMENT_ID_PATTERN = /^(?!\.\.?$)(?!__.*__$)[^/]{1,128}$/;
export const DOCUMENT_ID_RULE = '1–128 characters without "/", not "." or "..", not __reserved__';

/** A trimmed document id field: `name must be 1–128 characters without "/", …` when it is not one. */
export function documentIdField(name: string) {
  return z
    .string({ error: `${name} must be a string` })
    .trim()
    .regex(DOCUMENT_ID_PATTERN, `${name} must be ${DOCUMENT_ID_RULE}`);
}

/** A course id from a client (the field most callables share). */
export const courseIdField = documentIdField('courseId');

/** 'status: Invalid option: expected one of "active"|"suspended"|"banned"; uid: Required' */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new HttpsError('invalid-argument', `Invalid request: ${describeIssues(result.error)}`);
  }
  return result.data;
}

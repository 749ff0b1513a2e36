// Callable input validation: a contract's zod schema (@skillverse/domain/contracts/*) → typed value,
// or invalid-argument saying what is wrong. Document ids: isValidDocumentId in contracts/ids.
import { HttpsError } from 'firebase-functions/v2/https';
import type { z } from 'zod';

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

import { HttpsError } from 'firebase-functions/v2/https';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decideEducatorApplicationInput } from '../admin/decide-educator-application';
import { setUserRolesInput } from '../admin/set-user-roles';
import { setUserStatusInput } from '../admin/set-user-status';
import { completeLocalCheckoutInput } from '../billing/complete-local-checkout';
import { createCheckoutSessionInput } from '../billing/create-checkout-session';
import { completeLectureInput } from '../courses/complete-lecture';
import { enrollInFreeCourseInput } from '../courses/enroll-in-free-course';
import { submitQuizInput } from '../courses/submit-quiz';
import { moderateInput } from '../live/moderate';
import { registerInput } from '../live/register';
import { sessionIdInput } from '../live/start';
import { DOCUMENT_ID_PATTERN, parseInput } from './validate';

const schema = z.strictObject({
  uid: z.string().min(1),
  status: z.enum(['active', 'suspended', 'banned']),
  reason: z.string().max(10).optional(),
});

function errorOf(fn: () => unknown): HttpsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof HttpsError) return error;
    throw error;
  }
  throw new Error('expected an HttpsError');
}

describe('parseInput', () => {
  it('returns the parsed value for valid input', () => {
    expect(parseInput(schema, { uid: 'u1', status: 'active' })).toEqual({ uid: 'u1', status: 'active' });
  });

  it('throws invalid-argument naming each bad field', () => {
    const error = errorOf(() => parseInput(schema, { uid: '', status: 'asleep' }));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toMatch(/^Invalid request: /);
    expect(error.message).toContain('uid:');
    expect(error.message).toContain('status:');
    expect(error.message).toContain('suspended');
  });

  it('rejects unknown fields and missing data', () => {
    expect(errorOf(() => parseInput(schema, { uid: 'u', status: 'active', admin: true })).message).toContain(
      'admin',
    );
    expect(errorOf(() => parseInput(schema, undefined)).code).toBe('invalid-argument');
  });
});

// Regression (bench:faults, malformed payloads): ids Firestore itself refuses ("." / ".." and
// reserved "__…__") passed the input schemas, so the database call threw and the callable answered
// `internal`. They are invalid-argument now, for every callable that takes a document id.
describe('document ids', () => {
  const refused = ['.', '..', '__proto__', '__name__', '__x__', ' .. ', 'a/b', '', 'x'.repeat(129)];
  const fine = ['course-1', 'constructor', '_x_', '__x', 'x__', 'a.b', '...', 'é', 'x'.repeat(128)];

  it('DOCUMENT_ID_PATTERN refuses what Firestore refuses and keeps ordinary ids', () => {
    for (const id of refused.map((s) => s.trim())) expect(DOCUMENT_ID_PATTERN.test(id), id).toBe(false);
    for (const id of fine) expect(DOCUMENT_ID_PATTERN.test(id), id).toBe(true);
  });

  it.each([
    ['enrollInFreeCourse', enrollInFreeCourseInput, (id: string) => ({ courseId: id })],
    ['createCheckoutSession', createCheckoutSessionInput, (id: string) => ({ courseId: id })],
    ['completeLecture', completeLectureInput, (id: string) => ({ courseId: 'c1', lectureId: id })],
    ['submitQuiz', submitQuizInput, (id: string) => ({ courseId: 'c1', quizId: id, answers: {} })],
    [
      'completeLocalCheckout',
      completeLocalCheckoutInput,
      (id: string) => ({ paymentId: id, outcome: 'paid' }),
    ],
    ['registerForLiveSession', registerInput, (id: string) => ({ sessionId: id, action: 'register' })],
    ['startLiveSession', sessionIdInput, (id: string) => ({ sessionId: id })],
    [
      'moderateLiveParticipant',
      moderateInput,
      (id: string) => ({ sessionId: 's1', uid: id, action: 'mute' }),
    ],
    ['setUserRoles', setUserRolesInput, (id: string) => ({ uid: id, role: 'educator', grant: true })],
    ['setUserStatus', setUserStatusInput, (id: string) => ({ uid: id, status: 'active' })],
    [
      'decideEducatorApplication',
      decideEducatorApplicationInput,
      (id: string) => ({ uid: id, decision: 'approve' }),
    ],
  ] as const)('%s answers invalid-argument to a reserved or dotted id', (_name, schema, payload) => {
    for (const id of ['.', '..', '__proto__', '__name__']) {
      expect(errorOf(() => parseInput(schema, payload(id))).code, id).toBe('invalid-argument');
    }
    expect(() => parseInput(schema, payload('ok-id'))).not.toThrow();
  });
});

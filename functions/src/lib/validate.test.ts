import { HttpsError } from 'firebase-functions/v2/https';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  decideEducatorApplication,
  setUserRoles,
  setUserStatus,
} from '@skillverse/domain/contracts/accounts';
import { completeLocalCheckout, createCheckoutSession } from '@skillverse/domain/contracts/billing';
import { completeLecture, enrollInFreeCourse, submitQuiz } from '@skillverse/domain/contracts/courses';
import {
  moderateLiveParticipant,
  registerForLiveSession,
  startLiveSession,
} from '@skillverse/domain/contracts/live';
import { isValidDocumentId } from '@skillverse/domain/contracts/ids';
import { parseInput } from './validate';

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
  const refused = [
    '.',
    '..',
    '__proto__',
    '__name__',
    '__x__',
    ' .. ',
    'a/b',
    '',
    '\ud800',
    'x'.repeat(1501),
  ];
  const fine = [
    'course-1',
    'constructor',
    '_x_',
    '__x',
    'x__',
    'a.b',
    '...',
    'é',
    'hx intro',
    'x'.repeat(1500),
  ];

  it('isValidDocumentId refuses what Firestore refuses and keeps ordinary ids', () => {
    for (const id of refused.map((s) => s.trim())) expect(isValidDocumentId(id), id).toBe(false);
    for (const id of fine) expect(isValidDocumentId(id), id).toBe(true);
  });

  it.each([
    [enrollInFreeCourse.name, enrollInFreeCourse.input, (id: string) => ({ courseId: id })],
    [createCheckoutSession.name, createCheckoutSession.input, (id: string) => ({ courseId: id })],
    [completeLecture.name, completeLecture.input, (id: string) => ({ courseId: 'c1', lectureId: id })],
    [
      submitQuiz.name,
      submitQuiz.input,
      (id: string) => ({ courseId: 'c1', quizId: id, attemptId: 'a1', answers: {} }),
    ],
    [
      completeLocalCheckout.name,
      completeLocalCheckout.input,
      (id: string) => ({ paymentId: id, outcome: 'paid' }),
    ],
    [
      registerForLiveSession.name,
      registerForLiveSession.input,
      (id: string) => ({ sessionId: id, action: 'register' }),
    ],
    [startLiveSession.name, startLiveSession.input, (id: string) => ({ sessionId: id })],
    [
      moderateLiveParticipant.name,
      moderateLiveParticipant.input,
      (id: string) => ({ sessionId: 's1', uid: id, action: 'mute' }),
    ],
    [setUserRoles.name, setUserRoles.input, (id: string) => ({ uid: id, role: 'educator', grant: true })],
    [setUserStatus.name, setUserStatus.input, (id: string) => ({ uid: id, status: 'active' })],
    [
      decideEducatorApplication.name,
      decideEducatorApplication.input,
      (id: string) => ({ uid: id, decision: 'approve' }),
    ],
  ] as const)('%s answers invalid-argument to a reserved or dotted id', (_name, schema, payload) => {
    for (const id of ['.', '..', '__proto__', '__name__', '\ud800', 'a/b']) {
      expect(errorOf(() => parseInput(schema, payload(id))).code, id).toBe('invalid-argument');
    }
    expect(() => parseInput(schema, payload('ok-id'))).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { parseEnrollment } from './enrollments';

describe('parseEnrollment', () => {
  it('reads a well-formed enrollment, keeping only string lecture ids', () => {
    const at = new Date('2026-11-20T10:00:00Z');
    const e = parseEnrollment('u1_c1', {
      uid: 'u1',
      courseId: 'c1',
      instructorId: 'i1',
      status: 'active',
      source: 'stripe',
      completedLectureIds: ['l1', 2, 'l2'],
      progress: 50,
      lastLectureId: 'l2',
      lastPositionSec: 93.5,
      completedAt: null,
      certificateId: null,
      courseTitle: 'Go',
      courseThumbnailUrl: null,
      createdAt: at,
      updatedAt: at.getTime(),
    });
    expect(e).toEqual({
      id: 'u1_c1',
      uid: 'u1',
      courseId: 'c1',
      instructorId: 'i1',
      status: 'active',
      source: 'stripe',
      completedLectureIds: ['l1', 'l2'],
      progress: 50,
      lastLectureId: 'l2',
      lastPositionSec: 93.5,
      completedAt: null,
      certificateId: null,
      courseTitle: 'Go',
      courseThumbnailUrl: null,
      learnerName: '',
      lastActivityAt: null,
      bestQuizScore: null,
      createdAt: at,
      updatedAt: at,
      // observed watching (issue 15): none recorded on this document
      watch: {},
      watchedSeconds: 0,
    });
  });

  it('reads a document full of wrong types as safe defaults, without throwing', () => {
    const e = parseEnrollment('x', {
      uid: 1,
      courseId: null,
      status: 'paused',
      source: 'gift',
      completedLectureIds: 'l1',
      progress: Number.NaN,
      lastLectureId: 3,
      lastPositionSec: Number.POSITIVE_INFINITY,
      completedAt: 'today',
      certificateId: {},
      courseTitle: [],
      courseThumbnailUrl: false,
      createdAt: undefined,
    });
    expect(e).toMatchObject({
      uid: '',
      courseId: '',
      instructorId: '',
      status: 'active',
      source: 'free',
      completedLectureIds: [],
      progress: 0,
      lastLectureId: null,
      lastPositionSec: 0,
      completedAt: null,
      certificateId: null,
      courseTitle: '',
      courseThumbnailUrl: null,
    });
    expect(e.createdAt).toBeInstanceOf(Date);
  });
});

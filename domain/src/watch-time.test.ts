import { describe, expect, it } from 'vitest';
import {
  addObserved,
  canCompleteLecture,
  creditForReport,
  learningHours,
  notYetMessage,
  observedWatching,
  readingSeconds,
  totalObserved,
  videoDurationSeconds,
  watchRequirement,
} from './watch-time';

describe('watch requirement', () => {
  it('a video needs 80 % of the educator’s duration', () => {
    expect(watchRequirement({ videoUrl: 'https://x/v.mp4', durationSec: 300 })).toEqual({
      kind: 'video',
      durationSeconds: 300,
      requiredSeconds: 240,
    });
  });
  it('without a stored duration it uses the measured one, bounded to 10 s – 4 h', () => {
    expect(videoDurationSeconds(0, 1)).toBe(10);
    expect(videoDurationSeconds(0, 99_999)).toBe(4 * 3600);
    expect(videoDurationSeconds(null, null)).toBeNull();
    expect(videoDurationSeconds(20, 1)).toBe(20);
    expect(watchRequirement({ videoPath: 'a/b.mp4', durationSec: 0 })).toBeNull();
  });
  it('a text lecture needs 200 words a minute, between 20 s and 10 min', () => {
    expect(readingSeconds('')).toBe(20);
    expect(readingSeconds(Array(400).fill('w').join(' '))).toBe(120);
    expect(readingSeconds(Array(10_000).fill('w').join(' '))).toBe(600);
    expect(watchRequirement({ body: 'hello there' })).toMatchObject({ kind: 'text', requiredSeconds: 20 });
  });
});

describe('crediting reports', () => {
  it('credits the real elapsed time, at most 60 s, nothing for the first report or a restart', () => {
    expect(creditForReport({ nowMs: 10_000, previousReportMs: null })).toBe(0);
    expect(creditForReport({ nowMs: 25_000, previousReportMs: 10_000 })).toBe(15);
    expect(creditForReport({ nowMs: 3_600_000, previousReportMs: 0 })).toBe(60);
    expect(creditForReport({ nowMs: 25_000, previousReportMs: 10_000, restart: true })).toBe(0);
    expect(creditForReport({ nowMs: 5_000, previousReportMs: 10_000 })).toBe(0);
  });
  it('caps a lecture at its duration and allows completion at the share', () => {
    const req = watchRequirement({ videoUrl: 'v.mp4', durationSec: 5 });
    expect(addObserved(4, 60, req)).toBe(5);
    expect(canCompleteLecture(3, req)).toBe(false);
    expect(canCompleteLecture(4, req)).toBe(true);
    expect(canCompleteLecture(100, null)).toBe(false);
  });
});

describe('messages and totals', () => {
  it('says how much is still needed', () => {
    expect(notYetMessage(watchRequirement({ videoUrl: 'v', durationSec: 300 }))).toBe(
      'Watch at least 4 of 5 minutes first.',
    );
    expect(notYetMessage(watchRequirement({ videoUrl: 'v', durationSec: 5 }))).toBe(
      'Watch at least 4 of 5 seconds first.',
    );
    expect(notYetMessage(watchRequirement({ body: 'short' }))).toBe('Read for at least 20 seconds first.');
  });
  it('sums observed time into hours', () => {
    expect(totalObserved({ a: { seconds: 1800 }, b: { seconds: 1800 }, c: { seconds: 'x' } })).toBe(3600);
    expect(learningHours(5400)).toBe(1.5);
  });
});

describe('course credential evidence', () => {
  it('states observed time and quiz results, and says when no time was observed', async () => {
    const { courseEvidenceDescription } = await import('./credentials');
    expect(
      courseEvidenceDescription({ observedSeconds: 2520, lectures: 6, quizzesPassed: 1, quizzes: 1 }),
    ).toBe(
      '42 minutes of watching and reading observed by SkillVerse across 6 lectures; 1 of 1 quiz passed on the server at the required score.',
    );
    expect(courseEvidenceDescription({ observedSeconds: 0, lectures: 3, quizzesPassed: 0, quizzes: 0 })).toBe(
      'No observed learning time on record (completed before SkillVerse observed watching); the course has no quiz.',
    );
  });
});

describe('observedWatching', () => {
  it('builds the enrolment fields recordLectureProgress keeps, with their total', () => {
    expect(observedWatching(['l1', 'l2'], 90)).toEqual({
      watch: { l1: { seconds: 90, measuredSec: null }, l2: { seconds: 90, measuredSec: null } },
      watchedSeconds: 180,
    });
    expect(observedWatching([], 90)).toEqual({ watch: {}, watchedSeconds: 0 });
  });
});

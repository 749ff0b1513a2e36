// Watching is observed (issue 15): the rules that turn the player's progress reports into observed
// learning time, and decide when a lecture may be completed. The server applies them with its own
// clock; nothing here trusts a time the client states.

/** Share of a video's duration that must be observed before it can be completed. */
export const WATCH_SHARE = 0.8;
/** A video's duration, however it was learnt, is bounded to this (4 h). */
export const MAX_VIDEO_SECONDS = 4 * 60 * 60;
/** A duration the player measured (no educator duration stored) counts as at least this much. */
export const MIN_MEASURED_SECONDS = 10;
/** Reading speed for text lectures, and the floor's bounds. */
export const READING_WORDS_PER_MINUTE = 200;
export const MIN_READING_SECONDS = 20;
export const MAX_READING_SECONDS = 10 * 60;
/** The player reports about this often while playing or reading (10 s). */
export const REPORT_EVERY_MS = 10_000;
/** One report credits at most this much, however long ago the previous one was (pauses, closed tabs). */
export const MAX_CREDIT_PER_REPORT_SECONDS = 60;

export interface LectureForWatching {
  videoUrl?: string | null;
  videoPath?: string | null;
  /** The educator's stored duration (seconds); 0 or missing when unknown. */
  durationSec?: number | null;
  body?: string | null;
}

export type WatchRequirement =
  | { kind: 'video'; durationSeconds: number; requiredSeconds: number }
  | { kind: 'text'; words: number; requiredSeconds: number };

const finite = (n: unknown): number => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0);

export function isVideoLecture(lecture: LectureForWatching): boolean {
  return Boolean(lecture.videoUrl || lecture.videoPath);
}

export function wordCount(text: string | null | undefined): number {
  const t = (text ?? '').trim();
  return t ? t.split(/\s+/).length : 0;
}

/** Reading floor for a text lecture: its words at 200 words/min, between 20 s and 10 min. */
export function readingSeconds(body: string | null | undefined): number {
  const raw = Math.ceil((wordCount(body) / READING_WORDS_PER_MINUTE) * 60);
  return Math.min(MAX_READING_SECONDS, Math.max(MIN_READING_SECONDS, raw));
}

/**
 * A video's duration: the educator's stored one, else the one the player measured (at least 10 s),
 * both bounded to 4 h. Null when neither is known yet (nothing can complete it until the player
 * measured it).
 */
export function videoDurationSeconds(storedSec: unknown, measuredSec: unknown): number | null {
  const stored = finite(storedSec);
  if (stored > 0) return Math.min(MAX_VIDEO_SECONDS, Math.ceil(stored));
  const measured = finite(measuredSec);
  if (measured > 0) return Math.min(MAX_VIDEO_SECONDS, Math.max(MIN_MEASURED_SECONDS, Math.ceil(measured)));
  return null;
}

/** What completing this lecture takes; null for a video whose duration nobody knows yet. */
export function watchRequirement(
  lecture: LectureForWatching,
  measuredSec?: unknown,
): WatchRequirement | null {
  if (isVideoLecture(lecture)) {
    const duration = videoDurationSeconds(lecture.durationSec, measuredSec);
    if (duration === null) return null;
    return { kind: 'video', durationSeconds: duration, requiredSeconds: Math.ceil(duration * WATCH_SHARE) };
  }
  return { kind: 'text', words: wordCount(lecture.body), requiredSeconds: readingSeconds(lecture.body) };
}

/** Observed time on one lecture never counts beyond this (the whole video, or 1.5× the reading floor). */
export function creditCapSeconds(req: WatchRequirement): number {
  return req.kind === 'video' ? req.durationSeconds : Math.ceil(req.requiredSeconds * 1.5);
}

/**
 * Seconds one report credits: the real time since the previous report on the same enrolment (the
 * server's clock; one clock per enrolment, so lectures watched "in parallel" share it), at most 60 s.
 * The first report, a report after `start` (play resumed), or a clock that went backwards credit 0.
 */
export function creditForReport(input: {
  nowMs: number;
  previousReportMs: number | null;
  /** The learner (re)started playing: the gap before it was not watching. */
  restart?: boolean;
}): number {
  if (input.restart || input.previousReportMs === null) return 0;
  const elapsed = (input.nowMs - input.previousReportMs) / 1000;
  if (!(elapsed > 0)) return 0;
  return Math.min(MAX_CREDIT_PER_REPORT_SECONDS, Math.floor(elapsed));
}

/** Adds a credit to a lecture's observed seconds, bounded by the lecture's cap. */
export function addObserved(observedSeconds: number, credit: number, req: WatchRequirement | null): number {
  const next = finite(observedSeconds) + Math.max(0, credit);
  return req ? Math.min(creditCapSeconds(req), next) : next;
}

export function canCompleteLecture(observedSeconds: number, req: WatchRequirement | null): boolean {
  return req !== null && finite(observedSeconds) >= req.requiredSeconds;
}

const minutesText = (s: number) => {
  if (s < 60) return `${Math.max(1, Math.ceil(s))} seconds`;
  const m = Math.ceil(s / 60);
  return `${m} minute${m === 1 ? '' : 's'}`;
};

/** "Watch at least 4 of 5 minutes first" — the message when completing is not allowed yet. */
export function notYetMessage(req: WatchRequirement | null): string {
  if (req === null) return 'Play the video first so we can see how long it is.';
  if (req.kind === 'video') {
    if (req.durationSeconds < 60) {
      return `Watch at least ${req.requiredSeconds} of ${req.durationSeconds} seconds first.`;
    }
    const needMin = Math.ceil(req.requiredSeconds / 60);
    const totalMin = Math.ceil(req.durationSeconds / 60);
    return `Watch at least ${needMin} of ${totalMin} minutes first.`;
  }
  return `Read for at least ${minutesText(req.requiredSeconds)} first.`;
}

/** Learning hours from observed seconds, one decimal. */
export function learningHours(observedSeconds: number): number {
  return Math.round((finite(observedSeconds) / 3600) * 10) / 10;
}

/** Stored shape of one lecture's observation on the enrolment (`watch.<lectureId>`). */
export interface LectureWatch {
  seconds: number;
  /** Duration the player measured, bounded; only used when the educator stored none. */
  measuredSec: number | null;
}

/** The enrolment's observed learning time in total (`watchedSeconds`) across lectures. */
export function totalObserved(watch: Record<string, { seconds?: unknown }> | null | undefined): number {
  if (!watch) return 0;
  return Object.values(watch).reduce((sum, w) => sum + finite(w?.seconds), 0);
}

/**
 * The enrolment's observation fields (`watch` and `watchedSeconds`) as recordLectureProgress would
 * have built them had the learner been observed for `secondsEach` on each of `lectureIds`. For
 * fixtures and journeys about what comes after watching; the one place that spells this shape.
 */
export function observedWatching(
  lectureIds: readonly string[],
  secondsEach: number,
): { watch: Record<string, LectureWatch>; watchedSeconds: number } {
  const watch: Record<string, LectureWatch> = Object.fromEntries(
    lectureIds.map((id) => [id, { seconds: secondsEach, measuredSec: null }]),
  );
  return { watch, watchedSeconds: totalObserved(watch) };
}

import type { Lecture, Quiz } from '@skillverse/domain/models';

/** Previous and next lectures around `lectureId` in outline order. */
export function neighbours<L extends { id: string }>(ordered: readonly L[], lectureId: string) {
  const i = ordered.findIndex((l) => l.id === lectureId);
  return {
    index: i,
    previous: i > 0 ? (ordered[i - 1] ?? null) : null,
    next: i >= 0 && i < ordered.length - 1 ? (ordered[i + 1] ?? null) : null,
  };
}

/** The quizzes that belong after a lecture: linked from the lecture, or pointing at it. */
export function quizzesForLecture(lecture: Pick<Lecture, 'id' | 'quizId'>, quizzes: readonly Quiz[]): Quiz[] {
  return quizzes.filter((q) => q.id === lecture.quizId || q.lectureId === lecture.id);
}

/** Whether a saved position is worth resuming from (not at the very start or end). */
export function resumeFrom(positionSec: number, durationSec: number): number | null {
  if (!Number.isFinite(positionSec) || positionSec < 5) return null;
  if (Number.isFinite(durationSec) && durationSec > 0 && positionSec > durationSec - 5) return null;
  return Math.floor(positionSec);
}

/** How often (ms) the player saves the resume position while a video plays. */
export const SAVE_POSITION_EVERY_MS = 10_000;

/** A quiz answer set is complete when every question has at least one chosen option. */
export function unanswered(questionIds: readonly string[], answers: Record<string, number[]>): string[] {
  return questionIds.filter((id) => (answers[id]?.length ?? 0) === 0);
}

/** Toggles an option: one choice for single/boolean questions, any for multiple. */
export function chooseOption(current: number[], option: number, multiple: boolean): number[] {
  if (!multiple) return [option];
  return current.includes(option)
    ? current.filter((o) => o !== option)
    : [...current, option].sort((a, b) => a - b);
}

// Pure helpers for the room and the lists (unit-tested).
import type { LivePollVote, LiveQuestion, LiveSession } from '@skillverse/domain/models';

/** Unanswered first, then most upvoted, then oldest first. */
export function sortQuestions(questions: LiveQuestion[]): LiveQuestion[] {
  return [...questions].sort(
    (a, b) =>
      Number(a.answered) - Number(b.answered) ||
      b.upvoterIds.length - a.upvoterIds.length ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  );
}

export interface PollResult {
  option: string;
  votes: number;
  percent: number;
}

/** Votes per option and rounded percentages; votes for options that don't exist are ignored. */
export function pollResults(options: string[], votes: Pick<LivePollVote, 'optionIndex'>[]): PollResult[] {
  const valid = votes.filter((v) => v.optionIndex >= 0 && v.optionIndex < options.length);
  return options.map((option, i) => {
    const n = valid.filter((v) => v.optionIndex === i).length;
    return { option, votes: n, percent: valid.length ? Math.round((n / valid.length) * 100) : 0 };
  });
}

/** The list filters: free text over title, description and host; optionally only sessions with seats. */
export function matchesFilters(
  session: Pick<LiveSession, 'title' | 'description' | 'hostName' | 'capacity' | 'registeredCount'>,
  search: string,
  seatsOnly: boolean,
): boolean {
  const q = search.trim().toLowerCase();
  if (q && !`${session.title} ${session.description} ${session.hostName}`.toLowerCase().includes(q))
    return false;
  if (seatsOnly && session.registeredCount >= session.capacity) return false;
  return true;
}

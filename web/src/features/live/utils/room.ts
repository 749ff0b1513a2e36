// Pure helpers for the room and the lists (unit-tested).
import type { LiveQuestion, LiveSession } from '@skillverse/domain/models';

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

/**
 * Votes per option and rounded percentages from a poll's server-kept tally (`counts`: option
 * index → votes); counts for options that don't exist are ignored.
 */
export function pollResults(options: string[], counts: Record<string, number> = {}): PollResult[] {
  const perOption = options.map((_, i) => {
    const n = counts[String(i)];
    return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
  });
  const total = perOption.reduce((a, b) => a + b, 0);
  return options.map((option, i) => {
    const n = perOption[i] ?? 0;
    return { option, votes: n, percent: total ? Math.round((n / total) * 100) : 0 };
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

/**
 * What the video area says about LiveKit's connection state (livekit-client ConnectionState:
 * 'connecting' | 'connected' | 'reconnecting' | 'signalReconnecting' | 'disconnected'); null when
 * there is nothing to say.
 */
export function videoConnectionNotice(state: string): { text: string; busy: boolean } | null {
  switch (state) {
    case 'connecting':
      return { text: 'Connecting to video…', busy: true };
    case 'reconnecting':
    case 'signalReconnecting':
      return { text: 'Reconnecting… your connection dropped; the room reconnects by itself.', busy: true };
    case 'disconnected':
      return { text: 'Disconnected from the video room.', busy: false };
    default:
      return null;
  }
}

/** Tiles per page of the video grid: 4 on a phone, 9 from a tablet up. */
export function videoTilesPerPage(viewportWidth: number): number {
  return viewportWidth < 640 ? 4 : 9;
}

/** The rules lock a poll's options once the server counted a vote (totalVotes > 0). */
export function pollOptionsLocked(poll: { totalVotes?: number; counts?: Record<string, number> }): boolean {
  const counted = Object.values(poll.counts ?? {}).some((n) => typeof n === 'number' && n > 0);
  return (poll.totalVotes ?? 0) > 0 || counted;
}

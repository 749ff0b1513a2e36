import type { LiveQuestion } from '@skillverse/domain/models';
import { describe, expect, it } from 'vitest';
import {
  matchesFilters,
  pollOptionsLocked,
  pollResults,
  sortQuestions,
  videoConnectionNotice,
  videoTilesPerPage,
} from './room';

const q = (id: string, upvotes: number, answered = false, minute = 0): LiveQuestion => ({
  id,
  authorId: 'a',
  text: id,
  upvoterIds: Array.from({ length: upvotes }, (_, i) => `u${i}`),
  answered,
  createdAt: new Date(Date.UTC(2026, 11, 10, 18, minute)),
});

describe('sortQuestions', () => {
  it('puts unanswered first, then the most upvoted, then the oldest', () => {
    const sorted = sortQuestions([
      q('old', 1, false, 0),
      q('top', 5, true, 1),
      q('new', 1, false, 2),
      q('hot', 3),
    ]);
    expect(sorted.map((x) => x.id)).toEqual(['hot', 'old', 'new', 'top']);
  });
});

describe('pollResults', () => {
  it('reads votes per option from the tally with rounded percentages, ignoring invalid options', () => {
    expect(pollResults(['A', 'B', 'C'], { '0': 2, '2': 1, '7': 4 })).toEqual([
      { option: 'A', votes: 2, percent: 67 },
      { option: 'B', votes: 0, percent: 0 },
      { option: 'C', votes: 1, percent: 33 },
    ]);
    expect(pollResults(['A', 'B'], {})).toEqual([
      { option: 'A', votes: 0, percent: 0 },
      { option: 'B', votes: 0, percent: 0 },
    ]);
    expect(pollResults(['A', 'B'])).toEqual([
      { option: 'A', votes: 0, percent: 0 },
      { option: 'B', votes: 0, percent: 0 },
    ]);
  });
});

describe('matchesFilters', () => {
  const s = {
    title: 'React Hooks',
    description: 'useEffect',
    hostName: 'Eddie',
    capacity: 10,
    registeredCount: 10,
  };
  it('searches title, description and host, case-insensitively', () => {
    expect(matchesFilters(s, 'hooks', false)).toBe(true);
    expect(matchesFilters(s, 'EDDIE', false)).toBe(true);
    expect(matchesFilters(s, 'python', false)).toBe(false);
  });
  it('hides full sessions when only sessions with seats are wanted', () => {
    expect(matchesFilters(s, '', true)).toBe(false);
    expect(matchesFilters({ ...s, registeredCount: 9 }, '', true)).toBe(true);
  });
});

describe('videoConnectionNotice', () => {
  it('says when the room is connecting or reconnecting, and nothing once connected', () => {
    expect(videoConnectionNotice('connecting')).toEqual({ text: 'Connecting to video…', busy: true });
    expect(videoConnectionNotice('reconnecting')?.text).toMatch(/^Reconnecting…/);
    expect(videoConnectionNotice('signalReconnecting')?.text).toMatch(/^Reconnecting…/);
    expect(videoConnectionNotice('disconnected')).toMatchObject({ busy: false });
    expect(videoConnectionNotice('connected')).toBeNull();
  });
});

describe('videoTilesPerPage', () => {
  it('pages 4 tiles on a phone and 9 from a tablet up', () => {
    expect(videoTilesPerPage(390)).toBe(4);
    expect(videoTilesPerPage(640)).toBe(9);
    expect(videoTilesPerPage(1280)).toBe(9);
  });
});

describe('pollOptionsLocked', () => {
  it('locks the options once a vote is counted', () => {
    expect(pollOptionsLocked({})).toBe(false);
    expect(pollOptionsLocked({ totalVotes: 0, counts: {} })).toBe(false);
    expect(pollOptionsLocked({ totalVotes: 1 })).toBe(true);
    expect(pollOptionsLocked({ counts: { '1': 2 } })).toBe(true);
  });
});

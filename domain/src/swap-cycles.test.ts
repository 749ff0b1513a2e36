import { describe, expect, it } from 'vitest';
import type { Interval } from './skills';
import {
  applyCycleDecision,
  canonicalRotation,
  type CycleUser,
  cycleIdFor,
  formatWeeklyWindow,
  findSwapCycles,
  intersectIntervals,
  pairKey,
  pickCycles,
  type SwapCycle,
} from './swap-cycles';

const MON_9_12: Interval[] = [[9 * 60, 12 * 60]];
const user = (
  uid: string,
  offered: string[],
  desired: string[],
  intervals: Interval[] = MON_9_12,
): CycleUser => ({
  uid,
  offered,
  desired,
  intervals,
});

// a teaches b spanish, b teaches c guitar, c teaches a python; no pair can swap directly.
const trio = () => [
  user('a', ['spanish'], ['python']),
  user('b', ['guitar'], ['spanish']),
  user('c', ['python'], ['guitar']),
];

describe('findSwapCycles', () => {
  it('finds the 3-cycle a → b → c → a with the skill each teaches the next', () => {
    const { cycles, stoppedBy } = findSwapCycles(trio());
    expect(stoppedBy).toBe('done');
    expect(cycles).toHaveLength(1);
    const [cycle] = cycles;
    expect(cycle?.participants).toEqual(['a', 'b', 'c']);
    expect(cycle?.edges).toEqual([
      { from: 'a', to: 'b', skill: 'spanish', skills: ['spanish'] },
      { from: 'b', to: 'c', skill: 'guitar', skills: ['guitar'] },
      { from: 'c', to: 'a', skill: 'python', skills: ['python'] },
    ]);
    expect(cycle?.window).toEqual({ startMin: 540, endMin: 720 });
    expect(cycle?.sharedMinutes).toBe(180);
    expect(cycle?.id).toBe(cycleIdFor(['c', 'a', 'b']));
  });

  it('finds the cycle once whatever the input order, rotated so the smallest uid is first', () => {
    const [a, b, c] = trio();
    const shuffled = [c!, a!, b!].map((u) => ({ ...u, uid: { a: 'm', b: 'z', c: 'e' }[u.uid]! }));
    const { cycles } = findSwapCycles(shuffled);
    expect(cycles).toHaveLength(1);
    // m teaches z, z teaches e, e teaches m: rotated to start at e.
    expect(cycles[0]?.participants).toEqual(['e', 'm', 'z']);
    expect(cycles[0]?.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['e>m', 'm>z', 'z>e']);
  });

  it('requires one contiguous shared window of at least an hour', () => {
    const users = trio();
    users[2] = { ...users[2]!, intervals: [[11 * 60 + 15, 14 * 60]] }; // 45 min with the others
    expect(findSwapCycles(users).cycles).toHaveLength(0);
    expect(findSwapCycles(users, { minWindowMinutes: 45 }).cycles).toHaveLength(1);
    // Two 30-minute slivers do not make an hour.
    const split = trio().map((u, i) =>
      i === 2
        ? {
            ...u,
            intervals: [
              [9 * 60, 9 * 60 + 30],
              [11 * 60 + 30, 12 * 60],
            ] as Interval[],
          }
        : u,
    );
    expect(findSwapCycles(split).cycles).toHaveLength(0);
  });

  it('skips a trio in which two people can swap directly (a mutual match)', () => {
    const users = trio();
    users[1] = { ...users[1]!, offered: ['guitar', 'python'] }; // b can now teach a python too: a ↔ b
    expect(findSwapCycles(users).cycles).toHaveLength(0);
  });

  it('skips a trio in which two people already have an open exchange', () => {
    expect(findSwapCycles(trio(), { blockedPairs: new Set([pairKey('c', 'b')]) }).cycles).toHaveLength(0);
    expect(findSwapCycles(trio(), { blockedPairs: new Set([pairKey('x', 'y')]) }).cycles).toHaveLength(1);
  });

  it('ignores people without offered skills, desired skills or availability, and duplicate uids', () => {
    const users = [
      ...trio(),
      user('a', ['x'], ['y']),
      user('d', [], ['spanish']),
      user('e', ['python'], [], []),
    ];
    const result = findSwapCycles(users);
    expect(result.usersConsidered).toBe(3);
    expect(result.cycles).toHaveLength(1);
  });

  it('answers nothing for empty or degenerate input', () => {
    expect(findSwapCycles([])).toEqual({
      cycles: [],
      usersConsidered: 0,
      edgesConsidered: 0,
      steps: 0,
      stoppedBy: 'done',
    });
    expect(findSwapCycles([user('a', ['x'], ['x'])]).cycles).toEqual([]); // nobody to teach
    expect(findSwapCycles(trio().slice(0, 2)).cycles).toEqual([]);
  });

  it('honours maxSteps, maxCycles and maxSuccessors', () => {
    // Two disjoint trios.
    const users = [
      ...trio(),
      user('p', ['spanish'], ['python']),
      user('q', ['guitar'], ['spanish']),
      user('r', ['python'], ['guitar']),
    ];
    // a→{b,q}, p→{b,q}: the full search makes (a,b,c),(a,b,r),(a,q,c),(a,q,r),…
    const all = findSwapCycles(users);
    expect(all.stoppedBy).toBe('done');
    expect(all.cycles.length).toBe(8);
    const capped = findSwapCycles(users, { maxCycles: 2 });
    expect(capped.cycles).toHaveLength(2);
    expect(capped.stoppedBy).toBe('maxCycles');
    const stepped = findSwapCycles(users, { maxSteps: 1 });
    expect(stepped.steps).toBe(1);
    expect(stepped.stoppedBy).toBe('maxSteps');
    const narrow = findSwapCycles(users, { maxSuccessors: 1 });
    expect(narrow.edgesConsidered).toBe(6);
    expect(narrow.cycles.length).toBeLessThan(all.cycles.length);
  });

  it('scores more alternatives and more shared time higher', () => {
    const users = trio();
    users[0] = { ...users[0]!, offered: ['spanish', 'french'] };
    users[1] = { ...users[1]!, desired: ['spanish', 'french'] };
    const [rich] = findSwapCycles(users).cycles;
    const [plain] = findSwapCycles(trio()).cycles;
    expect(rich?.edges[0]).toEqual({ from: 'a', to: 'b', skill: 'french', skills: ['french', 'spanish'] });
    expect(rich!.score).toBeGreaterThan(plain!.score);
    const short = trio().map((u) => ({ ...u, intervals: [[540, 600]] as Interval[] }));
    expect(findSwapCycles(short).cycles[0]!.score).toBeLessThan(plain!.score);
  });
});

describe('pickCycles', () => {
  const cycle = (id: string, participants: [string, string, string], score: number): SwapCycle => ({
    id,
    participants,
    edges: [] as unknown as SwapCycle['edges'],
    window: { startMin: 0, endMin: 60 },
    sharedMinutes: 60,
    score,
  });

  it('takes the best cycles greedily so that nobody is in two', () => {
    const picked = pickCycles([
      cycle('c1', ['a', 'b', 'c'], 50),
      cycle('c2', ['a', 'd', 'e'], 90),
      cycle('c3', ['f', 'g', 'h'], 10),
      cycle('c4', ['b', 'c', 'i'], 40),
    ]);
    expect(picked.map((c) => c.id)).toEqual(['c2', 'c4', 'c3']);
  });

  it('passes over existing proposals, busy people, repeats, and stops at max', () => {
    const cycles = [
      cycle('c1', ['a', 'b', 'c'], 50),
      cycle('c2', ['d', 'e', 'f'], 40),
      cycle('c1', ['a', 'b', 'c'], 50),
    ];
    expect(pickCycles(cycles, { skipIds: new Set(['c1']) }).map((c) => c.id)).toEqual(['c2']);
    expect(pickCycles(cycles, { busy: new Set(['e']) }).map((c) => c.id)).toEqual(['c1']);
    expect(pickCycles(cycles).map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(pickCycles(cycles, { max: 1 }).map((c) => c.id)).toEqual(['c1']);
  });

  it('breaks score ties the same way every time', () => {
    const x = cycle('x', ['a', 'b', 'c'], 50);
    const y = cycle('y', ['a', 'd', 'e'], 50);
    expect(pickCycles([y, x])).toEqual(pickCycles([x, y]));
    expect(pickCycles([y, x])[0]?.id).toBe('x');
  });
});

describe('ids and helpers', () => {
  it('gives a trio one id whatever the order', () => {
    expect(cycleIdFor(['a', 'b', 'c'])).toBe(cycleIdFor(['c', 'b', 'a']));
    expect(cycleIdFor(['a', 'b', 'c'])).not.toBe(cycleIdFor(['a', 'b', 'd']));
    expect(cycleIdFor(['a', 'b', 'c'])).toMatch(/^cyc_[0-9a-f]{16}$/);
  });

  it('rotates so that the smallest uid is first and keeps the direction', () => {
    expect(canonicalRotation(['m', 'z', 'e'], [1, 2, 3])).toEqual({
      uids: ['e', 'm', 'z'],
      items: [3, 1, 2],
    });
  });

  it('intersects interval lists', () => {
    expect(
      intersectIntervals(
        [
          [0, 100],
          [200, 300],
        ],
        [[50, 250]],
      ),
    ).toEqual([
      [50, 100],
      [200, 250],
    ]);
  });
});

describe('applyCycleDecision', () => {
  const proposal = { status: 'proposed' as const, acceptedBy: [] as string[], participants: ['a', 'b', 'c'] };

  it('counts each accept once and activates on the third', () => {
    const one = applyCycleDecision(proposal, 'a', 'accept');
    expect(one).toEqual({ status: 'proposed', acceptedBy: ['a'], changed: true });
    expect(applyCycleDecision({ ...proposal, acceptedBy: ['a'] }, 'a', 'accept')).toEqual({
      status: 'proposed',
      acceptedBy: ['a'],
      changed: false,
    });
    expect(applyCycleDecision({ ...proposal, acceptedBy: ['a', 'b'] }, 'c', 'accept')).toEqual({
      status: 'active',
      acceptedBy: ['a', 'b', 'c'],
      changed: true,
    });
  });

  it('declines for everyone, once, and refuses answers to closed proposals', () => {
    expect(applyCycleDecision({ ...proposal, acceptedBy: ['a', 'b'] }, 'b', 'decline')).toEqual({
      status: 'declined',
      acceptedBy: ['a'],
      changed: true,
    });
    expect(applyCycleDecision({ ...proposal, status: 'declined' }, 'c', 'decline')?.changed).toBe(false);
    expect(applyCycleDecision({ ...proposal, status: 'declined' }, 'c', 'accept')).toBeNull();
    expect(applyCycleDecision({ ...proposal, status: 'expired' }, 'c', 'accept')).toBeNull();
    expect(
      applyCycleDecision({ ...proposal, status: 'active', acceptedBy: ['a', 'b', 'c'] }, 'a', 'decline'),
    ).toBeNull();
  });
});

describe('formatWeeklyWindow', () => {
  it('shows the UTC window in the reader’s offset, wrapping the week', () => {
    expect(formatWeeklyWindow({ startMin: 540, endMin: 720 }, 0)).toBe('Monday 09:00–12:00');
    expect(formatWeeklyWindow({ startMin: 540, endMin: 720 }, 60)).toBe('Monday 10:00–13:00');
    expect(formatWeeklyWindow({ startMin: 60, endMin: 180 }, -300)).toBe('Sunday 20:00–22:00');
    expect(formatWeeklyWindow({ startMin: 1380, endMin: 1470 }, 0)).toBe('Monday 23:00–00:30');
  });
});

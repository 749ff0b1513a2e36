// A swap cycle under way (issue 16, item 7), so that `npm start` shows group swaps: the demo
// learner teaches Noah Spanish, Noah teaches Priya guitar, Priya teaches the demo learner Python.
// All three accepted; a group session is planned for tomorrow, and the room has a message.
// Its score is the search's own (cycleScore), so the proposal card's explanation adds up.
import { cycleIdFor, cycleScore } from '@skillverse/domain/swap-cycles';
import { DEMO_LEARNER } from '../demo-accounts';
import type { SeedContext } from './seed-context';

export function addCycleDocs(ctx: SeedContext): { cycleIds: string[] } {
  const { c, put, user } = ctx;
  const [a, b, p] = [DEMO_LEARNER.uid, 'u-noah-williams', 'u-priya-sharma'] as const;
  const people = [a, b, p].map((uid) => user(uid, 'swap cycle'));
  const id = cycleIdFor([a, b, p]);
  const edges = [
    { from: a, to: b, skill: 'Spanish', skillKey: 'spanish', alternatives: [] as string[] },
    { from: b, to: p, skill: 'Guitar', skillKey: 'guitar', alternatives: [] as string[] },
    { from: p, to: a, skill: 'Python', skillKey: 'python', alternatives: ['data analysis'] },
  ];
  // Tuesday 22:00–24:00 UTC: evenings in New York, late in Europe; two hours a week together.
  const window = { startMin: 1440 + 22 * 60, endMin: 2 * 1440 };
  const sharedMinutes = window.endMin - window.startMin;
  const score = cycleScore(
    edges.map((e) => ({
      from: e.from,
      to: e.to,
      skill: e.skillKey,
      skills: [e.skillKey, ...e.alternatives],
    })),
    sharedMinutes,
  );
  put(`exchangeCycles/${id}`, {
    participants: [a, b, p],
    edges,
    people: Object.fromEntries(people.map((u) => [u.uid, { displayName: u.displayName, photoURL: null }])),
    window,
    sharedMinutes,
    score,
    status: 'active',
    acceptedBy: [a, b, p],
    declinedBy: null,
    notified: true,
    createdAt: c.daysAgo(3),
    updatedAt: c.daysAgo(2),
    expiresAt: c.hoursFromNow(4 * 24),
    activatedAt: c.daysAgo(2),
  });
  put(`exchangeCycles/${id}/sessions/seed-group-1`, {
    scheduledAt: c.hoursFromNow(26),
    durationMin: 60,
    status: 'scheduled',
    notes: 'Round one: Spanish, guitar, Python — 20 minutes each',
    createdBy: a,
    createdAt: c.daysAgo(1),
    updatedAt: c.daysAgo(1),
  });
  put(`exchangeCycles/${id}/messages/seed-m1`, {
    senderId: p,
    text: 'Hi both! Tomorrow evening works for me — shall we do 20 minutes each?',
    createdAt: c.daysAgo(1, 2),
  });
  return { cycleIds: [id] };
}

// Swap cycles (issue 8, item 3): the scheduled job that proposes 3-way skill swaps, and the
// accept/decline handler. The search itself is pure: @skillverse/domain/swap-cycles.
//
// One run of runSwapCycles (idempotent; running it twice writes and notifies nothing new):
// 1. Expire proposals whose expiresAt has passed (status stays `proposed` until then).
// 2. Busy people: members of open cycles (`proposed`, `active`) and of accepted or active direct
//    exchanges are left out. Pairs with any open direct exchange (pending, accepted, active) are
//    passed to the search as blocked pairs.
// 3. Load candidates: active users, `maxUsers` at most (default 10,000). They are read
//    `pageSize` at a time in document-id order with only the fields the search needs. When there
//    are more users than that, the next run resumes after the last one read (jobState/swapCycles),
//    so everyone is looked at over a few runs.
// 4. Search with the bounds of CYCLE_DEFAULTS, then pick non-overlapping cycles. A picked cycle
//    whose trio already has a proposal document (any status: declined trios are never proposed
//    again) is skipped and the pick is repeated without it, for at most PICK_ROUNDS rounds.
// 5. Create each proposal with create() (an existing id is left alone), then notify the three of
//    every proposal still marked notified: false, with deterministic notification ids. A crash
//    between the two steps is repaired by the next run, and nobody hears twice.
import {
  applyCycleDecision,
  CYCLE_PROPOSAL_TTL_DAYS,
  type CycleSearchOptions,
  type CycleStatus,
  type CycleUser,
  findSwapCycles,
  OPEN_CYCLE_STATUSES,
  pairKey,
  pickCycles,
  type SwapCycle,
} from '@skillverse/domain/swap-cycles';
import { skillName, normaliseSkill, weeklyUtcIntervals } from '@skillverse/domain/skills';
import type { AvailabilitySlot } from '@skillverse/domain/models';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { respondToSwapCycle as respondContract } from '@skillverse/domain/contracts/exchange';
import { FieldPath, type Firestore, type QueryDocumentSnapshot, Timestamp } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError } from 'firebase-functions/v2/https';
import { createIfAbsent, runCallableTransaction, toDate } from '../lib/firestore';
import type { Caller } from '../lib/errors';
import { requireActiveUser } from '../lib/guards';
import { type NotifyDeps, notify } from '../notifications/notify';
import { cycleRef, cyclesCol } from '../lib/data/exchange-cycles';
import { exchangesCol } from '../lib/data/exchanges';
import { usersCol } from '../lib/data/users';
import { jobStateRef } from '../lib/data/job-state';
import { strList } from '@skillverse/domain/fields';

const DAY_MS = 24 * 3600 * 1000;
const PICK_ROUNDS = 3;

export interface SwapCycleJobOptions extends NotifyDeps {
  /** Users loaded per run (default 10,000). */
  maxUsers?: number;
  /** Users per query page (default 1,000). */
  pageSize?: number;
  /** Proposals created per run (default 1,000). */
  maxProposals?: number;
  /** Bounds for the pure search. */
  search?: CycleSearchOptions;
}

export interface SwapCycleJobResult {
  expired: number;
  usersLoaded: number;
  candidates: number;
  cyclesFound: number;
  stoppedBy: string;
  proposed: number;
  notified: number;
}

interface CandidateProfile {
  displayName: string;
  photoURL: string | null;
  /** Skill key → the name as the person typed it. */
  names: Map<string, string>;
}

export async function runSwapCycles(
  db: Firestore,
  now: Date,
  options: SwapCycleJobOptions = {},
): Promise<SwapCycleJobResult> {
  const maxUsers = options.maxUsers ?? 10_000;
  const pageSize = options.pageSize ?? 1000;
  const maxProposals = options.maxProposals ?? 1000;
  const cycles = cyclesCol(db);

  // 1. Expire.
  let expired = 0;
  const stale = await cycles
    .where('status', '==', 'proposed')
    .where('expiresAt', '<=', Timestamp.fromDate(now))
    .limit(500)
    .get();
  for (const doc of stale.docs) {
    const changed = await runCallableTransaction(db, async (tx) => {
      const fresh = await tx.get(doc.ref);
      if (fresh.get('status') !== 'proposed') return false;
      tx.update(doc.ref, { status: 'expired', updatedAt: now });
      return true;
    });
    if (changed) expired++;
  }

  // 2. Busy people and blocked pairs.
  const busy = new Set<string>();
  const open = await cycles
    .where('status', 'in', [...OPEN_CYCLE_STATUSES])
    .select('participants')
    .get();
  for (const doc of open.docs) for (const uid of participantsOf(doc)) busy.add(uid);
  const blockedPairs = new Set<string>();
  const exchanges = await exchangesCol(db)
    .where('status', 'in', ['pending', 'accepted', 'active'])
    .select('participants', 'status')
    .get();
  for (const doc of exchanges.docs) {
    const [a, b] = participantsOf(doc);
    if (!a || !b) continue;
    blockedPairs.add(pairKey(a, b));
    if (doc.get('status') !== 'pending') {
      busy.add(a);
      busy.add(b);
    }
  }

  // 3. Candidates, resuming after the last user the previous run read.
  const stateRef = jobStateRef(db, 'swapCycles');
  const state = await stateRef.get();
  const startAfter = typeof state.get('cursor') === 'string' ? (state.get('cursor') as string) : null;
  const users: CycleUser[] = [];
  const profiles = new Map<string, CandidateProfile>();
  let usersLoaded = 0;
  let cursor = startAfter;
  let wrapped = false;
  let done = false;
  while (!done && usersLoaded < maxUsers) {
    const limit = Math.min(pageSize, maxUsers - usersLoaded);
    let query = usersCol(db)
      .where('status', '==', 'active')
      .orderBy(FieldPath.documentId())
      .select(
        'offeredSkillKeys',
        'desiredSkillKeys',
        'availability',
        'timezone',
        'displayName',
        'photoURL',
        'offeredSkills',
      )
      .limit(limit);
    if (cursor) query = query.startAfter(cursor);
    const page = await query.get();
    for (const doc of page.docs) {
      // After wrapping around, stop where this run began: nobody is read twice in one run.
      if (wrapped && startAfter && doc.id > startAfter) {
        done = true;
        break;
      }
      usersLoaded++;
      cursor = doc.id;
      if (busy.has(doc.id)) continue;
      const candidate = toCandidate(doc, now);
      if (!candidate) continue;
      users.push(candidate.user);
      profiles.set(doc.id, candidate.profile);
    }
    if (!done && page.size < limit) {
      // The end of the collection: start again from the top once, unless this run began there.
      if (!startAfter || wrapped) done = true;
      wrapped = true;
      cursor = null;
    }
  }
  // The next run resumes after the last user read when this one stopped at the cap.
  const nextCursor = !done && usersLoaded >= maxUsers ? cursor : null;
  await stateRef.set({ cursor: nextCursor, updatedAt: now }, { merge: true });

  // 4. Search and pick, skipping trios that already have a proposal document.
  const result = findSwapCycles(users, { ...options.search, blockedPairs });
  const skipIds = new Set<string>();
  let picked: SwapCycle[] = [];
  for (let round = 0; round < PICK_ROUNDS; round++) {
    picked = pickCycles(result.cycles, { skipIds, busy, max: maxProposals });
    const existing = picked.length ? await db.getAll(...picked.map((c) => cycles.doc(c.id))) : [];
    const taken = existing.filter((s) => s.exists).map((s) => s.id);
    if (taken.length === 0) break;
    for (const id of taken) skipIds.add(id);
    picked = picked.filter((c) => !skipIds.has(c.id));
  }

  // 5. Create, then notify.
  let proposed = 0;
  const expiresAt = new Date(now.getTime() + CYCLE_PROPOSAL_TTL_DAYS * DAY_MS);
  for (const cycle of picked) {
    const created = await createIfAbsent(() =>
      cycles.doc(cycle.id).create(proposalDocument(cycle, profiles, now, expiresAt)),
    );
    if (created) proposed++;
  }
  const notified = await notifyNewProposals(db, now, options);

  const summary = {
    expired,
    usersLoaded,
    candidates: users.length,
    cyclesFound: result.cycles.length,
    stoppedBy: result.stoppedBy,
    proposed,
    notified,
  };
  logger.info('swap cycles run', { ...summary, steps: result.steps, edges: result.edgesConsidered });
  return summary;
}

function participantsOf(doc: QueryDocumentSnapshot): string[] {
  return strList(doc.get('participants'));
}

/** The non-empty strings of an array. */
function stringArray(value: unknown): string[] {
  return strList(value).filter((s) => s.length > 0);
}

function toCandidate(
  doc: QueryDocumentSnapshot,
  now: Date,
): { user: CycleUser; profile: CandidateProfile } | null {
  const offered = stringArray(doc.get('offeredSkillKeys'));
  const desired = stringArray(doc.get('desiredSkillKeys'));
  const availability = doc.get('availability');
  if (!offered.length || !desired.length || !Array.isArray(availability) || !availability.length) return null;
  const timezone = typeof doc.get('timezone') === 'string' ? (doc.get('timezone') as string) : 'UTC';
  const intervals = weeklyUtcIntervals(availability as AvailabilitySlot[], timezone, now);
  if (!intervals.length) return null;
  const names = new Map<string, string>();
  const offeredSkills = doc.get('offeredSkills');
  for (const s of Array.isArray(offeredSkills) ? offeredSkills : []) {
    const name = skillName(s);
    const key = normaliseSkill(name);
    if (key && !names.has(key)) names.set(key, name.trim());
  }
  const displayName = doc.get('displayName');
  const photoURL = doc.get('photoURL');
  return {
    user: { uid: doc.id, offered, desired, intervals },
    profile: {
      displayName: typeof displayName === 'string' && displayName ? displayName : 'SkillVerse member',
      photoURL: typeof photoURL === 'string' ? photoURL : null,
      names,
    },
  };
}

function proposalDocument(
  cycle: SwapCycle,
  profiles: Map<string, CandidateProfile>,
  now: Date,
  expiresAt: Date,
) {
  const people: Record<string, { displayName: string; photoURL: string | null }> = {};
  for (const uid of cycle.participants) {
    const p = profiles.get(uid);
    people[uid] = { displayName: p?.displayName ?? 'SkillVerse member', photoURL: p?.photoURL ?? null };
  }
  return {
    participants: cycle.participants,
    // Who teaches whom what: the skill as the teacher named it, its key, and the other keys
    // that would also fit this edge.
    edges: cycle.edges.map((e) => ({
      from: e.from,
      to: e.to,
      skill: profiles.get(e.from)?.names.get(e.skill) ?? e.skill,
      skillKey: e.skill,
      alternatives: e.skills.filter((s) => s !== e.skill),
    })),
    people,
    // UTC minutes of the week (0 = Monday 00:00 UTC); the client shows it in each person's zone.
    window: cycle.window,
    sharedMinutes: cycle.sharedMinutes,
    score: cycle.score,
    status: 'proposed' as CycleStatus,
    acceptedBy: [] as string[],
    declinedBy: null,
    notified: false,
    createdAt: now,
    updatedAt: now,
    expiresAt,
  };
}

/** Notifies the three of each proposal not yet announced, once (deterministic notification ids). */
async function notifyNewProposals(db: Firestore, now: Date, deps: NotifyDeps): Promise<number> {
  const pending = await cyclesCol(db).where('notified', '==', false).limit(1000).get();
  let count = 0;
  for (const doc of pending.docs) {
    if (doc.get('status') !== 'proposed') {
      await doc.ref.update({ notified: true });
      continue;
    }
    const participants = participantsOf(doc);
    const edges = (doc.get('edges') as { from: string; to: string; skill: string }[] | undefined) ?? [];
    const people = (doc.get('people') as Record<string, { displayName?: string }> | undefined) ?? {};
    const nameOf = (uid: string) => people[uid]?.displayName ?? 'someone';
    for (const uid of participants) {
      const teach = edges.find((e) => e.from === uid);
      const learn = edges.find((e) => e.to === uid);
      await notify(
        db,
        {
          uid,
          type: 'exchange_request',
          title: 'A group skill swap for you',
          body:
            teach && learn
              ? `Learn ${learn.skill} from ${nameOf(learn.from)} while you teach ${teach.skill} to ${nameOf(teach.to)}. Accept or decline within ${CYCLE_PROPOSAL_TTL_DAYS} days.`
              : 'Three people, three skills: see the proposal.',
          link: `/skill-exchange/cycles/${doc.id}`,
          id: `cycle_${doc.id}_proposed`,
        },
        { ...deps, now },
      );
      count++;
    }
    await doc.ref.update({ notified: true });
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// respondToSwapCycle

export type RespondToSwapCycleInput = ParsedRequestOf<typeof respondContract>;

export interface RespondToSwapCycleResult {
  cycleId: string;
  status: CycleStatus;
  acceptedBy: string[];
  changed: boolean;
}

export async function respondToSwapCycle(
  deps: { db: Firestore; now: Date } & NotifyDeps,
  caller: Caller,
  input: RespondToSwapCycleInput,
): Promise<RespondToSwapCycleResult> {
  const { db, now } = deps;
  await requireActiveUser(db, caller.uid);
  const ref = cycleRef(db, input.cycleId);
  const outcome = await runCallableTransaction(db, async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) throw new HttpsError('not-found', 'This group swap was not found.');
    const participants = stringArray(snap.get('participants'));
    if (!participants.includes(caller.uid)) {
      throw new HttpsError('permission-denied', 'Only the three people in this group swap can answer it.');
    }
    const status = snap.get('status') as CycleStatus;
    const expiresAt = toDate(snap.get('expiresAt'));
    if (status === 'proposed' && expiresAt && expiresAt <= now) {
      throw new HttpsError('failed-precondition', 'This group swap proposal has expired.');
    }
    const next = applyCycleDecision(
      { status, acceptedBy: stringArray(snap.get('acceptedBy')), participants },
      caller.uid,
      input.decision,
    );
    if (!next) {
      throw new HttpsError(
        'failed-precondition',
        `This group swap is ${status}; it can no longer be answered that way.`,
      );
    }
    if (next.changed) {
      tx.update(ref, {
        status: next.status,
        acceptedBy: next.acceptedBy,
        updatedAt: now,
        ...(next.status === 'declined' ? { declinedBy: caller.uid } : {}),
        ...(next.status === 'active' ? { activatedAt: now } : {}),
      });
    }
    return { ...next, participants, people: snap.get('people') as Record<string, { displayName?: string }> };
  });

  if (outcome.changed && (outcome.status === 'active' || outcome.status === 'declined')) {
    const who = outcome.people?.[caller.uid]?.displayName ?? 'Someone';
    for (const uid of outcome.participants) {
      if (outcome.status === 'declined' && uid === caller.uid) continue;
      await notify(
        db,
        outcome.status === 'active'
          ? {
              uid,
              type: 'exchange_accepted',
              title: 'Your group skill swap is on',
              body: 'All three of you accepted. Say hello in the group room and pick a time.',
              link: `/skill-exchange/cycles/${input.cycleId}`,
              id: `cycle_${input.cycleId}_active`,
            }
          : {
              uid,
              type: 'exchange_request',
              title: 'A group skill swap was declined',
              body: `${who} declined the group swap, so it will not go ahead. We will look for another.`,
              link: '/skill-exchange',
              id: `cycle_${input.cycleId}_declined`,
            },
        { ...deps, now },
      );
    }
  }
  return {
    cycleId: input.cycleId,
    status: outcome.status,
    acceptedBy: outcome.acceptedBy,
    changed: outcome.changed,
  };
}

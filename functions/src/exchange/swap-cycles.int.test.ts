// The swap-cycle job and the accept/decline handler on the Firestore emulator. Handlers are called
// directly with an injected `now`, on a database of their own ('swap-cycles-tests', emptied before
// each test) that no deployed trigger watches, so the job sees exactly the people seeded here.
// No SendGrid key: mail goes to mailLog through the default mailer.
import { getApps } from 'firebase-admin/app';
import { type Firestore, getFirestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { cycleIdFor } from '@skillverse/domain/swap-cycles';
import { beforeEach, describe, expect, it } from 'vitest';
import { respondToSwapCycle as respondContract } from '@skillverse/domain/contracts/exchange';
import { parseInput } from '../lib/validate';
import { emulatorsRunning, projectId, seedProfile, testDb, uniqueId } from '../../test/emulator';
import { respondToSwapCycle, runSwapCycles, type SwapCycleJobOptions } from './swap-cycles';
import { CYCLES } from '../lib/data/exchange-cycles';

const DATABASE = 'swap-cycles-tests';
const NOW = new Date('2026-11-25T12:00:00Z');
const DAY = 24 * 3600 * 1000;

function db(): Firestore {
  testDb();
  const app = getApps()[0];
  if (!app) throw new Error('no app');
  return getFirestore(app, DATABASE);
}

async function clearDatabase(): Promise<void> {
  const res = await fetch(
    `http://${process.env.FIRESTORE_EMULATOR_HOST}/emulator/v1/projects/${projectId}/databases/${DATABASE}/documents`,
    { method: 'DELETE' },
  );
  if (!res.ok) throw new Error(`clearing ${DATABASE} failed: ${res.status}`);
}

const run = (now = NOW, options: SwapCycleJobOptions = {}) =>
  runSwapCycles(db(), now, { appUrl: 'https://skillverse.test', ...options });

// Monday 09:00–12:00 in London; the same three hours for everyone unless said otherwise.
const MONDAY_MORNING = [{ day: 'mon', startMin: 540, endMin: 720 }];

async function person(
  name: string,
  offered: string[],
  desired: string[],
  extra: Record<string, unknown> = {},
): Promise<string> {
  const uid = uniqueId(name.toLowerCase());
  await seedProfile(
    db(),
    uid,
    {
      displayName: name,
      timezone: 'Europe/London',
      availability: MONDAY_MORNING,
      offeredSkills: offered.map((s) => ({ name: s, level: 'advanced' })),
      desiredSkills: desired.map((s) => ({ name: s, level: 'beginner' })),
      offeredSkillKeys: offered.map((s) => s.toLowerCase()),
      desiredSkillKeys: desired.map((s) => s.toLowerCase()),
      ...extra,
    },
    { email: `${uid}@example.test` },
  );
  return uid;
}

/** Ana teaches Ben Spanish, Ben teaches Caro Guitar, Caro teaches Ana Python. */
async function trio() {
  const ana = await person('Ana', ['Spanish'], ['Python']);
  const ben = await person('Ben', ['Guitar'], ['Spanish']);
  const caro = await person('Caro', ['Python'], ['Guitar']);
  return { ana, ben, caro, id: cycleIdFor([ana, ben, caro]) };
}

async function items(uid: string) {
  return (await db().collection(`notifications/${uid}/items`).get()).docs.map((d) => d.id);
}

async function allCycles() {
  const snap = await db().collection(CYCLES).get();
  return snap.docs.map((d) => ({ id: d.id, ...d.data() }) as Record<string, unknown> & { id: string });
}

async function expectHttpsError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpsError);
  expect((error as HttpsError).code).toBe(code);
}

const respond = (uid: string, data: unknown) =>
  respondToSwapCycle(
    { db: db(), now: NOW, appUrl: 'https://skillverse.test' },
    { uid, token: {} },
    parseInput(respondContract.input, data),
  );

describe.skipIf(!emulatorsRunning)('proposeSwapCycles (runSwapCycles on the emulator)', () => {
  beforeEach(async () => {
    await clearDatabase();
  });

  it('proposes the 3-way swap once and notifies each person once, even when the job runs twice', async () => {
    const { ana, ben, caro, id } = await trio();
    const first = await run();
    const second = await run();
    expect(first).toMatchObject({ candidates: 3, cyclesFound: 1, proposed: 1, notified: 3 });
    expect(second).toMatchObject({ candidates: 0, proposed: 0, notified: 0 });

    const cycles = await allCycles();
    expect(cycles).toHaveLength(1);
    const cycle = cycles[0]!;
    expect(cycle.id).toBe(id);
    expect(cycle.status).toBe('proposed');
    expect(cycle.acceptedBy).toEqual([]);
    expect([...(cycle.participants as string[])].sort()).toEqual([ana, ben, caro].sort());
    const edges = cycle.edges as { from: string; to: string; skill: string }[];
    expect(edges.map((e) => [e.from, e.to, e.skill]).sort()).toEqual(
      [
        [ana, ben, 'Spanish'],
        [ben, caro, 'Guitar'],
        [caro, ana, 'Python'],
      ].sort(),
    );
    // Monday 09:00–12:00 London in November = 09:00–12:00 UTC = minutes 540–720 of the week.
    expect(cycle.window).toEqual({ startMin: 540, endMin: 720 });
    expect((cycle.expiresAt as { toDate(): Date }).toDate()).toEqual(new Date(NOW.getTime() + 7 * DAY));
    for (const uid of [ana, ben, caro]) expect(await items(uid)).toEqual([`cycle_${id}_proposed`]);
    const mails = await db()
      .collection('mailLog')
      .where('notificationId', '==', `cycle_${id}_proposed`)
      .get();
    expect(mails.size).toBe(3);
  });

  it('proposes nothing when two of them can swap directly, or already have an open exchange', async () => {
    await person('Ana', ['Spanish'], ['Python']);
    await person('Ben', ['Guitar', 'Python'], ['Spanish']); // Ana ↔ Ben directly
    await person('Caro', ['Python'], ['Guitar']);
    expect(await run()).toMatchObject({ cyclesFound: 0, proposed: 0 });

    await clearDatabase();
    const t = await trio();
    await db()
      .doc('exchanges/x1')
      .set({ participants: [t.ben, t.caro], status: 'pending' });
    expect(await run()).toMatchObject({ candidates: 3, cyclesFound: 0, proposed: 0 });
    expect(await allCycles()).toEqual([]);
  });

  it('leaves out people whose availability does not share an hour with the others', async () => {
    await person('Ana', ['Spanish'], ['Python']);
    await person('Ben', ['Guitar'], ['Spanish']);
    await person('Caro', ['Python'], ['Guitar'], {
      availability: [{ day: 'mon', startMin: 540, endMin: 720 }],
      timezone: 'America/New_York', // 14:00–17:00 UTC: no overlap
    });
    expect(await run()).toMatchObject({ candidates: 3, cyclesFound: 0, proposed: 0 });
  });

  it('activates when all three accept, idempotently, and notifies each once', async () => {
    const { ana, ben, caro, id } = await trio();
    await run();
    expect(await respond(ana, { cycleId: id, decision: 'accept' })).toMatchObject({
      status: 'proposed',
      acceptedBy: [ana],
      changed: true,
    });
    expect(await respond(ana, { cycleId: id, decision: 'accept' })).toMatchObject({ changed: false });
    await respond(ben, { cycleId: id, decision: 'accept' });
    const last = await respond(caro, { cycleId: id, decision: 'accept' });
    expect(last).toMatchObject({ status: 'active', acceptedBy: [ana, ben, caro], changed: true });
    await respond(caro, { cycleId: id, decision: 'accept' });
    const doc = await db().doc(`${CYCLES}/${id}`).get();
    expect(doc.get('status')).toBe('active');
    for (const uid of [ana, ben, caro]) {
      expect((await items(uid)).sort()).toEqual([`cycle_${id}_active`, `cycle_${id}_proposed`]);
    }
    // Active members are busy: the next run proposes nothing to them.
    expect(await run()).toMatchObject({ candidates: 0, proposed: 0 });
    // A decline after activation is refused.
    await expectHttpsError(respond(ben, { cycleId: id, decision: 'decline' }), 'failed-precondition');
  });

  it('declines for all three when one declines, and never proposes that trio again', async () => {
    const { ana, ben, caro, id } = await trio();
    await run();
    await respond(ana, { cycleId: id, decision: 'accept' });
    expect(await respond(ben, { cycleId: id, decision: 'decline' })).toMatchObject({ status: 'declined' });
    const doc = await db().doc(`${CYCLES}/${id}`).get();
    expect(doc.get('status')).toBe('declined');
    expect(doc.get('declinedBy')).toBe(ben);
    await expectHttpsError(respond(caro, { cycleId: id, decision: 'accept' }), 'failed-precondition');
    expect(await items(ana)).toContain(`cycle_${id}_declined`);
    expect(await items(ben)).not.toContain(`cycle_${id}_declined`);
    const again = await run(new Date(NOW.getTime() + DAY));
    expect(again).toMatchObject({ candidates: 3, cyclesFound: 1, proposed: 0 });
    expect(await allCycles()).toHaveLength(1);
  });

  it('refuses non-participants and bad input, and writes nothing', async () => {
    const { id } = await trio();
    await run();
    const outsider = await person('Olga', ['Chess'], ['Go']);
    const before = (await db().doc(`${CYCLES}/${id}`).get()).updateTime;
    await expectHttpsError(respond(outsider, { cycleId: id, decision: 'accept' }), 'permission-denied');
    await expectHttpsError(respond(outsider, { cycleId: 'cyc_missing', decision: 'accept' }), 'not-found');
    for (const bad of [
      null,
      {},
      { cycleId: id },
      { cycleId: id, decision: 'maybe' },
      { cycleId: '__x__', decision: 'accept' },
      { cycleId: id, decision: 'accept', status: 'active' },
    ]) {
      expect(() => parseInput(respondContract.input, bad)).toThrow(
        expect.objectContaining({ code: 'invalid-argument' }),
      );
    }
    const after = await db().doc(`${CYCLES}/${id}`).get();
    expect(after.updateTime?.isEqual(before!)).toBe(true);
    expect(after.get('acceptedBy')).toEqual([]);
  });

  it('expires proposals nobody finished answering, once, and refuses late answers', async () => {
    const { ana, id } = await trio();
    await run();
    const later = new Date(NOW.getTime() + 8 * DAY);
    await expectHttpsError(
      respondToSwapCycle(
        { db: db(), now: later },
        { uid: ana, token: {} },
        { cycleId: id, decision: 'accept' },
      ),
      'failed-precondition',
    );
    expect(await run(later)).toMatchObject({ expired: 1, proposed: 0 });
    expect(await run(later)).toMatchObject({ expired: 0, proposed: 0 });
    expect((await db().doc(`${CYCLES}/${id}`).get()).get('status')).toBe('expired');
  });

  it('reads at most maxUsers per run and resumes after the last one the next run', async () => {
    const t = await trio();
    const first = await run(NOW, { maxUsers: 2, pageSize: 1 });
    expect(first.usersLoaded).toBe(2);
    expect((await db().doc('jobState/swapCycles').get()).get('cursor')).toBe(
      [t.ana, t.ben, t.caro].sort()[1],
    );
    const second = await run(NOW, { maxUsers: 2, pageSize: 1 });
    expect(second.usersLoaded).toBe(2); // the third, then the first again after wrapping
    expect((await db().doc('jobState/swapCycles').get()).get('cursor')).toBe(
      [t.ana, t.ben, t.caro].sort()[0],
    );
  });
});

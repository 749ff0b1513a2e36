// Platform counters and the daily rollup on the emulators. The counter triggers run too, so tests
// that call the handler directly use their own event ids and look at differences, not totals.
//   SV_PORT_OFFSET=2000 node scripts/test.mjs --only emulators --suite functions-integration -- functions/src/stats
import type { CountedCollection } from '@skillverse/domain/stats';
import type { Firestore } from 'firebase-admin/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { seed } from '../../../scripts/seed/index';
import { buildSeed } from '../../../scripts/seed/lib/build';
import { closeSeedClients } from '../../../scripts/seed/lib/write';
import { emulatorsRunning, settle, testDb, uniqueId, waitFor } from '../../test/emulator';
import { runDailyRollup } from './daily-rollup';
import { applyStatsEvent, type StatsEvent } from './platform-counters';
import {
  dailyStatsRef,
  historyRef,
  platformStatShardRef,
  platformStatShardsCol,
  platformStatsRef,
  readPlatformCounters,
  reconciliationRef,
} from '../lib/data/stats';

function db(): Firestore {
  return testDb();
}

const created: string[] = [];

async function counters(): Promise<Record<string, Record<string, number>>> {
  return ((await readPlatformCounters(db())) ?? {}) as unknown as Record<string, Record<string, number>>;
}

function event(collection: CountedCollection, before: object | null, after: object | null): StatsEvent {
  return {
    id: uniqueId('evt'),
    time: new Date(),
    collection,
    document: `${collection}/${uniqueId('doc')}`,
    before: before as Record<string, unknown> | null,
    after: after as Record<string, unknown> | null,
  };
}

/** Waits until the counter triggers have gone quiet (no new applied-event markers for a while). */
async function triggersQuiet(quietMs = 2500): Promise<void> {
  let last = -1;
  let since = Date.now();
  await waitFor(
    async () => {
      const n = (await platformStatsRef(db()).collection('appliedEvents').count().get()).data().count;
      if (n !== last) {
        last = n;
        since = Date.now();
        return false;
      }
      return Date.now() - since >= quietMs;
    },
    { timeoutMs: 60_000, intervalMs: 250, what: 'counter triggers to go quiet' },
  );
}

describe.skipIf(!emulatorsRunning)('platform counters', () => {
  afterAll(async () => {
    for (const path of created) await db().doc(path).delete();
  });

  it('counts an event once, even when it is delivered twice', async () => {
    const e = event('courses', null, { status: 'archived' });
    const before = (await counters()).courses?.archived ?? 0;
    expect(await applyStatsEvent(db(), e, new Date())).toBe('applied');
    expect(await applyStatsEvent(db(), e, new Date())).toBe('duplicate');
    expect((await counters()).courses?.archived).toBe(before + 1);
    const marker = await platformStatsRef(db()).collection('appliedEvents').doc(e.id).get();
    expect(marker.get('expireAt').toDate().getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
  });

  it('reaches the same totals when a document’s writes arrive out of order', async () => {
    const paid = { status: 'paid', amount: 1234, currency: 'EUR' };
    const refunded = { ...paid, status: 'refunded' };
    const start = await counters();
    const create = event('payments', null, { ...paid, status: 'pending' });
    const pay = event('payments', { ...paid, status: 'pending' }, paid);
    const refund = event('payments', paid, refunded);
    // Delivered refund first, then the payment, then the creation.
    for (const e of [refund, pay, create]) expect(await applyStatsEvent(db(), e, new Date())).toBe('applied');
    const end = await counters();
    expect((end.payments?.refunded ?? 0) - (start.payments?.refunded ?? 0)).toBe(1);
    expect((end.payments?.paid ?? 0) - (start.payments?.paid ?? 0)).toBe(0);
    expect((end.payments?.pending ?? 0) - (start.payments?.pending ?? 0)).toBe(0);
    expect((end.revenue?.EUR ?? 0) - (start.revenue?.EUR ?? 0)).toBe(0);
  });

  it('spreads concurrent events over the shards, and the sum stays exact', async () => {
    const before = (await counters()).exchanges?.cancelled ?? 0;
    const baseBefore = (await platformStatsRef(db()).get()).get('exchanges.cancelled') ?? 0;
    const events = Array.from({ length: 40 }, () => event('exchanges', null, { status: 'cancelled' }));
    const outcomes = await Promise.all(events.map((e) => applyStatsEvent(db(), e, new Date())));
    expect(outcomes.every((o) => o === 'applied')).toBe(true);
    // Delivered again, all at once: nothing changes.
    const again = await Promise.all(events.map((e) => applyStatsEvent(db(), e, new Date())));
    expect(again.every((o) => o === 'duplicate')).toBe(true);
    expect((await counters()).exchanges?.cancelled).toBe(before + 40);
    const shards = await platformStatShardsCol(db()).get();
    expect(shards.size).toBeGreaterThan(4);
    // The base document took none of those writes.
    expect((await platformStatsRef(db()).get()).get('exchanges.cancelled') ?? 0).toBe(baseBefore);
  });

  it('writes nothing for a change that touches no counted field', async () => {
    const e = event(
      'users',
      { status: 'active', roles: ['learner'], bio: 'a' },
      { status: 'active', roles: ['learner'], bio: 'b' },
    );
    expect(await applyStatsEvent(db(), e, new Date())).toBe('no-change');
    expect((await platformStatsRef(db()).collection('appliedEvents').doc(e.id).get()).exists).toBe(false);
  });

  it('skips an event written before the counters were last reconciled', async () => {
    const { countedUpTo } = (await reconciliationRef(db()).get()).data() ?? {};
    const cutoff = countedUpTo?.toDate?.() ?? new Date();
    if (!countedUpTo) await reconciliationRef(db()).set({ countedUpTo: cutoff, by: 'rollup' });
    const late = {
      ...event('liveSessions', null, { status: 'cancelled' }),
      time: new Date(cutoff.getTime() - 1000),
    };
    const before = (await counters()).liveSessions?.cancelled ?? 0;
    expect(await applyStatsEvent(db(), late, new Date())).toBe('already-counted');
    expect((await counters()).liveSessions?.cancelled ?? 0).toBe(before);
  });

  it('follows a document through the trigger: a course submitted, then published', async () => {
    const id = uniqueId('stats-course');
    created.push(`courses/${id}`);
    const start = await counters();
    const pending = start.courses?.pending ?? 0;
    const published = start.courses?.published ?? 0;
    await db().doc(`courses/${id}`).set({ instructorId: 'nobody', title: 'Counted', status: 'pending' });
    await waitFor(async () => (await counters()).courses?.pending === pending + 1, { what: 'pending +1' });
    await db().doc(`courses/${id}`).update({ status: 'published' });
    await waitFor(
      async () => {
        const c = await counters();
        return c.courses?.pending === pending && c.courses?.published === published + 1;
      },
      { what: 'pending → published' },
    );
  });
});

describe.skipIf(!emulatorsRunning)('daily rollup', () => {
  const day = '2001-02-03';
  const at = (h: number) => new Date(`${day}T${String(h).padStart(2, '0')}:00:00Z`);
  const uids = [uniqueId('roll'), uniqueId('roll')];

  afterAll(async () => {
    for (const uid of uids) await db().doc(`users/${uid}`).delete();
    await db().doc(`payments/${uids[0]}`).delete();
    await db().doc(`enrollments/c_${uids[0]}`).delete();
    await dailyStatsRef(db(), day).delete();
    const history = await historyRef(db()).get();
    const days = (history.get('days') ?? []) as { day: string }[];
    await historyRef(db()).set({ days: days.filter((d) => d.day !== day) }, { merge: true });
  });

  it('counts the day’s signups, enrolments and paid revenue, and writes the same documents when run twice', async () => {
    for (const [i, uid] of uids.entries())
      await db()
        .doc(`users/${uid}`)
        .set({ status: 'active', roles: ['learner'], createdAt: at(9 + i) });
    await db()
      .doc(`payments/${uids[0]}`)
      .set({ uid: uids[0], status: 'paid', amount: 4900, currency: 'USD', createdAt: at(12) });
    await db()
      .doc(`enrollments/c_${uids[0]}`)
      .set({ uid: uids[0], status: 'active', completedAt: null, createdAt: at(12) });
    await triggersQuiet();

    const now = new Date();
    const first = await runDailyRollup(db(), now, { day });
    expect(first.daily).toMatchObject({
      day,
      newUsers: 2,
      newEnrollments: 1,
      paymentsPaid: 1,
      revenue: { USD: 4900 },
    });
    const docs = async () =>
      Promise.all([
        dailyStatsRef(db(), day).get(),
        historyRef(db()).get(),
        platformStatsRef(db()).get(),
      ]).then((s) => s.map((x) => x.data()));
    const afterFirst = await docs();
    const second = await runDailyRollup(db(), now, { day });
    expect(second.drift).toEqual({});
    expect(await docs()).toEqual(afterFirst);
    const history = afterFirst[1]?.days as { day: string }[];
    expect(history.filter((d) => d.day === day)).toHaveLength(1);
    expect(history.map((d) => d.day)).toEqual([...history.map((d) => d.day)].sort());
  });

  it('corrects counters that drifted from the documents', async () => {
    await triggersQuiet();
    await runDailyRollup(db(), new Date(), { day });
    const right = (await counters()).users?.total ?? 0;
    const { FieldValue } = await import('firebase-admin/firestore');
    await platformStatShardRef(db(), 's3').set(
      { users: { total: FieldValue.increment(5) } },
      { merge: true },
    );
    const result = await runDailyRollup(db(), new Date(), { day });
    expect(result.drift).toEqual({ 'users.total': 5 });
    expect((await counters()).users?.total).toBe(right);
    // The true counts went into the base document and the shards were emptied with it.
    expect((await platformStatsRef(db()).get()).get('users.total')).toBe(right);
  });
});

/**
 * Waits until the Functions emulator has worked through the triggers queued before this call: it
 * writes a sentinel payment (a counted collection whose only other trigger returns at once), waits
 * for the counter trigger's marker of that write, then deletes it and waits again (the counters end
 * where they were). Two seeds with triggers on queue thousands of trigger runs, which the emulator
 * delivers one after another; without this, they would still be running under the next test files
 * and time out their trigger waits.
 */
async function drainTriggerQueue(timeoutMs: number): Promise<void> {
  const path = `payments/${uniqueId('drain-sentinel')}`;
  const markers = () =>
    platformStatsRef(db()).collection('appliedEvents').where('document', '==', path).count().get();
  await db().doc(path).set({ status: 'failed', currency: 'USD', amount: 0, uid: 'drain-sentinel' });
  await waitFor(async () => (await markers()).data().count >= 1, {
    timeoutMs,
    intervalMs: 1000,
    what: 'the triggers queued before the sentinel payment',
  });
  await db().doc(path).delete();
  await waitFor(async () => (await markers()).data().count >= 2, {
    timeoutMs,
    intervalMs: 1000,
    what: 'the sentinel payment’s delete',
  });
}

describe.skipIf(!emulatorsRunning)('the seed with counter triggers running', () => {
  afterAll(async () => {
    await closeSeedClients();
    await drainTriggerQueue(240_000);
  }, 600_000);

  it('is counted once: the triggers skip the seed’s own writes, deletes included', async () => {
    const now = new Date();
    // Twice: the second run's reset deletes and rewrites everything, with the triggers on.
    await seed({ quiet: true, now });
    await seed({ quiet: true, now });
    const expected = buildSeed(now).statsDocs.find((d) => d.path === 'stats/platform')?.data as Record<
      string,
      unknown
    >;
    await triggersQuiet();
    await settle(1000);
    const stats = await counters();
    for (const group of [
      'users',
      'courses',
      'enrollments',
      'payments',
      'revenue',
      'exchanges',
      'liveSessions',
      'educatorApplications',
    ])
      expect(stats[group], group).toEqual(expected[group]);
  }, 180_000);
});

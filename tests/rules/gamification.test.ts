// Gamification paths the dashboard, achievements and leaderboard pages read:
// users/{uid}/private/activity (the streak heat-map), the points ledger listed page by page,
// and leaderboards/{period}/entries (top 50 and "my rank" as a count() aggregation).
import { collection, type Firestore, getCountFromServer, query, where } from 'firebase/firestore';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN,
  anonDb,
  clientTime,
  type Db,
  dbAs,
  describeRules,
  expectAllowed,
  expectDenied,
  profile,
  profiles,
  seed,
  serverTime,
  useRulesTestEnv,
} from './helpers';

/** count() of entries with more points than `points`, with the modular API (compat has no count). */
function countAhead(db: Db, period: string, points: number) {
  const modular = (db as unknown as { _delegate: Firestore })._delegate;
  return getCountFromServer(
    query(collection(modular, `leaderboards/${period}/entries`), where('points', '>', points)),
  );
}

describeRules('gamification: activity heat-map, ledger pages, leaderboards', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('alice', 'bob', 'root'),
      'users/sam': profile('sam', { status: 'suspended' }),
      'users/alice/private/activity': {
        days: { '2026-11-24': 25, '2026-11-25': 10 },
        timezone: 'America/New_York',
        updatedAt: clientTime(),
      },
      'users/sam/private/activity': { days: {}, timezone: 'UTC', updatedAt: clientTime() },
      'users/alice/pointEvents/lecture_c1_l1': {
        points: 10,
        reason: 'lecture_completed',
        refPath: 'courses/c1/lectures/l1',
        createdAt: clientTime(),
      },
      'leaderboards/allTime/entries/alice': {
        uid: 'alice',
        points: 120,
        displayName: 'Alice',
        photoURL: null,
      },
      'leaderboards/allTime/entries/bob': { uid: 'bob', points: 80, displayName: 'Bob', photoURL: null },
      'leaderboards/2026-W48/entries/bob': { uid: 'bob', points: 20, displayName: 'Bob', photoURL: null },
    });
  });

  describe('users/{uid}/private/activity', () => {
    it('lets the owner read their activity map', async () => {
      await expectAllowed(dbAs('alice').doc('users/alice/private/activity').get());
    });

    it('lets a suspended owner still read their activity map', async () => {
      await expectAllowed(dbAs('sam').doc('users/sam/private/activity').get());
    });

    it('denies other users and signed-out visitors reading someone’s activity', async () => {
      await expectDenied(dbAs('bob').doc('users/alice/private/activity').get());
      await expectDenied(anonDb().doc('users/alice/private/activity').get());
    });

    it('lets an admin read anyone’s activity map', async () => {
      await expectAllowed(dbAs('root', ADMIN).doc('users/alice/private/activity').get());
    });

    it('denies the owner writing their own activity (only the ledger trigger does)', async () => {
      const ref = dbAs('alice').doc('users/alice/private/activity');
      await expectDenied(ref.update({ 'days.2026-11-26': 500 }));
      await expectDenied(ref.set({ days: { '2026-11-26': 500 }, timezone: 'UTC', updatedAt: serverTime() }));
      await expectDenied(ref.delete());
      await expectDenied(
        dbAs('bob')
          .doc('users/bob/private/activity')
          .set({ days: {}, timezone: 'UTC', updatedAt: serverTime() }),
      );
    });

    it('denies even an admin writing an activity map from a client', async () => {
      await expectDenied(dbAs('root', ADMIN).doc('users/alice/private/activity').update({ days: {} }));
    });
  });

  describe('users/{uid}/pointEvents pages', () => {
    it('lets the owner page through their ledger newest first', async () => {
      await expectAllowed(
        dbAs('alice').collection('users/alice/pointEvents').orderBy('createdAt', 'desc').limit(20).get(),
      );
    });

    it('denies another user paging through someone’s ledger', async () => {
      await expectDenied(
        dbAs('bob').collection('users/alice/pointEvents').orderBy('createdAt', 'desc').limit(20).get(),
      );
    });
  });

  describe('leaderboards/{period}/entries', () => {
    it('lets a signed-in user read the top of the all-time and weekly boards', async () => {
      await expectAllowed(
        dbAs('bob').collection('leaderboards/allTime/entries').orderBy('points', 'desc').limit(50).get(),
      );
      await expectAllowed(
        dbAs('alice').collection('leaderboards/2026-W48/entries').orderBy('points', 'desc').limit(50).get(),
      );
    });

    it('lets a signed-in user count the entries ahead of theirs (their rank)', async () => {
      const snap = await expectAllowed(countAhead(dbAs('bob'), 'allTime', 80));
      expect(snap.data().count).toBe(1);
    });

    it('denies signed-out visitors reading or counting a board', async () => {
      await expectDenied(anonDb().collection('leaderboards/allTime/entries').orderBy('points', 'desc').get());
      await expectDenied(countAhead(anonDb(), 'allTime', 0));
      await expectDenied(anonDb().doc('leaderboards/allTime/entries/alice').get());
    });

    it('denies everyone writing entries: owner, other users and admins', async () => {
      await expectDenied(dbAs('bob').doc('leaderboards/allTime/entries/bob').update({ points: 10_000 }));
      await expectDenied(
        dbAs('bob')
          .doc('leaderboards/2026-W48/entries/bob')
          .set({ uid: 'bob', points: 10_000, displayName: 'Bob', photoURL: null }),
      );
      await expectDenied(dbAs('bob').doc('leaderboards/allTime/entries/alice').delete());
      await expectDenied(dbAs('root', ADMIN).doc('leaderboards/allTime/entries/alice').update({ points: 0 }));
    });
  });
});

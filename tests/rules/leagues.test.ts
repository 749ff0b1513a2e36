// Weekly leagues: leagues/{cohortId} with members and results, leagueWeeks, and
// users/{uid}/private/league. Cohort members read their cohort; the user reads their own league
// and result; nobody writes any of it from a client (points, tiers and ranks come from functions).
import { beforeEach, describe, it } from 'vitest';
import {
  anonDb,
  clientTime,
  dbAs,
  describeRules,
  expectAllowed,
  expectDenied,
  profiles,
  seed,
  useRulesTestEnv,
} from './helpers';

const COHORT = '2026-11-23_silver_0';
const OTHER = '2026-11-23_silver_1';
const member = (uid: string, points: number) => ({
  uid,
  points,
  displayName: uid,
  photoURL: null,
  lastEarnedAt: clientTime(),
});

describeRules('leagues: cohorts, standings, results, my league', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('alice', 'bob', 'carol'),
      [`leagues/${COHORT}`]: { weekKey: '2026-11-23', tier: 'silver', index: 0, size: 2 },
      [`leagues/${COHORT}/members/alice`]: member('alice', 120),
      [`leagues/${COHORT}/members/bob`]: member('bob', 80),
      [`leagues/${COHORT}/results/alice`]: { uid: 'alice', rank: 1, outcome: 'promoted' },
      [`leagues/${OTHER}`]: { weekKey: '2026-11-23', tier: 'silver', index: 1, size: 1 },
      [`leagues/${OTHER}/members/carol`]: member('carol', 10),
      'leagueWeeks/2026-11-23_silver': { open: 1, size: 1 },
      'users/alice/private/league': {
        tier: 'silver',
        weekKey: '2026-11-23',
        cohortId: COHORT,
        rolloverAt: clientTime(),
        timezone: 'UTC',
      },
    });
  });

  describe('leagues/{cohortId} and its members', () => {
    it('lets a member read the cohort and its standings ordered by points', async () => {
      await expectAllowed(dbAs('alice').doc(`leagues/${COHORT}`).get());
      await expectAllowed(
        dbAs('bob').collection(`leagues/${COHORT}/members`).orderBy('points', 'desc').get(),
      );
    });

    it('denies someone from another cohort, and signed-out visitors, reading the standings', async () => {
      await expectDenied(dbAs('carol').collection(`leagues/${COHORT}/members`).get());
      await expectDenied(dbAs('carol').doc(`leagues/${COHORT}/members/alice`).get());
      await expectDenied(anonDb().collection(`leagues/${COHORT}/members`).get());
      await expectDenied(anonDb().doc(`leagues/${COHORT}`).get());
    });

    it('denies a member writing their own points, or joining a cohort by creating a member entry', async () => {
      await expectDenied(dbAs('alice').doc(`leagues/${COHORT}/members/alice`).update({ points: 9999 }));
      await expectDenied(dbAs('carol').doc(`leagues/${COHORT}/members/carol`).set(member('carol', 1)));
      await expectDenied(dbAs('alice').doc(`leagues/${COHORT}/members/bob`).delete());
      await expectDenied(dbAs('alice').doc(`leagues/${COHORT}`).update({ tier: 'diamond' }));
    });
  });

  describe('leagues/{cohortId}/results/{uid}', () => {
    it('lets the user read their own result', async () => {
      await expectAllowed(dbAs('alice').doc(`leagues/${COHORT}/results/alice`).get());
    });

    it('denies others reading it and anyone writing a result', async () => {
      await expectDenied(dbAs('bob').doc(`leagues/${COHORT}/results/alice`).get());
      await expectDenied(dbAs('bob').doc(`leagues/${COHORT}/results/bob`).set({ outcome: 'promoted' }));
      await expectDenied(
        dbAs('alice').doc(`leagues/${COHORT}/results/alice`).update({ outcome: 'promoted' }),
      );
    });
  });

  describe('leagueWeeks/{id}', () => {
    it('denies reading and writing the cohort counters', async () => {
      await expectDenied(dbAs('alice').doc('leagueWeeks/2026-11-23_silver').get());
      await expectDenied(dbAs('alice').doc('leagueWeeks/2026-11-23_silver').set({ open: 0, size: 0 }));
    });
  });

  describe('users/{uid}/private/league', () => {
    it('lets the owner read their league', async () => {
      await expectAllowed(dbAs('alice').doc('users/alice/private/league').get());
    });

    it('denies others reading it', async () => {
      await expectDenied(dbAs('bob').doc('users/alice/private/league').get());
      await expectDenied(anonDb().doc('users/alice/private/league').get());
    });

    it('denies the owner writing their own tier or cohort', async () => {
      await expectDenied(dbAs('alice').doc('users/alice/private/league').update({ tier: 'diamond' }));
      await expectDenied(
        dbAs('bob').doc('users/bob/private/league').set({ tier: 'diamond', cohortId: COHORT }),
      );
    });

    it('denies the owner granting themselves streak freezes on their profile', async () => {
      await expectDenied(dbAs('alice').doc('users/alice').update({ 'gamification.streakFreezes': 2 }));
    });
  });
});

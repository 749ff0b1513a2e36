// users/{uid}, its private account, points ledger and matches; educatorApplications.
import { beforeEach, describe, it } from 'vitest';
import {
  ADMIN,
  anonDb,
  clientTime,
  dbAs,
  describeRules,
  expectAllowed,
  expectDenied,
  profile,
  seed,
  serverTime,
  text,
  timestamp,
  useRulesTestEnv,
} from './helpers';

describeRules('users, private account, ledger, matches, educator applications', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      'users/alice': profile('alice'),
      'users/bob': profile('bob'),
      'users/root': profile('root', { roles: ['learner', 'admin'] }),
      'users/sam': profile('sam', { status: 'suspended' }),
      'users/ben': profile('ben', { status: 'banned' }),
      'users/alice/private/account': {
        email: 'alice@example.com',
        stripeCustomerId: null,
        notificationPreferences: { enrollment: { inApp: true, email: true } },
        referredBy: null,
        createdAt: clientTime(),
      },
      'users/sam/private/account': { email: 'sam@example.com', notificationPreferences: {} },
      'users/alice/private/other': { secret: true },
      'users/alice/pointEvents/lecture_c1_l1': {
        points: 10,
        reason: 'lecture_completed',
        refPath: null,
        createdAt: clientTime(),
      },
      'users/alice/matches/bob': {
        score: 80,
        breakdown: {},
        theyOffer: [],
        theyWant: [],
        computedAt: clientTime(),
      },
    });
  });

  describe('users/{uid} profile', () => {
    it('lets anyone, signed out too, read a public profile', async () => {
      await expectAllowed(anonDb().doc('users/alice').get());
      await expectAllowed(dbAs('bob').doc('users/alice').get());
    });

    it('lets a suspended user still read public profiles', async () => {
      await expectAllowed(dbAs('sam').doc('users/alice').get());
    });

    it('lets the owner update profile fields with updatedAt = request.time', async () => {
      await expectAllowed(
        dbAs('alice')
          .doc('users/alice')
          .update({
            displayName: 'Alice A.',
            bio: text(1000),
            headline: text(120),
            interests: ['music'],
            skills: [{ name: 'Guitar', level: 'advanced' }],
            offeredSkills: [{ name: 'Guitar', level: 'advanced' }],
            desiredSkills: [{ name: 'Python', level: 'beginner' }],
            availability: Array.from({ length: 50 }, () => ({ day: 'mon', startMin: 600, endMin: 660 })),
            timezone: 'Europe/Berlin',
            onboarded: true,
            firstGoal: 'exchange',
            photoURL: 'https://example.com/a.png',
            updatedAt: serverTime(),
          }),
      );
    });

    it('denies another user updating someone else’s profile', async () => {
      await expectDenied(dbAs('bob').doc('users/alice').update({ displayName: 'Hacked' }));
    });

    it('denies a signed-out visitor updating a profile', async () => {
      await expectDenied(anonDb().doc('users/alice').update({ bio: 'hi' }));
    });

    it('denies clients creating a profile (the sign-up function creates it)', async () => {
      await expectDenied(dbAs('carol').doc('users/carol').set(profile('carol')));
      await expectDenied(dbAs('carol').doc('users/carol').set({ displayName: 'Carol' }));
    });

    it('denies the owner deleting their profile', async () => {
      await expectDenied(dbAs('alice').doc('users/alice').delete());
    });

    it('denies the owner writing their own points or gamification', async () => {
      await expectDenied(dbAs('alice').doc('users/alice').update({ 'gamification.points': 99999 }));
      await expectDenied(
        dbAs('alice')
          .doc('users/alice')
          .update({ 'gamification.badges': ['quiz-master'] }),
      );
    });

    it('denies the owner granting themselves roles', async () => {
      await expectDenied(
        dbAs('alice')
          .doc('users/alice')
          .update({ roles: ['learner', 'admin'] }),
      );
    });

    it('denies the owner changing their account status', async () => {
      await expectDenied(dbAs('sam').doc('users/sam').update({ status: 'active' }));
      await expectDenied(dbAs('alice').doc('users/alice').update({ status: 'banned', bio: 'x' }));
    });

    it('denies the owner writing rating, stats or createdAt', async () => {
      await expectDenied(
        dbAs('alice')
          .doc('users/alice')
          .update({ rating: { average: 5, count: 100 } }),
      );
      await expectDenied(dbAs('alice').doc('users/alice').update({ 'stats.coursesCompleted': 50 }));
      await expectDenied(dbAs('alice').doc('users/alice').update({ createdAt: serverTime() }));
    });

    it('denies the owner writing endorsements or endorsers, and allows anyone to read them', async () => {
      await expectDenied(dbAs('alice').doc('users/alice').update({ 'endorsements.figma': 3 }));
      await expectDenied(
        dbAs('alice')
          .doc('users/alice')
          .update({ endorsers: { figma: [{ uid: 'bob', name: 'Bob', at: new Date() }] } }),
      );
      await expectDenied(dbAs('bob').doc('users/alice').update({ 'endorsements.figma': 1 }));
      await expectAllowed(anonDb().doc('users/alice').get());
    });

    it('denies the owner adding fields outside the profile fields', async () => {
      await expectDenied(dbAs('alice').doc('users/alice').update({ isVerified: true }));
    });

    it('denies the owner rewriting the whole document with set()', async () => {
      await expectDenied(dbAs('alice').doc('users/alice').set({ displayName: 'Only this' }));
    });

    it('allows a displayName of 1–80 characters and denies empty or longer ones', async () => {
      await expectAllowed(
        dbAs('alice')
          .doc('users/alice')
          .update({ displayName: text(80) }),
      );
      await expectDenied(dbAs('alice').doc('users/alice').update({ displayName: '' }));
      await expectDenied(dbAs('alice').doc('users/alice').update({ displayName: '   ' }));
      await expectDenied(
        dbAs('alice')
          .doc('users/alice')
          .update({ displayName: text(81) }),
      );
      await expectDenied(dbAs('alice').doc('users/alice').update({ displayName: 42 }));
    });

    it('denies bio over 1000, headline over 120 and timezone over 64 characters', async () => {
      await expectDenied(
        dbAs('alice')
          .doc('users/alice')
          .update({ bio: text(1001) }),
      );
      await expectDenied(
        dbAs('alice')
          .doc('users/alice')
          .update({ headline: text(121) }),
      );
      await expectDenied(
        dbAs('alice')
          .doc('users/alice')
          .update({ timezone: text(65) }),
      );
    });

    it('allows lists up to their limits and denies longer ones', async () => {
      const many = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`);
      await expectAllowed(
        dbAs('alice')
          .doc('users/alice')
          .update({ interests: many(30), skills: many(30) }),
      );
      await expectDenied(
        dbAs('alice')
          .doc('users/alice')
          .update({ interests: many(31) }),
      );
      await expectDenied(
        dbAs('alice')
          .doc('users/alice')
          .update({ offeredSkills: many(31) }),
      );
      await expectDenied(
        dbAs('alice')
          .doc('users/alice')
          .update({ desiredSkills: many(31) }),
      );
      await expectDenied(
        dbAs('alice')
          .doc('users/alice')
          .update({ availability: many(51) }),
      );
      await expectDenied(dbAs('alice').doc('users/alice').update({ skills: 'guitar' }));
    });

    it('allows firstGoal learn/teach/exchange or null, and denies anything else', async () => {
      await expectAllowed(dbAs('alice').doc('users/alice').update({ firstGoal: 'teach' }));
      await expectAllowed(dbAs('alice').doc('users/alice').update({ firstGoal: null }));
      await expectDenied(dbAs('alice').doc('users/alice').update({ firstGoal: 'admin' }));
    });

    it('allows photoURL as a string or null, and onboarded only as a boolean', async () => {
      await expectAllowed(dbAs('alice').doc('users/alice').update({ photoURL: null, onboarded: true }));
      await expectDenied(dbAs('alice').doc('users/alice').update({ photoURL: 12 }));
      await expectDenied(dbAs('alice').doc('users/alice').update({ onboarded: 'yes' }));
    });

    it('denies an updatedAt that is not the request time', async () => {
      await expectDenied(
        dbAs('alice')
          .doc('users/alice')
          .update({ bio: 'hi', updatedAt: timestamp(new Date('2030-01-01T00:00:00Z')) }),
      );
    });

    it('denies a suspended or banned user editing even their own profile', async () => {
      await expectDenied(dbAs('sam').doc('users/sam').update({ bio: 'still here' }));
      await expectDenied(dbAs('ben').doc('users/ben').update({ bio: 'still here' }));
    });
  });

  describe('users/{uid}/private/account', () => {
    it('lets the owner read their private account', async () => {
      await expectAllowed(dbAs('alice').doc('users/alice/private/account').get());
    });

    it('denies other users and signed-out visitors reading it', async () => {
      await expectDenied(dbAs('bob').doc('users/alice/private/account').get());
      await expectDenied(anonDb().doc('users/alice/private/account').get());
    });

    it('lets an admin read it', async () => {
      await expectAllowed(dbAs('root', ADMIN).doc('users/alice/private/account').get());
    });

    it('lets the owner change notification preferences', async () => {
      await expectAllowed(
        dbAs('alice')
          .doc('users/alice/private/account')
          .update({ notificationPreferences: { enrollment: { inApp: true, email: false } } }),
      );
    });

    it('denies the owner changing email, Stripe customer id or referrer', async () => {
      const account = dbAs('alice').doc('users/alice/private/account');
      await expectDenied(account.update({ email: 'evil@example.com' }));
      await expectDenied(account.update({ stripeCustomerId: 'cus_someone_else' }));
      await expectDenied(account.update({ referredBy: 'bob' }));
    });

    it('denies notification preferences that are not a map', async () => {
      await expectDenied(
        dbAs('alice').doc('users/alice/private/account').update({ notificationPreferences: 'off' }),
      );
    });

    it('denies another user changing someone’s preferences', async () => {
      await expectDenied(
        dbAs('bob').doc('users/alice/private/account').update({ notificationPreferences: {} }),
      );
    });

    it('denies clients creating or deleting the private account', async () => {
      await expectDenied(dbAs('bob').doc('users/bob/private/account').set({ notificationPreferences: {} }));
      await expectDenied(dbAs('alice').doc('users/alice/private/account').delete());
    });

    it('denies a suspended owner changing preferences', async () => {
      await expectDenied(
        dbAs('sam').doc('users/sam/private/account').update({ notificationPreferences: {} }),
      );
    });

    it('denies the owner reading or writing any other private document', async () => {
      await expectDenied(dbAs('alice').doc('users/alice/private/other').get());
      await expectDenied(dbAs('alice').doc('users/alice/private/notes').set({ a: 1 }));
    });
  });

  describe('users/{uid}/pointEvents (points ledger)', () => {
    it('lets the owner read and list their ledger', async () => {
      await expectAllowed(dbAs('alice').doc('users/alice/pointEvents/lecture_c1_l1').get());
      await expectAllowed(dbAs('alice').collection('users/alice/pointEvents').get());
    });

    it('denies other users reading someone’s ledger', async () => {
      await expectDenied(dbAs('bob').doc('users/alice/pointEvents/lecture_c1_l1').get());
      await expectDenied(dbAs('bob').collection('users/alice/pointEvents').get());
    });

    it('lets an admin read any ledger', async () => {
      await expectAllowed(dbAs('root', ADMIN).collection('users/alice/pointEvents').get());
    });

    it('denies the owner awarding themselves points', async () => {
      await expectDenied(
        dbAs('alice')
          .doc('users/alice/pointEvents/referral_x')
          .set({ points: 1000, reason: 'referral', refPath: null, createdAt: serverTime() }),
      );
    });

    it('denies the owner editing or deleting ledger entries', async () => {
      await expectDenied(dbAs('alice').doc('users/alice/pointEvents/lecture_c1_l1').update({ points: 500 }));
      await expectDenied(dbAs('alice').doc('users/alice/pointEvents/lecture_c1_l1').delete());
    });

    it('denies even an admin writing the ledger from a client', async () => {
      await expectDenied(
        dbAs('root', ADMIN).doc('users/alice/pointEvents/x').set({ points: 1, reason: 'referral' }),
      );
    });
  });

  describe('users/{uid}/matches', () => {
    it('lets the owner read their matches', async () => {
      await expectAllowed(dbAs('alice').collection('users/alice/matches').get());
    });

    it('denies other users reading someone’s matches', async () => {
      await expectDenied(dbAs('bob').doc('users/alice/matches/bob').get());
    });

    it('denies the owner writing match scores', async () => {
      await expectDenied(dbAs('alice').doc('users/alice/matches/bob').update({ score: 100 }));
      await expectDenied(dbAs('alice').doc('users/alice/matches/carol').set({ score: 100 }));
    });
  });

  describe('educatorApplications/{uid}', () => {
    const application = () => ({
      uid: 'alice',
      expertise: ['Guitar', 'Music theory'],
      motivation: 'I have taught guitar for ten years.',
      sampleUrl: 'https://example.com/lesson',
      status: 'pending',
      createdAt: serverTime(),
    });

    it('lets a user apply once for themselves with status pending', async () => {
      await expectAllowed(dbAs('alice').doc('educatorApplications/alice').set(application()));
    });

    it('allows the application without a sample URL', async () => {
      const { sampleUrl: _omit, ...withoutSample } = application();
      await expectAllowed(dbAs('alice').doc('educatorApplications/alice').set(withoutSample));
    });

    it('denies applying on someone else’s behalf', async () => {
      await expectDenied(dbAs('bob').doc('educatorApplications/alice').set(application()));
    });

    it('denies a uid field naming someone else', async () => {
      await expectDenied(
        dbAs('alice')
          .doc('educatorApplications/alice')
          .set({ ...application(), uid: 'bob' }),
      );
    });

    it('denies a self-approved application', async () => {
      await expectDenied(
        dbAs('alice')
          .doc('educatorApplications/alice')
          .set({ ...application(), status: 'approved' }),
      );
    });

    it('denies a motivation under 20 or over 4000 characters', async () => {
      await expectDenied(
        dbAs('alice')
          .doc('educatorApplications/alice')
          .set({ ...application(), motivation: text(19) }),
      );
      await expectDenied(
        dbAs('alice')
          .doc('educatorApplications/alice')
          .set({ ...application(), motivation: text(4001) }),
      );
    });

    it('denies an empty expertise list or one that is not a list', async () => {
      await expectDenied(
        dbAs('alice')
          .doc('educatorApplications/alice')
          .set({ ...application(), expertise: [] }),
      );
      await expectDenied(
        dbAs('alice')
          .doc('educatorApplications/alice')
          .set({ ...application(), expertise: 'Guitar' }),
      );
    });

    it('denies extra fields and a client-chosen createdAt', async () => {
      await expectDenied(
        dbAs('alice')
          .doc('educatorApplications/alice')
          .set({ ...application(), decidedBy: 'alice' }),
      );
      await expectDenied(
        dbAs('alice')
          .doc('educatorApplications/alice')
          .set({ ...application(), createdAt: clientTime() }),
      );
    });

    it('denies applying a second time or changing the application', async () => {
      await seed({ 'educatorApplications/alice': { ...application(), createdAt: clientTime() } });
      await expectDenied(dbAs('alice').doc('educatorApplications/alice').set(application()));
      await expectDenied(dbAs('alice').doc('educatorApplications/alice').update({ status: 'approved' }));
      await expectDenied(
        dbAs('alice')
          .doc('educatorApplications/alice')
          .update({ motivation: 'A fresh motivation that is long enough.', updatedAt: serverTime() }),
      );
      await expectDenied(dbAs('alice').doc('educatorApplications/alice').delete());
    });

    describe('applying again after a rejection', () => {
      const rejected = () => ({
        ...application(),
        status: 'rejected',
        createdAt: clientTime(),
        decidedAt: clientTime(),
        decidedBy: 'root',
        decisionReason: 'Add a sample lesson, please.',
      });
      const reapply = () => ({
        expertise: ['Guitar', 'Songwriting'],
        motivation: 'Here is a sample lesson and more about my teaching.',
        sampleUrl: 'https://example.com/new-sample',
        status: 'pending',
        decidedAt: null,
        decidedBy: null,
        decisionReason: null,
        updatedAt: serverTime(),
      });

      it('lets the owner send a rejected application back to pending with new content', async () => {
        await seed({ 'educatorApplications/alice': rejected() });
        await expectAllowed(dbAs('alice').doc('educatorApplications/alice').update(reapply()));
      });

      it('denies re-applying while the application is pending or approved', async () => {
        await seed({ 'educatorApplications/alice': { ...application(), createdAt: clientTime() } });
        await expectDenied(dbAs('alice').doc('educatorApplications/alice').update(reapply()));
        await seed({
          'educatorApplications/alice': { ...rejected(), status: 'approved', decisionReason: null },
        });
        await expectDenied(dbAs('alice').doc('educatorApplications/alice').update(reapply()));
      });

      it('denies turning a rejected application into an approved one', async () => {
        await seed({ 'educatorApplications/alice': rejected() });
        await expectDenied(
          dbAs('alice')
            .doc('educatorApplications/alice')
            .update({ ...reapply(), status: 'approved' }),
        );
      });

      it('denies keeping the old decision, a client time or invalid content when re-applying', async () => {
        await seed({ 'educatorApplications/alice': rejected() });
        const alice = dbAs('alice').doc('educatorApplications/alice');
        await expectDenied(alice.update({ ...reapply(), decidedBy: 'root' }));
        await expectDenied(alice.update({ ...reapply(), decisionReason: 'Mine now' }));
        await expectDenied(alice.update({ ...reapply(), updatedAt: clientTime() }));
        await expectDenied(alice.update({ ...reapply(), motivation: text(19) }));
        await expectDenied(alice.update({ ...reapply(), expertise: [] }));
        await expectDenied(alice.update({ ...reapply(), createdAt: serverTime() }));
      });

      it('denies re-applying on someone else’s behalf, and a suspended owner re-applying', async () => {
        await seed({
          'educatorApplications/alice': rejected(),
          'educatorApplications/sam': { ...rejected(), uid: 'sam' },
        });
        await expectDenied(dbAs('bob').doc('educatorApplications/alice').update(reapply()));
        await expectDenied(dbAs('root', ADMIN).doc('educatorApplications/alice').update(reapply()));
        await expectDenied(dbAs('sam').doc('educatorApplications/sam').update(reapply()));
      });
    });

    it('denies an admin deciding directly from a client (decideEducatorApplication does it)', async () => {
      await seed({ 'educatorApplications/alice': { ...application(), createdAt: clientTime() } });
      await expectDenied(
        dbAs('root', ADMIN).doc('educatorApplications/alice').update({ status: 'approved' }),
      );
    });

    it('lets the owner and admins read an application, and nobody else', async () => {
      await seed({ 'educatorApplications/alice': { ...application(), createdAt: clientTime() } });
      await expectAllowed(dbAs('alice').doc('educatorApplications/alice').get());
      await expectAllowed(dbAs('root', ADMIN).collection('educatorApplications').get());
      await expectDenied(dbAs('bob').doc('educatorApplications/alice').get());
      await expectDenied(dbAs('bob').collection('educatorApplications').get());
    });

    it('denies suspended and banned users applying', async () => {
      await expectDenied(
        dbAs('sam')
          .doc('educatorApplications/sam')
          .set({ ...application(), uid: 'sam' }),
      );
      await expectDenied(
        dbAs('ben')
          .doc('educatorApplications/ben')
          .set({ ...application(), uid: 'ben' }),
      );
    });

    it('denies a signed-in user without a profile document applying', async () => {
      await expectDenied(
        dbAs('ghost')
          .doc('educatorApplications/ghost')
          .set({ ...application(), uid: 'ghost' }),
      );
    });
  });
});

// liveSessions/{sessionId} and its registrations, attendance, chat, questions, polls, votes, hands.
import { beforeEach, describe, it } from 'vitest';
import {
  ADMIN,
  anonDb,
  arrayRemove,
  arrayUnion,
  clientTime,
  type DocData,
  dbAs,
  describeRules,
  EDUCATOR,
  expectAllowed,
  expectDenied,
  profile,
  profiles,
  seed,
  serverTime,
  text,
  timestamp,
  useRulesTestEnv,
} from './helpers';

function liveSession(overrides: DocData = {}): DocData {
  return {
    hostId: 'hana',
    title: 'Live Q&A: chord changes',
    description: 'Bring your questions',
    courseId: null,
    scheduledAt: timestamp(new Date('2026-12-10T18:00:00Z')),
    durationMin: 60,
    capacity: 50,
    status: 'scheduled',
    registeredCount: 2,
    recordingEnabled: false,
    createdAt: clientTime(),
    ...overrides,
  };
}

const S = 'liveSessions/s1';
const S2 = 'liveSessions/s2';
const S3 = 'liveSessions/s3';

describeRules('liveSessions, registrations, attendance, chat, questions, polls, votes, hands', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      // hana hosts s1; rita and remy are registered; una is not; sue is registered but suspended.
      ...profiles('hana', 'edna', 'rita', 'remy', 'una', 'root'),
      'users/sue': profile('sue', { status: 'suspended' }),
      'courses/hanas': { instructorId: 'hana', title: 'Guitar', status: 'published' },
      'courses/ednas': { instructorId: 'edna', title: 'Piano', status: 'published' },
      [S]: liveSession(),
      [`${S}/registrations/rita`]: { uid: 'rita', registeredAt: clientTime() },
      [`${S}/registrations/remy`]: { uid: 'remy', registeredAt: clientTime() },
      [`${S}/registrations/sue`]: { uid: 'sue', registeredAt: clientTime() },
      [`${S}/attendance/rita`]: { joinedAt: clientTime(), leftAt: clientTime(), totalSec: 1800 },
      [`${S}/chat/c1`]: { senderId: 'rita', text: 'Hello', createdAt: clientTime() },
      [`${S}/questions/q1`]: {
        authorId: 'rita',
        text: 'Barre chords?',
        upvoterIds: ['sue'],
        answered: false,
      },
      [`${S}/polls/open`]: {
        question: 'Next topic?',
        options: ['Strumming', 'Fingerpicking', 'Theory'],
        open: true,
        counts: { '0': 1 },
        totalVotes: 1,
      },
      [`${S}/polls/closed`]: { question: 'Tempo?', options: ['Slow', 'Fast'], open: false },
      [`${S}/polls/open/votes/remy`]: { optionIndex: 0, createdAt: clientTime(), countedAt: clientTime() },
      [`${S}/hands/remy`]: { raisedAt: clientTime() },
      // s2 is linked to hana's course; erin is actively enrolled, rex's enrolment was refunded.
      ...profiles('erin', 'rex'),
      [S2]: liveSession({ courseId: 'hanas' }),
      'enrollments/hanas_erin': { uid: 'erin', courseId: 'hanas', status: 'active' },
      'enrollments/hanas_rex': { uid: 'rex', courseId: 'hanas', status: 'refunded' },
      [`${S2}/polls/open`]: { question: 'Next?', options: ['A', 'B'], open: true },
      // s3 has ended; rita was registered, remy only attended (unregistered later).
      [S3]: liveSession({ status: 'ended' }),
      [`${S3}/registrations/rita`]: { uid: 'rita', registeredAt: clientTime() },
      [`${S3}/attendance/remy`]: { joinedAt: clientTime(), leftAt: clientTime(), totalSec: 600 },
      [`${S3}/feedback/rita`]: { rating: 4, comment: 'Good', createdAt: clientTime() },
      [`${S}/speakers/rita`]: { uid: 'rita', grantedAt: clientTime() },
      [`${S}/presence/rita`]: {
        uid: 'rita',
        displayName: 'Rita',
        photoURL: null,
        present: true,
        joinedAt: clientTime(),
        lastSeenAt: clientTime(),
      },
    });
  });

  describe('liveSessions/{sessionId}', () => {
    const draft = (overrides: DocData = {}): DocData => ({
      ...liveSession({ hostId: 'edna', registeredCount: 0, createdAt: serverTime() }),
      ...overrides,
    });

    it('lets anyone read live sessions', async () => {
      await expectAllowed(anonDb().doc(S).get());
      await expectAllowed(anonDb().collection('liveSessions').get());
    });

    it('lets an educator schedule a session as its host', async () => {
      await expectAllowed(dbAs('edna', EDUCATOR).collection('liveSessions').add(draft()));
    });

    it('lets the host attach their own course, and denies someone else’s', async () => {
      await expectAllowed(
        dbAs('edna', EDUCATOR)
          .collection('liveSessions')
          .add(draft({ courseId: 'ednas' })),
      );
      await expectDenied(
        dbAs('edna', EDUCATOR)
          .collection('liveSessions')
          .add(draft({ courseId: 'hanas' })),
      );
    });

    it('denies scheduling without the educator claim', async () => {
      await expectDenied(dbAs('edna').collection('liveSessions').add(draft()));
    });

    it('denies scheduling a session hosted by someone else', async () => {
      await expectDenied(
        dbAs('edna', EDUCATOR)
          .collection('liveSessions')
          .add(draft({ hostId: 'hana' })),
      );
    });

    it('denies creating a session already live or with registrations', async () => {
      await expectDenied(
        dbAs('edna', EDUCATOR)
          .collection('liveSessions')
          .add(draft({ status: 'live' })),
      );
      await expectDenied(
        dbAs('edna', EDUCATOR)
          .collection('liveSessions')
          .add(draft({ registeredCount: 10 })),
      );
    });

    it('denies invalid details and a client-chosen createdAt', async () => {
      const sessions = dbAs('edna', EDUCATOR).collection('liveSessions');
      await expectDenied(sessions.add(draft({ title: '' })));
      await expectDenied(sessions.add(draft({ capacity: 0 })));
      await expectDenied(sessions.add(draft({ durationMin: 1000 })));
      await expectDenied(sessions.add(draft({ recordingEnabled: 'yes' })));
      await expectDenied(sessions.add(draft({ createdAt: clientTime() })));
    });

    it('denies a suspended educator scheduling', async () => {
      await expectDenied(
        dbAs('sue', EDUCATOR)
          .collection('liveSessions')
          .add(draft({ hostId: 'sue' })),
      );
    });

    it('lets the host edit the details', async () => {
      await expectAllowed(
        dbAs('hana', EDUCATOR)
          .doc(S)
          .update({
            title: 'Live Q&A: rhythm',
            description: 'Updated',
            scheduledAt: timestamp(new Date('2026-12-11T18:00:00Z')),
            durationMin: 90,
            capacity: 100,
            courseId: 'hanas',
            recordingEnabled: true,
            updatedAt: serverTime(),
          }),
      );
    });

    it('denies the host changing status, registeredCount or hostId (server-side)', async () => {
      const ref = dbAs('hana', EDUCATOR).doc(S);
      await expectDenied(ref.update({ status: 'live' }));
      await expectDenied(ref.update({ status: 'ended' }));
      await expectDenied(ref.update({ registeredCount: 0 }));
      await expectDenied(ref.update({ hostId: 'edna' }));
    });

    it('denies a capacity below the number already registered', async () => {
      await expectDenied(dbAs('hana', EDUCATOR).doc(S).update({ capacity: 1 }));
    });

    it('denies anyone but the host editing, and deleting sessions', async () => {
      await expectDenied(dbAs('edna', EDUCATOR).doc(S).update({ title: 'Mine' }));
      await expectDenied(dbAs('rita').doc(S).update({ capacity: 1000 }));
      await expectDenied(dbAs('hana', EDUCATOR).doc(S).delete());
    });
  });

  describe('registrations and attendance', () => {
    it('lets the user and the host read a registration', async () => {
      await expectAllowed(dbAs('rita').doc(`${S}/registrations/rita`).get());
      await expectAllowed(dbAs('hana').collection(`${S}/registrations`).get());
    });

    it('lets a user list their own registrations across sessions, and nobody else’s', async () => {
      await expectAllowed(dbAs('rita').collectionGroup('registrations').where('uid', '==', 'rita').get());
      await expectDenied(dbAs('rita').collectionGroup('registrations').where('uid', '==', 'remy').get());
      await expectDenied(dbAs('rita').collectionGroup('registrations').get());
    });

    it('denies other users reading registrations', async () => {
      await expectDenied(dbAs('remy').doc(`${S}/registrations/rita`).get());
      await expectDenied(dbAs('remy').collection(`${S}/registrations`).get());
    });

    it('denies registering directly (registerForLiveSession enforces capacity)', async () => {
      await expectDenied(
        dbAs('una').doc(`${S}/registrations/una`).set({ uid: 'una', registeredAt: serverTime() }),
      );
      await expectDenied(dbAs('hana').doc(`${S}/registrations/una`).set({ uid: 'una' }));
      await expectDenied(dbAs('rita').doc(`${S}/registrations/rita`).delete());
    });

    it('lets the user and the host read attendance, and nobody else', async () => {
      await expectAllowed(dbAs('rita').doc(`${S}/attendance/rita`).get());
      await expectAllowed(dbAs('hana').collection(`${S}/attendance`).get());
      await expectDenied(dbAs('remy').doc(`${S}/attendance/rita`).get());
    });

    it('denies writing attendance from a client', async () => {
      await expectDenied(dbAs('rita').doc(`${S}/attendance/rita`).update({ totalSec: 99999 }));
      await expectDenied(dbAs('hana').doc(`${S}/attendance/una`).set({ totalSec: 60 }));
    });

    it('lets an admin read registrations', async () => {
      await expectAllowed(dbAs('root', ADMIN).collection(`${S}/registrations`).get());
    });
  });

  describe('chat', () => {
    const chat = (senderId: string, overrides: DocData = {}) => ({
      senderId,
      text: 'Great tip!',
      createdAt: serverTime(),
      ...overrides,
    });

    it('lets the host and registered users read the chat, and nobody else', async () => {
      await expectAllowed(dbAs('hana').collection(`${S}/chat`).get());
      await expectAllowed(dbAs('remy').collection(`${S}/chat`).get());
      await expectDenied(dbAs('una').collection(`${S}/chat`).get());
      await expectDenied(anonDb().collection(`${S}/chat`).get());
    });

    it('lets a registered user and the host post as themselves', async () => {
      await expectAllowed(dbAs('remy').collection(`${S}/chat`).add(chat('remy')));
      await expectAllowed(dbAs('hana').collection(`${S}/chat`).add(chat('hana')));
    });

    it('denies unregistered users posting and posting as someone else', async () => {
      await expectDenied(dbAs('una').collection(`${S}/chat`).add(chat('una')));
      await expectDenied(dbAs('remy').collection(`${S}/chat`).add(chat('hana')));
    });

    it('denies empty or oversize text and a client-chosen createdAt', async () => {
      await expectDenied(
        dbAs('remy')
          .collection(`${S}/chat`)
          .add(chat('remy', { text: '' })),
      );
      await expectDenied(
        dbAs('remy')
          .collection(`${S}/chat`)
          .add(chat('remy', { text: text(2001) })),
      );
      await expectDenied(
        dbAs('remy')
          .collection(`${S}/chat`)
          .add(chat('remy', { createdAt: clientTime() })),
      );
    });

    it('denies editing or deleting chat messages', async () => {
      await expectDenied(dbAs('rita').doc(`${S}/chat/c1`).update({ text: 'edited' }));
      await expectDenied(dbAs('hana').doc(`${S}/chat/c1`).delete());
    });

    it('lets a suspended registered user read the chat but not post', async () => {
      await expectAllowed(dbAs('sue').collection(`${S}/chat`).get());
      await expectDenied(dbAs('sue').collection(`${S}/chat`).add(chat('sue')));
    });
  });

  describe('questions (Q&A with upvotes)', () => {
    const question = (authorId: string, overrides: DocData = {}) => ({
      authorId,
      text: 'How do I mute strings?',
      upvoterIds: [],
      answered: false,
      createdAt: serverTime(),
      ...overrides,
    });

    it('lets a registered user ask as themselves', async () => {
      await expectAllowed(dbAs('remy').collection(`${S}/questions`).add(question('remy')));
    });

    it('denies asking as someone else, unregistered, or with upvotes or an answer preset', async () => {
      await expectDenied(dbAs('remy').collection(`${S}/questions`).add(question('rita')));
      await expectDenied(dbAs('una').collection(`${S}/questions`).add(question('una')));
      await expectDenied(
        dbAs('remy')
          .collection(`${S}/questions`)
          .add(question('remy', { upvoterIds: ['rita', 'hana'] })),
      );
      await expectDenied(
        dbAs('remy')
          .collection(`${S}/questions`)
          .add(question('remy', { answered: true })),
      );
    });

    it('lets someone in the room add and then remove their own upvote', async () => {
      await expectAllowed(
        dbAs('remy')
          .doc(`${S}/questions/q1`)
          .update({ upvoterIds: arrayUnion('remy') }),
      );
      await expectAllowed(
        dbAs('remy')
          .doc(`${S}/questions/q1`)
          .update({ upvoterIds: arrayRemove('remy') }),
      );
    });

    it('denies upvoting as someone else or removing someone else’s upvote', async () => {
      await expectDenied(
        dbAs('remy')
          .doc(`${S}/questions/q1`)
          .update({ upvoterIds: arrayUnion('hana') }),
      );
      await expectDenied(
        dbAs('remy')
          .doc(`${S}/questions/q1`)
          .update({ upvoterIds: arrayRemove('sue') }),
      );
      await expectDenied(
        dbAs('remy')
          .doc(`${S}/questions/q1`)
          .update({ upvoterIds: ['sue', 'remy', 'hana'] }),
      );
    });

    it('denies upvoting twice', async () => {
      await expectDenied(
        dbAs('remy')
          .doc(`${S}/questions/q1`)
          .update({ upvoterIds: ['sue', 'remy', 'remy'] }),
      );
    });

    it('denies an unregistered user upvoting', async () => {
      await expectDenied(
        dbAs('una')
          .doc(`${S}/questions/q1`)
          .update({ upvoterIds: arrayUnion('una') }),
      );
    });

    it('lets the host mark a question answered, and denies anyone else', async () => {
      await expectDenied(dbAs('rita').doc(`${S}/questions/q1`).update({ answered: true }));
      await expectAllowed(dbAs('hana').doc(`${S}/questions/q1`).update({ answered: true }));
    });

    it('denies editing the question text, the host included', async () => {
      await expectDenied(dbAs('rita').doc(`${S}/questions/q1`).update({ text: 'Changed' }));
      await expectDenied(dbAs('hana').doc(`${S}/questions/q1`).update({ text: 'Changed', answered: true }));
    });

    it('lets the host and registered users read questions, and nobody else', async () => {
      await expectAllowed(dbAs('remy').collection(`${S}/questions`).get());
      await expectDenied(dbAs('una').collection(`${S}/questions`).get());
    });
  });

  describe('polls and votes', () => {
    const poll = {
      question: 'Which song?',
      options: ['Wonderwall', 'Blackbird'],
      open: true,
      createdAt: serverTime(),
    };

    it('lets the host create, close and delete polls', async () => {
      await expectAllowed(dbAs('hana').doc(`${S}/polls/p2`).set(poll));
      await expectAllowed(dbAs('hana').doc(`${S}/polls/p2`).update({ open: false }));
      await expectAllowed(dbAs('hana').doc(`${S}/polls/p2`).delete());
    });

    it('denies registered users writing polls', async () => {
      await expectDenied(dbAs('remy').doc(`${S}/polls/p2`).set(poll));
      await expectDenied(dbAs('remy').doc(`${S}/polls/closed`).update({ open: true }));
    });

    it('denies polls with fewer than two options', async () => {
      await expectDenied(
        dbAs('hana')
          .doc(`${S}/polls/p2`)
          .set({ ...poll, options: ['Only'] }),
      );
    });

    it('lets the host create a poll with an empty tally', async () => {
      await expectAllowed(
        dbAs('hana')
          .doc(`${S}/polls/p2`)
          .set({ ...poll, counts: {}, totalVotes: 0 }),
      );
    });

    it('denies the host creating a poll with a preset tally', async () => {
      await expectDenied(
        dbAs('hana')
          .doc(`${S}/polls/p2`)
          .set({ ...poll, counts: { '0': 5 } }),
      );
      await expectDenied(
        dbAs('hana')
          .doc(`${S}/polls/p2`)
          .set({ ...poll, totalVotes: 5 }),
      );
    });

    it('lets the host close a poll that has a tally, leaving the tally alone', async () => {
      await expectAllowed(
        dbAs('hana').doc(`${S}/polls/open`).update({ open: false, updatedAt: serverTime() }),
      );
    });

    it('locks the options once a vote is counted; the question and open state stay editable', async () => {
      await expectDenied(
        dbAs('hana')
          .doc(`${S}/polls/open`)
          .update({ options: ['Strumming', 'Fingerpicking', 'Scales'] }),
      );
      await expectDenied(
        dbAs('hana')
          .doc(`${S}/polls/open`)
          .update({ options: ['Fingerpicking', 'Strumming', 'Theory'], open: false }),
      );
      await expectAllowed(dbAs('hana').doc(`${S}/polls/open`).update({ question: 'Next topic, please?' }));
      // A poll nobody voted in yet (no tally, or a tally of 0) can still be reworded.
      await expectAllowed(
        dbAs('hana')
          .doc(`${S}/polls/closed`)
          .update({ options: ['Slow', 'Medium', 'Fast'] }),
      );
      await expectAllowed(
        dbAs('hana')
          .doc(`${S2}/polls/open`)
          .update({ options: ['A', 'B', 'C'] }),
      );
    });

    it('denies the host changing the tally (counts and totalVotes are server-only)', async () => {
      await expectDenied(
        dbAs('hana')
          .doc(`${S}/polls/open`)
          .update({ counts: { '0': 9 } }),
      );
      await expectDenied(dbAs('hana').doc(`${S}/polls/open`).update({ totalVotes: 9 }));
      await expectDenied(dbAs('hana').doc(`${S}/polls/closed`).update({ open: true, totalVotes: 1 }));
    });

    it('lets the host and registered users read polls, and nobody else', async () => {
      await expectAllowed(dbAs('rita').collection(`${S}/polls`).get());
      await expectDenied(dbAs('una').collection(`${S}/polls`).get());
    });

    it('lets a user in the room read their own vote, and the host read every vote', async () => {
      await expectAllowed(dbAs('remy').doc(`${S}/polls/open/votes/remy`).get());
      await expectAllowed(dbAs('rita').doc(`${S}/polls/open/votes/rita`).get());
      await expectAllowed(dbAs('hana').collection(`${S}/polls/open/votes`).get());
    });

    it('denies reading someone else’s vote or all votes, unless host', async () => {
      await expectDenied(dbAs('rita').doc(`${S}/polls/open/votes/remy`).get());
      await expectDenied(dbAs('rita').collection(`${S}/polls/open/votes`).get());
      await expectDenied(dbAs('una').collection(`${S}/polls/open/votes`).get());
    });

    it('lets a registered user vote once for an option of an open poll', async () => {
      await expectAllowed(
        dbAs('rita')
          .doc(`${S}/polls/open/votes/rita`)
          .set({ uid: 'rita', optionIndex: 2, createdAt: serverTime() }),
      );
    });

    it('denies a vote that sets the server-only countedAt or ignored', async () => {
      const vote = dbAs('rita').doc(`${S}/polls/open/votes/rita`);
      await expectDenied(vote.set({ uid: 'rita', optionIndex: 0, countedAt: serverTime() }));
      await expectDenied(vote.set({ uid: 'rita', optionIndex: 0, ignored: true }));
    });

    it('denies a user marking their vote counted or ignored afterwards', async () => {
      await expectDenied(dbAs('remy').doc(`${S}/polls/open/votes/remy`).update({ ignored: true }));
    });

    it('denies a vote whose uid field names someone else', async () => {
      await expectDenied(dbAs('rita').doc(`${S}/polls/open/votes/rita`).set({ uid: 'una', optionIndex: 2 }));
    });

    it('denies voting twice or changing a vote', async () => {
      await expectDenied(dbAs('remy').doc(`${S}/polls/open/votes/remy`).set({ optionIndex: 1 }));
      await expectDenied(dbAs('remy').doc(`${S}/polls/open/votes/remy`).update({ optionIndex: 1 }));
      await expectDenied(dbAs('remy').doc(`${S}/polls/open/votes/remy`).delete());
    });

    it('denies voting as someone else', async () => {
      await expectDenied(dbAs('rita').doc(`${S}/polls/open/votes/una`).set({ optionIndex: 0 }));
    });

    it('denies an option index out of range or not an integer', async () => {
      const vote = dbAs('rita').doc(`${S}/polls/open/votes/rita`);
      await expectDenied(vote.set({ optionIndex: 3 }));
      await expectDenied(vote.set({ optionIndex: -1 }));
      await expectDenied(vote.set({ optionIndex: 1.5 }));
      await expectDenied(vote.set({ optionIndex: '1' }));
    });

    it('denies voting in a closed poll', async () => {
      await expectDenied(dbAs('rita').doc(`${S}/polls/closed/votes/rita`).set({ optionIndex: 0 }));
    });

    it('denies unregistered and suspended users voting', async () => {
      await expectDenied(dbAs('una').doc(`${S}/polls/open/votes/una`).set({ optionIndex: 0 }));
      await expectDenied(dbAs('sue').doc(`${S}/polls/open/votes/sue`).set({ optionIndex: 0 }));
    });
  });

  describe('hands', () => {
    it('lets a registered user raise and lower their own hand', async () => {
      await expectAllowed(dbAs('rita').doc(`${S}/hands/rita`).set({ uid: 'rita', raisedAt: serverTime() }));
      await expectAllowed(dbAs('rita').doc(`${S}/hands/rita`).delete());
    });

    it('denies raising someone else’s hand or raising it unregistered', async () => {
      await expectDenied(dbAs('rita').doc(`${S}/hands/remy`).set({ raisedAt: serverTime() }));
      await expectDenied(dbAs('rita').doc(`${S}/hands/rita`).set({ uid: 'remy', raisedAt: serverTime() }));
      await expectDenied(dbAs('una').doc(`${S}/hands/una`).set({ raisedAt: serverTime() }));
    });

    it('denies a client-chosen raisedAt', async () => {
      await expectDenied(dbAs('rita').doc(`${S}/hands/rita`).set({ raisedAt: clientTime() }));
    });

    it('lets the host lower anyone’s hand, but not another attendee', async () => {
      await expectDenied(dbAs('rita').doc(`${S}/hands/remy`).delete());
      await expectAllowed(dbAs('hana').doc(`${S}/hands/remy`).delete());
    });

    it('lets the host and registered users see raised hands, and nobody else', async () => {
      await expectAllowed(dbAs('rita').collection(`${S}/hands`).get());
      await expectDenied(dbAs('una').collection(`${S}/hands`).get());
    });
  });
  describe('enrolled learners of the linked course (no registration needed)', () => {
    it('lets an active enrolment read and post in the room of a linked session', async () => {
      await expectAllowed(dbAs('erin').collection(`${S2}/chat`).get());
      await expectAllowed(
        dbAs('erin').collection(`${S2}/chat`).add({ senderId: 'erin', text: 'Hi', createdAt: serverTime() }),
      );
      await expectAllowed(
        dbAs('erin').doc(`${S2}/polls/open/votes/erin`).set({ optionIndex: 1, createdAt: serverTime() }),
      );
    });

    it('denies a refunded enrolment, and an enrolment in another session’s course', async () => {
      await expectDenied(dbAs('rex').collection(`${S2}/chat`).get());
      await expectDenied(
        dbAs('rex').collection(`${S2}/chat`).add({ senderId: 'rex', text: 'Hi', createdAt: serverTime() }),
      );
      await expectDenied(dbAs('erin').collection(`${S}/chat`).get());
    });
  });

  describe('speakers (allowed to speak)', () => {
    it('leaves granting and revoking to the server (moderateLiveParticipant), the host included', async () => {
      await expectDenied(
        dbAs('hana').doc(`${S}/speakers/remy`).set({ uid: 'remy', grantedAt: serverTime() }),
      );
      await expectDenied(dbAs('hana').doc(`${S}/speakers/rita`).delete());
    });

    it('denies attendees granting themselves or others the right to speak, or revoking it', async () => {
      await expectDenied(
        dbAs('remy').doc(`${S}/speakers/remy`).set({ uid: 'remy', grantedAt: serverTime() }),
      );
      await expectDenied(
        dbAs('rita').doc(`${S}/speakers/remy`).set({ uid: 'remy', grantedAt: serverTime() }),
      );
      await expectDenied(dbAs('rita').doc(`${S}/speakers/rita`).delete());
    });

    it('lets people in the room read speakers, and nobody else', async () => {
      await expectAllowed(dbAs('remy').collection(`${S}/speakers`).get());
      await expectDenied(dbAs('una').collection(`${S}/speakers`).get());
    });
  });

  describe('removed from the room', () => {
    beforeEach(async () => {
      await seed({ [`${S}/removed/remy`]: { uid: 'remy', removedAt: clientTime(), removedBy: 'hana' } });
    });

    it('lets the removed person and the host read the removal, and nobody else', async () => {
      await expectAllowed(dbAs('remy').doc(`${S}/removed/remy`).get());
      await expectAllowed(dbAs('hana').doc(`${S}/removed/remy`).get());
      await expectDenied(dbAs('rita').doc(`${S}/removed/remy`).get());
    });

    it('denies the removed attendee clearing or rewriting their removal', async () => {
      await expectDenied(dbAs('remy').doc(`${S}/removed/remy`).delete());
      await expectDenied(
        dbAs('remy')
          .doc(`${S}/removed/remy`)
          .set({ uid: 'remy', removedAt: serverTime(), removedBy: 'remy' }),
      );
      await expectDenied(dbAs('remy').doc(`${S}/removed/remy`).update({ uid: 'someone-else' }));
    });

    it('denies anyone writing a removal from a client, the host included (the callable records it)', async () => {
      await expectDenied(
        dbAs('hana')
          .doc(`${S}/removed/rita`)
          .set({ uid: 'rita', removedAt: serverTime(), removedBy: 'hana' }),
      );
      await expectDenied(dbAs('hana').doc(`${S}/removed/remy`).delete());
    });

    it('keeps the removed attendee out of the room’s chat, questions, hands and polls', async () => {
      await expectDenied(dbAs('remy').collection(`${S}/chat`).get());
      await expectDenied(
        dbAs('remy')
          .collection(`${S}/chat`)
          .add({ senderId: 'remy', text: 'Back!', createdAt: serverTime() }),
      );
      await expectDenied(dbAs('remy').collection(`${S}/questions`).get());
      await expectDenied(dbAs('remy').doc(`${S}/hands/remy`).set({ uid: 'remy', raisedAt: serverTime() }));
      await expectDenied(
        dbAs('remy').doc(`${S}/polls/closed/votes/remy`).set({ uid: 'remy', optionIndex: 0 }),
      );
      // Everyone else is still in.
      await expectAllowed(dbAs('rita').collection(`${S}/chat`).get());
    });
  });

  describe('presence', () => {
    // l1 is live: rita has been here 20 min (last heartbeat 30 s ago); remy's stay of 20 min
    // ended 10 min ago (60 s from an earlier stay); rose is registered and not in the room yet.
    const L = 'liveSessions/l1';
    const ago = (sec: number) => timestamp(new Date(Date.now() - sec * 1000));
    beforeEach(async () => {
      await seed({
        ...profiles('rose'),
        [L]: liveSession({ status: 'live', startedAt: ago(3600) }),
        [`${L}/registrations/rita`]: { uid: 'rita', registeredAt: clientTime() },
        [`${L}/registrations/remy`]: { uid: 'remy', registeredAt: clientTime() },
        [`${L}/registrations/rose`]: { uid: 'rose', registeredAt: clientTime() },
        [`${L}/registrations/sue`]: { uid: 'sue', registeredAt: clientTime() },
        [`${L}/presence/rita`]: {
          uid: 'rita',
          displayName: 'User rita',
          photoURL: null,
          present: true,
          joinedAt: ago(1230),
          lastSeenAt: ago(30),
        },
        [`${L}/presence/remy`]: {
          uid: 'remy',
          displayName: 'User remy',
          photoURL: null,
          present: true,
          joinedAt: ago(1800),
          lastSeenAt: ago(600),
          earlierSec: 60,
        },
        [`${S3}/presence/rita`]: {
          uid: 'rita',
          displayName: 'User rita',
          photoURL: null,
          present: true,
          joinedAt: ago(120),
          lastSeenAt: ago(30),
        },
      });
    });
    const here = (uid: string, overrides: DocData = {}) => ({
      uid,
      displayName: `User ${uid}`,
      photoURL: null,
      present: true,
      joinedAt: serverTime(),
      lastSeenAt: serverTime(),
      ...overrides,
    });
    const beat = (uid: string, overrides: DocData = {}) => ({
      present: true,
      lastSeenAt: serverTime(),
      displayName: `User ${uid}`,
      photoURL: null,
      ...overrides,
    });

    it('lets someone in the room announce themselves (profile name) while the session is live', async () => {
      await expectAllowed(dbAs('rose').doc(`${L}/presence/rose`).set(here('rose')));
      await expectAllowed(dbAs('hana').doc(`${L}/presence/hana`).set(here('hana')));
    });

    it('denies presence before the session is live and after it ended', async () => {
      await expectDenied(dbAs('remy').doc(`${S}/presence/remy`).set(here('remy')));
      await expectDenied(dbAs('rita').doc(`${S3}/presence/rita`).update(beat('rita')));
      await expectDenied(dbAs('rita').doc(`${S3}/presence/remy`).set(here('rita')));
    });

    it('denies a name or photo other than the profile’s', async () => {
      await expectDenied(
        dbAs('rose')
          .doc(`${L}/presence/rose`)
          .set(here('rose', { displayName: 'User hana' })),
      );
      await expectDenied(
        dbAs('rose')
          .doc(`${L}/presence/rose`)
          .set(here('rose', { photoURL: 'https://example.test/hana.png' })),
      );
      await expectDenied(
        dbAs('rita')
          .doc(`${L}/presence/rita`)
          .update(beat('rita', { displayName: 'Host' })),
      );
    });

    it('denies backdated or client times and a head start of earlier time', async () => {
      await expectDenied(
        dbAs('rose')
          .doc(`${L}/presence/rose`)
          .set(here('rose', { joinedAt: clientTime() })),
      );
      await expectDenied(
        dbAs('rose')
          .doc(`${L}/presence/rose`)
          .set(here('rose', { lastSeenAt: clientTime() })),
      );
      await expectDenied(
        dbAs('rose')
          .doc(`${L}/presence/rose`)
          .set(here('rose', { earlierSec: 600 })),
      );
      await expectDenied(dbAs('rita').doc(`${L}/presence/rita`).update({ joinedAt: clientTime() }));
    });

    it('continues a stay with heartbeats within 3 minutes, and lets the person leave', async () => {
      await expectAllowed(dbAs('rita').doc(`${L}/presence/rita`).update(beat('rita')));
      await expectAllowed(
        dbAs('rita')
          .doc(`${L}/presence/rita`)
          .update(beat('rita', { present: false })),
      );
      // Back after leaving: the heartbeat alone is refused; a new stay is allowed.
      await expectDenied(dbAs('rita').doc(`${L}/presence/rita`).update(beat('rita')));
    });

    it('after a gap, only a new stay that carries at most the ended stay', async () => {
      await expectDenied(dbAs('remy').doc(`${L}/presence/remy`).update(beat('remy')));
      const fresh = { joinedAt: serverTime() };
      // The ended stay lasted 1200 s; 60 s were already earlier.
      await expectDenied(
        dbAs('remy')
          .doc(`${L}/presence/remy`)
          .update(beat('remy', { ...fresh, earlierSec: 1261 })),
      );
      await expectDenied(
        dbAs('remy')
          .doc(`${L}/presence/remy`)
          .update(beat('remy', { ...fresh, earlierSec: 30 })),
      );
      await expectDenied(
        dbAs('remy')
          .doc(`${L}/presence/remy`)
          .update(beat('remy', { joinedAt: clientTime(), earlierSec: 1260 })),
      );
      await expectAllowed(
        dbAs('remy')
          .doc(`${L}/presence/remy`)
          .update(beat('remy', { ...fresh, earlierSec: 1260 })),
      );
    });

    it('denies presence for someone else, outside the room, suspended, or deleting it', async () => {
      await expectDenied(dbAs('remy').doc(`${L}/presence/rose`).set(here('rose')));
      await expectDenied(dbAs('una').doc(`${L}/presence/una`).set(here('una')));
      await expectDenied(dbAs('sue').doc(`${L}/presence/sue`).set(here('sue')));
      await expectDenied(dbAs('rita').doc(`${L}/presence/rita`).delete());
    });

    it('lets each person read only their own presence: the room listens to the roster', async () => {
      await expectAllowed(dbAs('rita').doc(`${L}/presence/rita`).get());
      await expectDenied(dbAs('rita').doc(`${L}/presence/remy`).get());
      await expectDenied(dbAs('rose').collection(`${L}/presence`).get());
      await expectDenied(dbAs('hana').collection(`${L}/presence`).get());
      await expectDenied(dbAs('una').doc(`${L}/presence/una`).get());
    });

    it('denies the server-kept expiry from a client', async () => {
      const expireAt = timestamp(new Date(Date.now() + 3_600_000));
      await expectDenied(dbAs('rose').doc(`${L}/presence/rose`).set(here('rose', { expireAt })));
      await expectDenied(dbAs('rita').doc(`${L}/presence/rita`).update(beat('rita', { expireAt })));
    });
  });

  describe('roster and folds (issue 17: the room reads one folded "who\u2019s here")', () => {
    const L = 'liveSessions/l1';
    const roster = {
      people: [{ uid: 'hana', displayName: 'User hana', photoURL: null, role: 'host' }],
      count: 1,
      seq: 1,
    };
    beforeEach(async () => {
      await seed({
        [L]: liveSession({ status: 'live' }),
        [`${L}/registrations/rita`]: { uid: 'rita', registeredAt: clientTime() },
        [`${L}/roster/current`]: roster,
        [`${L}/folds/roster`]: { foldedAt: clientTime(), seq: 1 },
        [`${L}/folds/poll_p1`]: { foldedAt: clientTime(), seq: 1 },
      });
    });

    it('lets the room read the roster, and nobody else', async () => {
      await expectAllowed(dbAs('hana').doc(`${L}/roster/current`).get());
      await expectAllowed(dbAs('rita').doc(`${L}/roster/current`).get());
      await expectDenied(dbAs('una').doc(`${L}/roster/current`).get());
      await expectDenied(anonDb().doc(`${L}/roster/current`).get());
    });

    it('denies every client write to the roster and the fold state, the host’s included', async () => {
      const me = {
        ...roster,
        people: [{ uid: 'rita', displayName: 'User rita', photoURL: null, role: 'host' }],
      };
      await expectDenied(dbAs('rita').doc(`${L}/roster/current`).set(me));
      await expectDenied(dbAs('rita').doc(`${L}/roster/current`).update({ count: 500 }));
      await expectDenied(dbAs('hana').doc(`${L}/roster/current`).update({ count: 0 }));
      await expectDenied(dbAs('hana').doc(`${L}/roster/current`).delete());
      await expectDenied(dbAs('rita').doc(`${L}/folds/roster`).set({ runAt: clientTime() }));
      await expectDenied(dbAs('hana').doc(`${L}/folds/poll_p1`).update({ seq: 0 }));
      await expectDenied(dbAs('hana').doc(`${L}/folds/roster`).get());
    });
  });

  describe('feedback', () => {
    const feedback = (overrides: DocData = {}) => ({
      rating: 5,
      comment: 'Clear and practical',
      createdAt: serverTime(),
      ...overrides,
    });

    it('lets an attendee rate an ended session once (registered or recorded in attendance)', async () => {
      await expectAllowed(dbAs('remy').doc(`${S3}/feedback/remy`).set(feedback()));
      await expectDenied(
        dbAs('remy')
          .doc(`${S3}/feedback/remy`)
          .set(feedback({ rating: 1 })),
      );
      await expectDenied(dbAs('rita').doc(`${S3}/feedback/rita`).update({ rating: 5 }));
    });

    it('denies feedback before the session ended, from non-attendees, or as someone else', async () => {
      await expectDenied(dbAs('rita').doc(`${S}/feedback/rita`).set(feedback()));
      await expectDenied(dbAs('una').doc(`${S3}/feedback/una`).set(feedback()));
      await expectDenied(dbAs('remy').doc(`${S3}/feedback/una`).set(feedback()));
    });

    it('denies a rating outside 1–5, a comment over 2000 characters, extra fields or a client time', async () => {
      const ref = dbAs('remy').doc(`${S3}/feedback/remy`);
      await expectDenied(ref.set(feedback({ rating: 0 })));
      await expectDenied(ref.set(feedback({ rating: 6 })));
      await expectDenied(ref.set(feedback({ rating: 4.5 })));
      await expectDenied(ref.set(feedback({ comment: text(2001) })));
      await expectDenied(ref.set(feedback({ hostId: 'hana' })));
      await expectDenied(ref.set(feedback({ createdAt: clientTime() })));
      await expectAllowed(ref.set(feedback({ comment: text(2000) })));
    });

    it('lets the author and the host read feedback, and nobody else', async () => {
      await expectAllowed(dbAs('rita').doc(`${S3}/feedback/rita`).get());
      await expectAllowed(dbAs('hana').collection(`${S3}/feedback`).get());
      await expectDenied(dbAs('remy').doc(`${S3}/feedback/rita`).get());
    });
  });
});

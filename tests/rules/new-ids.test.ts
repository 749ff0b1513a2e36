// Issue 14, item 1: every id a client gives a document it creates matches isNewId (letters, digits,
// '_' and '-', 1–128, not __reserved__; NEW_DOCUMENT_ID_PATTERN in domain/src/contracts/ids.ts), so
// "hx intro" or "__x__" can no longer be made from a client — while documents that already have
// such ids (older data, the Admin SDK) are still read and updated.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clientTime,
  type DocData,
  dbAs,
  describeRules,
  EDUCATOR,
  expectAllowed,
  expectDenied,
  profiles,
  seed,
  serverTime,
  timestamp,
  useRulesTestEnv,
} from './helpers';

const BAD_IDS = ['hy intro', 'a.b', 'émile', 'x'.repeat(129)];

/** `__x__`: Firestore itself refuses reserved ids (INVALID_ARGUMENT) before the rules (which refuse it too). */
async function expectRefusedAtAll(write: Promise<unknown>): Promise<void> {
  await expect(write).rejects.toMatchObject({
    code: expect.stringMatching(/permission-denied|invalid-argument/),
  });
}

const lecture = (): DocData => ({
  title: 'Holding the pick',
  order: 1,
  sectionId: 's1',
  videoUrl: null,
  durationSec: 300,
  preview: false,
  body: '',
  resources: [],
});
const quiz = (): DocData => ({
  title: 'Chords',
  questions: [{ id: 'a', prompt: 'Which?', type: 'single', options: ['C', 'G'] }],
  passingScore: 80,
});
const course = (): DocData => ({
  instructorId: 'inez',
  title: 'Guitar from zero',
  description: 'Chords.',
  category: 'programming',
  tags: ['python'],
  level: 'beginner',
  price: 0,
  currency: 'USD',
  thumbnailUrl: null,
  status: 'draft',
  sections: [],
  totalLectures: 0,
  rating: { average: 0, count: 0 },
  enrollmentCount: 0,
  certificate: { enabled: false, passingScore: 0 },
  createdAt: serverTime(),
  updatedAt: serverTime(),
});
const liveSession = (): DocData => ({
  hostId: 'hana',
  title: 'Live Q&A',
  description: 'Questions',
  courseId: null,
  scheduledAt: timestamp(new Date('2026-12-10T18:00:00Z')),
  durationMin: 60,
  capacity: 50,
  status: 'scheduled',
  registeredCount: 0,
  recordingEnabled: false,
  createdAt: serverTime(),
});
const exchangeSession = (): DocData => ({
  scheduledAt: timestamp(new Date('2026-12-08T18:00:00Z')),
  durationMin: 60,
  status: 'scheduled',
  notes: 'Chords',
  createdBy: 'rae',
  createdAt: serverTime(),
});

/** Each client create, as [who, path of the collection, data]: allowed with a normal id. */
const CREATES: [string, { uid: string; claims?: typeof EDUCATOR }, string, () => DocData][] = [
  ['course', { uid: 'inez', claims: EDUCATOR }, 'courses', course],
  [
    'lecture',
    { uid: 'inez', claims: EDUCATOR },
    'courses/c1/lectures',
    () => ({ ...lecture(), createdAt: serverTime() }),
  ],
  ['quiz', { uid: 'inez', claims: EDUCATOR }, 'courses/c1/quizzes', quiz],
  ['quiz key', { uid: 'inez', claims: EDUCATOR }, 'courses/c1/quizKeys', () => ({ answers: { a: 0 } })],
  [
    'exchange message',
    { uid: 'rae' },
    'exchanges/x1/messages',
    () => ({ senderId: 'rae', text: 'Hi', createdAt: serverTime() }),
  ],
  ['exchange session', { uid: 'rae' }, 'exchanges/x1/sessions', exchangeSession],
  [
    'swap-cycle message',
    { uid: 'ana' },
    'exchangeCycles/cy1/messages',
    () => ({ senderId: 'ana', text: 'Hi all', createdAt: serverTime() }),
  ],
  ['live session', { uid: 'hana', claims: EDUCATOR }, 'liveSessions', liveSession],
  [
    'live chat message',
    { uid: 'rita' },
    'liveSessions/s1/chat',
    () => ({ senderId: 'rita', text: 'Hello', createdAt: serverTime() }),
  ],
  [
    'live question',
    { uid: 'rita' },
    'liveSessions/s1/questions',
    () => ({
      authorId: 'rita',
      text: 'Barre chords?',
      upvoterIds: [],
      answered: false,
      createdAt: serverTime(),
    }),
  ],
  [
    'live poll',
    { uid: 'hana' },
    'liveSessions/s1/polls',
    () => ({ question: 'Next?', options: ['A', 'B'], open: true, createdAt: serverTime() }),
  ],
];

describeRules('ids of documents clients create (isNewId)', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('inez', 'rae', 'pia', 'ana', 'ben', 'caro', 'hana', 'rita'),
      'courses/c1': { ...course(), createdAt: clientTime(), updatedAt: clientTime() },
      // Older data with an id clients can no longer make.
      'courses/c1/lectures/hx intro': { ...lecture(), createdAt: clientTime() },
      'courses/c1/quizzes/final exam': quiz(),
      'courses/c1/quizKeys/final exam': { answers: { a: 0 } },
      'exchanges/x1': {
        requesterId: 'rae',
        providerId: 'pia',
        participants: ['rae', 'pia'],
        status: 'active',
        createdAt: clientTime(),
      },
      'exchangeCycles/cy1': { participants: ['ana', 'ben', 'caro'], status: 'active' },
      'liveSessions/s1': { ...liveSession(), createdAt: clientTime() },
      'liveSessions/s1/registrations/rita': { uid: 'rita', registeredAt: clientTime() },
    });
  });

  describe.each(CREATES)('%s', (_what, who, collection, data) => {
    it('is created with an auto-id or a readable id', async () => {
      const db = dbAs(who.uid, who.claims);
      await expectAllowed(db.collection(collection).add(data()));
      await expectAllowed(db.collection(collection).doc('final_2-b').set(data()));
    });

    it.each(BAD_IDS)('is not created with the id %j', async (id) => {
      await expectDenied(dbAs(who.uid, who.claims).collection(collection).doc(id).set(data()));
    });

    it('is not created with the reserved id "__x__"', async () => {
      await expectRefusedAtAll(dbAs(who.uid, who.claims).collection(collection).doc('__x__').set(data()));
    });
  });

  it('leaves speaker grants to the server (moderateLiveParticipant), whatever the id', async () => {
    const speakers = dbAs('hana').collection('liveSessions/s1/speakers');
    await expectDenied(speakers.doc('rita').set({ uid: 'rita', grantedAt: serverTime() }));
    await expectRefusedAtAll(speakers.doc('__x__').set({ uid: '__x__', grantedAt: serverTime() }));
  });

  describe('documents that already have such ids keep working', () => {
    it('reads and updates the lecture "hx intro"', async () => {
      const ref = dbAs('inez', EDUCATOR).doc('courses/c1/lectures/hx intro');
      await expectAllowed(ref.get());
      await expectAllowed(ref.update({ title: 'HX intro, revised', updatedAt: serverTime() }));
      await expectAllowed(ref.set({ ...lecture(), title: 'Replaced', updatedAt: serverTime() }));
      await expectAllowed(ref.delete());
    });

    it('reads and updates the quiz "final exam" and its key', async () => {
      const db = dbAs('inez', EDUCATOR);
      await expectAllowed(db.doc('courses/c1/quizzes/final exam').get());
      await expectAllowed(
        db.doc('courses/c1/quizzes/final exam').set({ ...quiz(), passingScore: 70 }, { merge: true }),
      );
      await expectAllowed(db.doc('courses/c1/quizKeys/final exam').set({ answers: { a: 1 } }));
    });
  });
});

// liveSessions/{id}/private/recording (issue 16, item 1): the recording link is for the people the
// session was for — host, admins, registrants (no-shows too), enrolled learners of the linked
// course, attendees — never the public; only functions write it.
import { beforeEach, it } from 'vitest';
import {
  ADMIN,
  anonDb,
  clientTime,
  type DocData,
  dbAs,
  describeRules,
  expectAllowed,
  expectDenied,
  profiles,
  seed,
  timestamp,
  useRulesTestEnv,
} from './helpers';

function endedSession(overrides: DocData = {}): DocData {
  return {
    hostId: 'hana',
    title: 'Recorded chords',
    description: '',
    courseId: null,
    scheduledAt: timestamp(new Date('2026-11-10T18:00:00Z')),
    durationMin: 60,
    capacity: 50,
    status: 'ended',
    registeredCount: 1,
    recordingEnabled: true,
    createdAt: clientTime(),
    ...overrides,
  };
}

const S = 'liveSessions/s1';
const S2 = 'liveSessions/s2';
const REC = `${S}/private/recording`;
const REC2 = `${S2}/private/recording`;
const recording = { url: 'https://videos.example.com/chords.mp4', source: 'host', updatedAt: clientTime() };

describeRules('liveSessions/{id}/private/recording', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      // rita registered (no-show); ada attended without a registration left; una is a stranger;
      // erin is enrolled in the course s2 belongs to.
      ...profiles('hana', 'rita', 'ada', 'una', 'erin', 'root'),
      'courses/hanas': { instructorId: 'hana', title: 'Guitar', status: 'published' },
      'enrollments/hanas_erin': { uid: 'erin', courseId: 'hanas', status: 'active' },
      [S]: endedSession(),
      [`${S}/registrations/rita`]: { uid: 'rita', registeredAt: clientTime() },
      [`${S}/attendance/ada`]: { uid: 'ada', totalSec: 1800 },
      [REC]: recording,
      [S2]: endedSession({ courseId: 'hanas' }),
      [REC2]: recording,
      [`${S}/private/other`]: { secret: true },
    });
  });

  it('is read by the host, an admin, a registrant, an attendee and an enrolled learner of the course', async () => {
    await expectAllowed(dbAs('hana').doc(REC).get());
    await expectAllowed(dbAs('root', ADMIN).doc(REC).get());
    await expectAllowed(dbAs('rita').doc(REC).get());
    await expectAllowed(dbAs('ada').doc(REC).get());
    await expectAllowed(dbAs('erin').doc(REC2).get());
  });

  it('is not read by the public, a stranger, or a learner of another session; no other private doc is readable', async () => {
    await expectDenied(anonDb().doc(REC).get());
    await expectDenied(dbAs('una').doc(REC).get());
    await expectDenied(dbAs('erin').doc(REC).get());
    await expectDenied(dbAs('hana').doc(`${S}/private/other`).get());
  });

  it('is written by nobody from a client, the host included', async () => {
    const hijack = { url: 'https://evil.example.com/x', source: 'host', updatedAt: clientTime() };
    await expectDenied(dbAs('hana').doc(REC).set(hijack));
    await expectDenied(dbAs('hana').doc(REC).update({ url: 'https://evil.example.com/x' }));
    await expectDenied(dbAs('hana').doc(REC).delete());
    await expectDenied(dbAs('rita').doc(REC).update({ url: null }));
    await expectDenied(dbAs('root', ADMIN).doc(REC).set(hijack));
    await expectDenied(dbAs('hana').doc(`${S2}/private/recording`).set(hijack));
  });

  it('keeps the link off the public session document: the host cannot write recordingUrl there', async () => {
    await seed({ 'liveSessions/s3': endedSession({ status: 'scheduled' }) });
    await expectDenied(
      dbAs('hana').doc('liveSessions/s3').update({ recordingUrl: 'https://evil.example.com/x' }),
    );
  });
});

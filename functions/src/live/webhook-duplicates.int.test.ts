// Duplicate LiveKit deliveries at the same moment (issue 14): 20 concurrent deliveries of one
// signed participant_joined, then of one room_finished, to the emulator's real livekitWebhook all
// answer 2xx, and each event takes effect exactly once.
import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import { pointEventId } from '@skillverse/domain/gamification';
import { afterAll, describe, expect, it } from 'vitest';
import {
  deleteUserData,
  emulatorsRunning,
  httpFunctionUrl,
  seedProfile,
  testDb,
  uniqueId,
  waitFor,
} from '../../test/emulator';
import {
  participantJoined,
  postLiveKitDelivery,
  roomFinished,
  signedLiveKitDelivery,
} from '../../test/livekit-events';
import { warmWorkers } from '../../test/warm-workers';

const cleanup: { uids: string[]; sessions: string[] } = { uids: [], sessions: [] };

describe.skipIf(!emulatorsRunning)('livekitWebhook: concurrent duplicate deliveries', () => {
  afterAll(async () => {
    for (const id of cleanup.sessions)
      await testDb()
        .recursiveDelete(testDb().doc(`liveSessions/${id}`))
        .catch(() => {});
    for (const uid of cleanup.uids) await deleteUserData(testDb(), uid).catch(() => {});
  });

  it('20 deliveries of one participant_joined, then of one room_finished, at once: all 200, each applied once', async () => {
    const db = testDb();
    const hostId = uniqueId('dup-host');
    const attendee = uniqueId('dup-attendee');
    cleanup.uids.push(hostId, attendee);
    await seedProfile(db, hostId, { displayName: 'Hana Host', roles: ['educator'] });
    await seedProfile(db, attendee, { displayName: 'Ada Attendee' });
    const sessionId = uniqueId('dup-ls');
    cleanup.sessions.push(sessionId);
    // Whole seconds: LiveKit's createdAt is in seconds.
    const startedAt = new Date(Math.floor((Date.now() - 40 * 60_000) / 1000) * 1000);
    await db.doc(`liveSessions/${sessionId}`).set({
      hostId,
      hostName: 'Hana Host',
      title: 'Duplicates',
      description: '',
      courseId: null,
      scheduledAt: startedAt,
      durationMin: 30,
      capacity: 10,
      status: 'live',
      startedAt,
      attendanceSource: 'livekit',
      registeredCount: 0,
      recordingEnabled: false,
      createdAt: startedAt,
    });

    await warmWorkers(httpFunctionUrl(HTTP_FUNCTIONS.livekitWebhook), 20);
    const joined = await signedLiveKitDelivery(participantJoined(sessionId, attendee, startedAt));
    const joins = await Promise.all(Array.from({ length: 20 }, () => postLiveKitDelivery(joined)));
    expect(joins.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(joins.filter((a) => a.body?.attendance === attendee)).toHaveLength(1);
    expect(joins.filter((a) => a.body?.duplicate === true)).toHaveLength(19);
    const row = await db.doc(`liveSessions/${sessionId}/attendance/${attendee}`).get();
    expect(row.get('sessions')).toBe(1);

    const finishedAt = new Date(startedAt.getTime() + 35 * 60_000);
    const event = roomFinished(sessionId, finishedAt);
    const finished = await signedLiveKitDelivery(event);
    const ends = await Promise.all(Array.from({ length: 20 }, () => postLiveKitDelivery(finished)));
    expect(ends.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(ends.filter((a) => a.body?.ended === true)).toHaveLength(1);
    expect(ends.filter((a) => a.body?.duplicate === true)).toHaveLength(19);

    const session = await db.doc(`liveSessions/${sessionId}`).get();
    expect(session.get('status')).toBe('ended');
    expect(session.get('endedBy')).toBe('room_finished');
    expect(session.get('endedAt').toDate().toISOString()).toBe(
      finishedAt.toISOString().replace(/\.\d+Z$/, '.000Z'),
    );
    const attendance = await db.doc(`liveSessions/${sessionId}/attendance/${attendee}`).get();
    expect(attendance.get('sessions')).toBe(1);
    expect(attendance.get('totalSec')).toBe(35 * 60);
    expect((await db.doc(`liveWebhookEvents/${event.id}`).get()).get('state')).toBe('done');
    const points = await waitFor(
      async () => {
        const ledger = await db
          .collection(`users/${attendee}/pointEvents`)
          .where('reason', '==', 'session_attended')
          .get();
        return ledger.size > 0 ? ledger : undefined;
      },
      { what: 'attendance points' },
    );
    expect(points.docs.map((d) => d.id)).toEqual([pointEventId.sessionAttended(sessionId)]);
    const thanks = await db
      .collection(`notifications/${attendee}/items`)
      .where('type', '==', 'session_reminder')
      .get();
    expect(thanks.docs.map((d) => d.id)).toEqual([`ended_${sessionId}`]);
  }, 600_000);
});

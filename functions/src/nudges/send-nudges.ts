// The nudge job (hourly; issue 8 item 6): inactivity nudges at 1, 3 and 7 days, live-session
// follow-ups and exchange follow-ups — what is due is decided by @skillverse/domain/nudges.
//
// Bounded work: five streams, each one indexed range query over a time window
// (users by gamification.lastActiveAt, ended sessions by endedAt, exchanges by status and
// createdAt/updatedAt), read `pageSize` at a time, at most `maxPerStream` documents per stream per
// run. Where a stream stops at the cap its position is kept in `jobState/sendNudges`, and the next
// run resumes there; a stream read to the end of its window starts again from the beginning.
//
// Exactly once: every nudge has a deterministic key. Before notifying, a transaction creates
// `nudgeLog/{uid}/sends/{key}` unless it exists as `sent`; notify() then uses the deterministic id
// `nudge_<key>` for the in-app item and the mail log, so a concurrent run, a repeated run or a retry
// after a crash (the entry still `sending`) sends nothing twice. The entry becomes `sent` after notify().
//
// Each stream is its own file (inactivity.ts, session-follow-ups.ts, exchange-follow-ups.ts); what
// they share in a run — the people, the send log, the sweep — is nudge-run.ts. This runner reads
// the stored cursors, runs the streams in order and stores where each stopped.
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { isRecord } from '@skillverse/domain/fields';
import { jobStateRef } from '../lib/data/job-state';
import { toDate } from '../lib/firestore';
import { sendExchangeFollowUps } from './exchange-follow-ups';
import { sendInactivityNudges } from './inactivity';
import {
  type Cursor,
  createNudgeRun,
  type NudgeOptions,
  type NudgeRunResult,
  STREAMS,
  type Stream,
} from './nudge-run';
import { sendSessionFollowUps } from './session-follow-ups';

export async function runNudges(
  db: Firestore,
  now: Date,
  options: NudgeOptions = {},
): Promise<NudgeRunResult> {
  const stateRef = jobStateRef(db, 'sendNudges');
  const stateSnap = await stateRef.get();
  const stored = isRecord(stateSnap.get('cursors'))
    ? (stateSnap.get('cursors') as Record<string, unknown>)
    : {};
  const cursors: Partial<Record<Stream, Cursor | null>> = {};
  for (const stream of STREAMS) {
    const c = stored[stream];
    const at = isRecord(c) ? toDate(c.at) : null;
    cursors[stream] = at && isRecord(c) && typeof c.id === 'string' ? { at, id: c.id } : null;
  }
  const run = createNudgeRun(db, now, options, cursors);
  const { result } = run;

  await sendInactivityNudges(run);
  await sendSessionFollowUps(run);
  await sendExchangeFollowUps(run);

  const cursorData = Object.fromEntries(
    STREAMS.map((s) => {
      const c = cursors[s];
      return [s, c ? { at: Timestamp.fromDate(c.at), id: c.id } : null];
    }),
  );
  await stateRef.set({ cursors: cursorData, lastRunAt: now, lastResult: result }, { merge: false });
  logger.info('nudges run', { sent: result.sent, examined: result.examined, failed: result.failed });
  return result;
}

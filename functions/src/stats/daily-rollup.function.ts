import { refreshPlatformStats as contract } from '@skillverse/domain/contracts/stats';
import { type RefreshPlatformStatsResult, utcDay } from '@skillverse/domain/stats';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { appCheckEnforced } from '../config/params';
import { db } from '../lib/admin';
import { requireActiveAdmin } from '../lib/guards';
import { parseInput } from '../lib/validate';
import { runDailyRollup } from './daily-rollup';

/** Closes yesterday (UTC) shortly after midnight: history, active learners, counter reconciliation. */
export const statsDailyRollup = onSchedule(
  { schedule: '10 0 * * *', timeZone: 'Etc/UTC', timeoutSeconds: 300, memory: '512MiB', retryCount: 2 },
  async () => {
    await runDailyRollup(db(), new Date());
  },
);

/** Admin only: roll up a day now (default: today so far) and reconcile the counters. */
export const refreshPlatformStats = onCall(
  { timeoutSeconds: 120, enforceAppCheck: appCheckEnforced() },
  async (request) => {
    await requireActiveAdmin(db(), request);
    const input = parseInput(contract.input, request.data ?? undefined);
    const now = new Date();
    const day = input?.day ?? utcDay(now);
    if (day > utcDay(now)) throw new HttpsError('invalid-argument', `${day} has not started yet (UTC).`);
    const result = await runDailyRollup(db(), now, { day });
    const out: RefreshPlatformStatsResult = { day, corrected: Object.keys(result.drift ?? {}).length };
    return out;
  },
);

import { respondToSwapCycle as respondContract } from '@skillverse/domain/contracts/exchange';
import { onCall } from 'firebase-functions/v2/https';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { appCheckEnforced, SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { parseInput } from '../lib/validate';
import { respondToSwapCycle as respondHandler, runSwapCycles } from './swap-cycles';

/**
 * Swap cycles, daily at 03:15 UTC: expires stale proposals, then proposes 3-way skill swaps to
 * people with no direct match (see swap-cycles.ts). Daily, because skills and availability change
 * slowly and each person should get at most one new proposal a day; one run is bounded (10,000
 * users read, CYCLE_DEFAULTS in the search) and safe to run twice.
 */
export const proposeSwapCycles = onSchedule(
  {
    schedule: '15 3 * * *',
    timeZone: 'Etc/UTC',
    secrets: [SENDGRID_API_KEY],
    timeoutSeconds: 540,
    memory: '1GiB',
  },
  async () => {
    await runSwapCycles(db(), new Date());
  },
);

/** A participant: { cycleId, decision: 'accept' | 'decline' } → the proposal's status and who accepted. */
export const respondToSwapCycle = onCall(
  { enforceAppCheck: appCheckEnforced(), secrets: [SENDGRID_API_KEY] },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(respondContract.input, request.data);
    return respondHandler({ db: db(), now: new Date() }, caller, input);
  },
);

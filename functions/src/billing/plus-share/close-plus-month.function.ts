import { runPlusMonthClose as contract } from '@skillverse/domain/contracts/plus-revenue';
import { plusMonthClosable, previousPlusMonth } from '@skillverse/domain/plus-split';
import { plusMonthOf } from '@skillverse/domain/plus';
import { onCall } from 'firebase-functions/v2/https';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { logger } from 'firebase-functions';
import { appCheckEnforced } from '../../config/params';
import { db } from '../../lib/admin';
import { requireActiveAdmin } from '../../lib/guards';
import { parseInput } from '../../lib/validate';
import { PLATFORM_FEE_BPS } from '../payouts-data';
import { createStripeClient, STRIPE_SECRET_KEY, stripeSecretKey } from '../stripe-config';
import { closePlusMonth as close } from './close-plus-month';

function deps(now: Date) {
  const key = stripeSecretKey();
  return { db: db(), now, feeBps: PLATFORM_FEE_BPS.value(), stripe: key ? createStripeClient(key) : null };
}

/**
 * The monthly Plus revenue share, 06:00 UTC on the 2nd (a day after the month ended): closes the
 * last three months in order, each at most once (a closed month is skipped; docs/plus.md).
 */
export const closePlusMonth = onSchedule(
  {
    schedule: '0 6 2 * *',
    timeZone: 'Etc/UTC',
    secrets: [STRIPE_SECRET_KEY],
    timeoutSeconds: 540,
    memory: '1GiB',
    retryCount: 2,
  },
  async () => {
    const now = new Date();
    const last = previousPlusMonth(plusMonthOf(now));
    const months = [previousPlusMonth(previousPlusMonth(last)), previousPlusMonth(last), last];
    for (const month of months) {
      if (!plusMonthClosable(month, now)) continue;
      const result = await close(deps(now), month);
      logger.info('plus: month closed', { month, state: result.state, statements: result.statements });
    }
  },
);

/** Admin only: { month } → closes that month now (the same job; safe to repeat). */
export const runPlusMonthClose = onCall(
  { timeoutSeconds: 540, memory: '1GiB', secrets: [STRIPE_SECRET_KEY], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    await requireActiveAdmin(db(), request);
    const input = parseInput(contract.input, request.data);
    return close(deps(new Date()), input.month);
  },
);

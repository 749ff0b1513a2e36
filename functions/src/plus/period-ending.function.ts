import { onSchedule } from 'firebase-functions/v2/scheduler';
import { SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { sendPlusPeriodEndingReminders } from './period-ending';

/** Daily: "your Plus membership ends in 3 days" for subscriptions set to cancel. */
export const plusPeriodEndingReminders = onSchedule(
  {
    schedule: '0 9 * * *',
    timeZone: 'Etc/UTC',
    timeoutSeconds: 300,
    retryCount: 2,
    secrets: [SENDGRID_API_KEY],
  },
  async () => {
    await sendPlusPeriodEndingReminders({ db: db(), now: new Date() });
  },
);

import { onSchedule } from 'firebase-functions/v2/scheduler';
import { SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { runLiveSessionJobs } from './jobs';

/** Reminders, expiry of sessions nobody started, and overrun sessions — every 5 minutes. */
export const liveSessionJobs = onSchedule(
  { schedule: 'every 5 minutes', secrets: [SENDGRID_API_KEY], timeoutSeconds: 300 },
  async () => {
    await runLiveSessionJobs(db(), new Date());
  },
);

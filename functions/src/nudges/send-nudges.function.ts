import { onSchedule } from 'firebase-functions/v2/scheduler';
import { SENDGRID_API_KEY, UNSUBSCRIBE_SECRET } from '../config/params';
import { db } from '../lib/admin';
import { runNudges } from './send-nudges';

/**
 * Inactivity nudges and session and exchange follow-ups, hourly at :05 (UTC). Hourly, because the
 * inactivity nudges wait for 09:00–20:00 in each user's time zone; each run is bounded and resumes
 * where the previous one stopped, and sends nothing twice (see send-nudges.ts).
 */
export const sendNudges = onSchedule(
  {
    schedule: '5 * * * *',
    timeZone: 'Etc/UTC',
    // UNSUBSCRIBE_SECRET signs the one-click unsubscribe link of every nudge email.
    secrets: [SENDGRID_API_KEY, UNSUBSCRIBE_SECRET],
    timeoutSeconds: 540,
    memory: '512MiB',
  },
  async () => {
    await runNudges(db(), new Date());
  },
);

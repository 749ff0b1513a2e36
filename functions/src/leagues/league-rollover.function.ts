import { onSchedule } from 'firebase-functions/v2/scheduler';
import { SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { runLeagueRollover } from './leagues';

/**
 * Weekly-league rollover, hourly at :15 (UTC). Hourly, because each user's week ends at Monday
 * 00:00 in their own time zone (and half-hour zones finish within the hour after); each run is
 * bounded and a repeated run records nothing twice (see leagues.ts).
 */
export const leagueRollover = onSchedule(
  {
    schedule: '15 * * * *',
    timeZone: 'Etc/UTC',
    secrets: [SENDGRID_API_KEY],
    timeoutSeconds: 540,
    memory: '512MiB',
  },
  async () => {
    await runLeagueRollover(db(), new Date());
  },
);

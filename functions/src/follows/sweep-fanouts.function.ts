import { onSchedule } from 'firebase-functions/v2/scheduler';
import { SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { sweepStalledFanouts } from './sweep-fanouts';

/** Resumes follower fan-outs whose trigger chain stopped (lease expired) — every 5 minutes. */
export const sweepFanouts = onSchedule(
  { schedule: 'every 5 minutes', secrets: [SENDGRID_API_KEY], timeoutSeconds: 540 },
  async () => {
    await sweepStalledFanouts({ db: db(), now: new Date() });
  },
);

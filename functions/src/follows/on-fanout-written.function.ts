import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { FANOUT_DOC } from '../lib/data/follows';
import { processFanoutBatch } from './fanout';
import { triggerMayDrive } from './sweep-fanouts';

/**
 * Runs a fan-out job one batch at a time: each run moves the job's cursor, and that write runs this
 * again for the next batch until the job is done. Retried: a cut-off run repeats its batch, which
 * notifies nobody twice (deterministic notification ids).
 */
export const onFanoutWritten = onDocumentWritten(
  { document: FANOUT_DOC, secrets: [SENDGRID_API_KEY], retry: true, timeoutSeconds: 300 },
  async (event) => {
    const after = event.data?.after;
    if (!after?.exists || after.get('status') !== 'running') return;
    const now = new Date();
    // A sweeper resuming a stalled job drives it alone until it hands it back (sweep-fanouts.ts).
    if (!triggerMayDrive(after.data() ?? {}, now)) return;
    await processFanoutBatch({ db: db(), now }, event.params.fanoutId);
  },
);

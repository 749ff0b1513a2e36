import { onRequest } from 'firebase-functions/v2/https';
import { APP_URL, DEFAULT_APP_URL } from '../config/params';
import { db } from '../lib/admin';
import { handleCertificatePdf } from './certificate-pdf';

/** GET ?id=<certificateId> → application/pdf (404 unknown id, 400 without id). Public. */
export const certificatePdf = onRequest({ cors: true, memory: '512MiB' }, async (req, res) => {
  await handleCertificatePdf({ db: db(), appUrl: APP_URL.value() || DEFAULT_APP_URL }, req, res);
});

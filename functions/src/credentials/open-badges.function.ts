import { onRequest } from 'firebase-functions/v2/https';
import { APP_URL, DEFAULT_APP_URL } from '../config/params';
import { db } from '../lib/admin';
import { handleOpenBadges } from './open-badges-http';

/** Public issuer profile, JWKS, status list and credentials (see open-badges-http.ts). */
export const openBadges = onRequest({ cors: true }, async (req, res) => {
  await handleOpenBadges({ db: db(), appUrl: APP_URL.value() || DEFAULT_APP_URL }, req, res);
});

import { onRequest } from 'firebase-functions/v2/https';
import { APP_URL, DEFAULT_APP_URL, UNSUBSCRIBE_SECRET } from '../config/params';
import { db } from '../lib/admin';
import { handleUnsubscribe } from './unsubscribe-http';
import { unsubscribeSecret } from './unsubscribe-token';

/** GET ?token= → confirmation page; POST ?token= (RFC 8058 one-click) → that email type off. */
export const unsubscribe = onRequest({ secrets: [UNSUBSCRIBE_SECRET] }, async (req, res) => {
  await handleUnsubscribe(
    { db: db(), secret: unsubscribeSecret(), appUrl: APP_URL.value() || DEFAULT_APP_URL },
    req,
    res,
  );
});

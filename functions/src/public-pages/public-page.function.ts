import { onRequest } from 'firebase-functions/v2/https';
import { APP_URL, DEFAULT_APP_URL } from '../config/params';
import { db } from '../lib/admin';
import { handlePublicPage } from './public-page';

/**
 * GET /courses, /courses/:id, /u/:uid, /certificates/:id/verify (Hosting rewrites) → the page's
 * HTML with its content and share preview, cached by the CDN (public-page.ts, docs/rendering.md).
 * Firestore only: no heavy SDK on this cold path. Concurrency 80 (the default): one instance
 * renders many pages at once, and each render is a document read and string work.
 */
export const publicPage = onRequest({ memory: '256MiB', maxInstances: 50 }, async (req, res) => {
  await handlePublicPage({ db: db(), appUrl: APP_URL.value() || DEFAULT_APP_URL }, req, res);
});

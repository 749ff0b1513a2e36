import { initializeApp } from 'firebase-admin/app';
import { onRequest } from 'firebase-functions/v2/https';

initializeApp();
export const ping = onRequest((_req, res) => {
  res.json({ ok: true });
});

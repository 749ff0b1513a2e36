import { onRequest } from 'firebase-functions/v2/https';
import { SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import {
  LIVEKIT_API_KEY,
  LIVEKIT_API_SECRET,
  LIVEKIT_RECORDINGS_BUCKET,
  webhookKeys,
} from './livekit-config';
import { handleLiveKitWebhook, liveKitVerifier } from './webhook';

/** LiveKit webhooks: signature verified on the raw body; attendance, room_finished and egress_ended. */
export const livekitWebhook = onRequest(
  // Only the key pair: verifying a webhook needs no server URL.
  { secrets: [SENDGRID_API_KEY, LIVEKIT_API_KEY, LIVEKIT_API_SECRET] },
  async (req, res) => {
    if (req.method !== 'POST') {
      res.status(405).json({ error: 'POST only' });
      return;
    }
    const keys = webhookKeys();
    const result = await handleLiveKitWebhook(
      {
        db: db(),
        now: new Date(),
        verify: keys ? liveKitVerifier(keys.apiKey, keys.apiSecret) : null,
        recordingsBucket: LIVEKIT_RECORDINGS_BUCKET.value().trim(),
      },
      { rawBody: req.rawBody, authorization: req.get('authorization') },
    );
    res.status(result.status).json(result.body);
  },
);

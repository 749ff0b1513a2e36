import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { CREDENTIAL_SIGNING_KEY, optionalSecret, SENDGRID_API_KEY } from '../config/params';
import { issuerUrls } from '../credentials/sign-certificate';
import { resolveSigningKey, type SigningKey } from '../credentials/signing-key';
import { db } from '../lib/admin';
import { PAYMENT_DOC } from '../lib/data/payments';
import { takeBackRefundedRewards } from './refund-rewards';

/**
 * A payment whose refund ended the access it granted (rewardsReversal 'pending', set by the
 * webhook's refund transaction): revoke the course certificate and its credential, take back the
 * course's points, stats and badges — once (see refund-rewards.ts).
 */
export const onPaymentRefunded = onDocumentWritten(
  { document: PAYMENT_DOC, secrets: [CREDENTIAL_SIGNING_KEY, SENDGRID_API_KEY], retry: true },
  async (event) => {
    if (event.data?.after?.get('rewardsReversal') !== 'pending') return;
    let key: SigningKey | null = null;
    try {
      key = resolveSigningKey(optionalSecret(CREDENTIAL_SIGNING_KEY));
    } catch {
      key = null;
    }
    const now = new Date();
    await takeBackRefundedRewards(
      { db: db(), now, sign: key ? { db: db(), key, urls: issuerUrls(), now } : null },
      event.params.paymentId,
    );
  },
);

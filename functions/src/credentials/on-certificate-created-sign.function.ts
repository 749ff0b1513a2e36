import { logger } from 'firebase-functions';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { CREDENTIAL_SIGNING_KEY, optionalSecret } from '../config/params';
import { db } from '../lib/admin';
import { issuerUrls, signCertificate } from './sign-certificate';
import { resolveSigningKey, type SigningKey } from './signing-key';
import { CERTIFICATE_DOC } from '../lib/data/certificates';

/**
 * Signs every new certificate (course or exchange) as an Open Badges 3.0 credential, once: the
 * only trigger that holds CREDENTIAL_SIGNING_KEY. A repeat delivery finds it signed and stops.
 * A deployment without the secret logs an error and leaves the certificate unsigned (retrying
 * would not help); backfillCredentials signs it once the secret is set.
 */
export const onCertificateCreatedSign = onDocumentCreated(
  { document: CERTIFICATE_DOC, secrets: [CREDENTIAL_SIGNING_KEY], retry: true },
  async (event) => {
    let key: SigningKey;
    try {
      key = resolveSigningKey(optionalSecret(CREDENTIAL_SIGNING_KEY));
    } catch (error) {
      logger.error('certificate left unsigned: no CREDENTIAL_SIGNING_KEY', {
        certificateId: event.params.certificateId,
        error: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    await signCertificate({ db: db(), key, urls: issuerUrls(), now: new Date() }, event.params.certificateId);
  },
);

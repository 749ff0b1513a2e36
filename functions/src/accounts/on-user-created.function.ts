// 2nd gen has no non-blocking Auth trigger, so this one is 1st gen (setGlobalOptions does not apply,
// so its options are set here). createAccount only creates what is missing, so a
// retried event is harmless: failurePolicy retries it.
import * as functionsV1 from 'firebase-functions/v1';
import { FUNCTIONS_REGION } from '../config/global-options';
import { SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { createAccount } from './create-account';

/** A new Auth user gets users/{uid}, users/{uid}/private/account and a welcome notification. */
export const onUserCreated = functionsV1
  .region(FUNCTIONS_REGION)
  .runWith({
    secrets: [SENDGRID_API_KEY],
    failurePolicy: true,
    memory: '256MB',
    timeoutSeconds: 60,
    maxInstances: 20,
  })
  .auth.user()
  .onCreate(async (user) => {
    await createAccount(db(), {
      uid: user.uid,
      email: user.email ?? null,
      displayName: user.displayName ?? null,
      photoURL: user.photoURL ?? null,
      customClaims: user.customClaims ?? null,
    });
  });

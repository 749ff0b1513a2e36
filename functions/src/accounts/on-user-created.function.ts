// 2nd gen has no non-blocking Auth trigger, so this one is 1st gen.
import * as functionsV1 from 'firebase-functions/v1';
import { SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { createAccount } from './create-account';

/** A new Auth user gets users/{uid}, users/{uid}/private/account and a welcome notification. */
export const onUserCreated = functionsV1
  .runWith({ secrets: [SENDGRID_API_KEY] })
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

// Options every 2nd-gen function starts from; index.ts imports this module first, so it runs before
// any function is defined. A function overrides what it needs (memory, timeoutSeconds) in its own
// *.function.ts. The region must match the web app (VITE_FUNCTIONS_REGION, default us-central1) and
// the certificatePdf rewrite in firebase.json.
import { setGlobalOptions } from 'firebase-functions/v2';

export const FUNCTIONS_REGION = 'us-central1';

setGlobalOptions({
  region: FUNCTIONS_REGION,
  memory: '256MiB',
  timeoutSeconds: 60,
  // A ceiling on cost and on Firestore contention, far above this app's load; raise it with traffic.
  maxInstances: 20,
  // No warm instances by default (they are billed while idle). A function whose first request must be
  // fast (checkout, the Stripe webhook) sets its own `minInstances` in its *.function.ts; cold starts
  // are light because heavy SDKs load on first use (lib/lazy-module.ts, BENCHMARKS.md).
  minInstances: 0,
});

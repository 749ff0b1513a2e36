// The contracts' way in to zod. jitless before any schema exists: zod's JIT probes `new Function`,
// which the site's CSP forbids (no 'unsafe-eval', firebase.json) and reports as a violation even
// though zod catches it. Setting it here, not only in web/src/lib/zod.ts, means it holds whatever
// order the browser evaluates modules in; on the server the JIT gains nothing for inputs this small.
// domain/package.json lists this file under sideEffects, or the bundler would drop the call.
import { z } from 'zod';

z.config({ jitless: true });

export { z };

import { z } from 'zod';

// The app's only way in to zod (scripts/check-boundaries.mjs enforces it), so this runs before any
// schema exists: no `new Function` in the browser. zod's JIT probes for it, and under the site's
// CSP (no 'unsafe-eval', firebase.json) that probe is reported as a CSP violation even though zod
// catches it.
//
// zod validates what people type (forms, callable inputs), so it loads with those route chunks;
// Firestore documents are read without it (lib/data, lib/firestore/parse.ts) and the
// configuration by hand (config/env.ts), which keeps zod's ~25 kB gzip off the first paint.
z.config({ jitless: true });

export { z };

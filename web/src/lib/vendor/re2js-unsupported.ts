/**
 * Stands in for `re2js` in the web build (see vite.config.ts). Firestore 12 imports RE2JS at the
 * top of its bundle only to evaluate pipeline expressions (`like`, `regexContains`, `regexMatch`)
 * on the client; this app runs no pipelines, yet the import costs about 150 kB minified on every
 * page. Firestore calls `compile` inside a try/catch and treats a throw as an invalid pattern.
 */
export const RE2JS = {
  compile(pattern: string): never {
    throw new Error(`regular expressions are not bundled in this app (pattern: ${pattern})`);
  },
};

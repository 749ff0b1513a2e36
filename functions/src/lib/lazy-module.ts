// Heavy SDKs load on first use, not at cold start. Every function is served from one bundle
// (functions/lib/index.js), so an SDK imported at the top of any module is loaded, and paid for,
// by every function's cold start: a plain callable would load Stripe, OpenAI, pdf-lib and SendGrid.
// Modules that need one wrap its `require` here (types come from `import type`); esbuild keeps the
// `require` of an external package as is, inside the function that calls it.
// See docs/scaling.md and `npm run bench:cold-import`.

/** A loader that runs `load` once, on the first call, and returns its result from then on. */
export function lazyModule<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => {
    loaded ??= { value: load() };
    return loaded.value;
  };
}

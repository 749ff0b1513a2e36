// The hosting section of firebase.json as the Hosting emulator serves it (scripts/lib/emulators.mjs
// writes it into the generated firebase.offset-N.json when hosting is emulated).
//
// Production headers are served unchanged except for one thing: the production build made for the
// emulators talks to them on http://127.0.0.1:<port>, which the production Content-Security-Policy
// (Firebase, LiveKit and Stripe hosts only) blocks. So the emulator copy — and only it — adds this
// stack's emulator origins to connect-src (Auth, Firestore, Functions, Storage), frame-src (the Auth
// emulator's sign-in iframe) and img-src/media-src (Storage emulator downloads). firebase.json itself
// never names 127.0.0.1; e2e/security-headers.e2e.test.ts checks that the served policy is exactly
// the production one plus these origins.

/**
 * `[directive, sources]` pairs of a CSP header value, in order.
 * @param {string} value
 * @returns {[string, string[]][]}
 */
export function parseCsp(value) {
  return value
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name, ...sources] = part.split(/\s+/);
      return /** @type {[string, string[]]} */ ([name.toLowerCase(), sources]);
    });
}

/** @param {[string, string[]][]} directives */
export function formatCsp(directives) {
  return directives.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * Origins of this stack's emulators that the web app connects to, per CSP directive.
 * @param {{ host?: string, ports: { auth: number, firestore: number, functions: number, storage: number } }} options
 * @returns {Record<string, string[]>}
 */
export function emulatorCspSources({ host = '127.0.0.1', ports }) {
  const origin = (port) => `http://${host}:${port}`;
  return {
    'connect-src': [ports.auth, ports.firestore, ports.functions, ports.storage].map(origin),
    'frame-src': [origin(ports.auth)],
    'img-src': [origin(ports.storage)],
    'media-src': [origin(ports.storage)],
  };
}

/**
 * The production CSP with the emulator origins appended to the directives that need them.
 * @param {string} csp
 * @param {Record<string, string[]>} sources
 */
export function withEmulatorSources(csp, sources) {
  return formatCsp(
    parseCsp(csp).map(([name, list]) => [name, sources[name] ? [...list, ...sources[name]] : list]),
  );
}

/**
 * The hosting config for the emulator: serves `publicDir` (this stack's production build, made with
 * its emulator ports) and extends the CSP as described above. Pure; returns a new object.
 * @param {any} hosting firebase.json's `hosting` section
 * @param {{ publicDir: string, ports: { auth: number, firestore: number, functions: number, storage: number }, host?: string }} options
 */
export function emulatorHosting(hosting, { publicDir, ports, host }) {
  const sources = emulatorCspSources({ host, ports });
  return {
    ...hosting,
    public: publicDir,
    headers: (hosting.headers ?? []).map((rule) => ({
      ...rule,
      headers: rule.headers.map((h) =>
        h.key.toLowerCase() === 'content-security-policy'
          ? { key: h.key, value: withEmulatorSources(h.value, sources) }
          : h,
      ),
    })),
  };
}

// Every port a SkillVerse stack listens on, shifted by SV_PORT_OFFSET, and the check that none of
// them is one Chromium refuses to connect to (ERR_UNSAFE_PORT): e.g. SV_PORT_OFFSET=2000 would put
// the Firestore emulator on 10080, and the app could not reach it from any Chromium-based browser.

/** Base ports (offset 0). Emulators as in firebase.json; the rest as firebase-tools' defaults. */
export const BASE_PORTS = {
  auth: 9099,
  firestore: 8080,
  functions: 5001,
  pubsub: 8085,
  storage: 9199,
  hosting: 5002,
  hub: 4400,
  logging: 4500,
  eventarc: 9299,
  tasks: 9499,
  'firestore websocket': 9150,
  'web dev server': 5173,
  'web preview server': 5273,
};

/**
 * Chromium's restricted ports: kRestrictedPorts in net/base/port_util.cc (the browser refuses
 * them with ERR_UNSAFE_PORT). Firefox and Safari block nearly the same list (the Fetch standard's
 * "bad ports").
 */
export const CHROMIUM_UNSAFE_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104,
  109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515,
  526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/**
 * Why SV_PORT_OFFSET cannot be used, or undefined when it can.
 * @param {string | undefined} raw the SV_PORT_OFFSET value
 */
export function portOffsetProblem(raw) {
  if (raw === undefined || raw === '') return undefined;
  const offset = Number(raw);
  if (!Number.isInteger(offset) || offset < 0) {
    return `SV_PORT_OFFSET=${raw} is not a whole number ≥ 0 (use a multiple of 1000, e.g. 1000 or 3000)`;
  }
  const ports = Object.entries(BASE_PORTS).map(([name, port]) => ({ name, port: port + offset }));
  const tooHigh = ports.filter((p) => p.port > 65535);
  if (tooHigh.length > 0) {
    return `SV_PORT_OFFSET=${raw} puts ${tooHigh.map((p) => `${p.name} on ${p.port}`).join(', ')}, above 65535`;
  }
  const unsafe = ports.filter((p) => CHROMIUM_UNSAFE_PORTS.has(p.port));
  if (unsafe.length > 0) {
    return (
      `SV_PORT_OFFSET=${raw} puts ${unsafe.map((p) => `${p.name} on port ${p.port}`).join(', ')}, ` +
      `which Chromium refuses to connect to (ERR_UNSAFE_PORT), so the app could not reach it. ` +
      `Pick another offset${suggestion(offset)}.`
    );
  }
  return undefined;
}

function suggestion(offset) {
  for (const candidate of [1000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]) {
    if (candidate !== offset && portOffsetProblem(String(candidate)) === undefined)
      return `, e.g. ${candidate}`;
  }
  return '';
}

/** Exits with a clear message when SV_PORT_OFFSET is unusable (start, test, with-emulators call it). */
export function assertPortOffset(env = process.env) {
  const problem = portOffsetProblem(env.SV_PORT_OFFSET);
  if (problem) {
    console.error(`\n✖ ${problem}\n`);
    process.exit(2);
  }
}

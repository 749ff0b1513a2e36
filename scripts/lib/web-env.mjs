// The VITE_* variables that point the web app at this stack's emulators (ports follow SV_PORT_OFFSET).
import { PORTS, PROJECT_ID } from './emulators.mjs';

export function webEnv({ storage = false } = {}) {
  const offset = Number(process.env.SV_PORT_OFFSET || 0);
  return {
    VITE_USE_EMULATORS: 'true',
    VITE_FIREBASE_PROJECT_ID: PROJECT_ID,
    VITE_FIREBASE_API_KEY: 'demo-api-key',
    VITE_EMULATOR_HOST: '127.0.0.1',
    VITE_AUTH_EMULATOR_PORT: String(PORTS.auth + offset),
    VITE_FIRESTORE_EMULATOR_PORT: String(PORTS.firestore + offset),
    VITE_FUNCTIONS_EMULATOR_PORT: String(PORTS.functions + offset),
    VITE_STORAGE_EMULATOR_PORT: String(PORTS.storage + offset),
    VITE_STORAGE_EMULATOR: storage ? '1' : '0',
  };
}

export function webPort(kind = 'dev') {
  const offset = Number(process.env.SV_PORT_OFFSET || 0);
  // Dev and preview servers sit 100 apart so no two offsets (multiples of 1000) ever share a port.
  return (kind === 'dev' ? 5173 : 5273) + offset;
}

/**
 * Where the production build for this stack goes: web/dist, or web/dist-<offset> for a stack
 * started with SV_PORT_OFFSET, so parallel stacks never serve each other's build (the build bakes
 * in the emulator ports).
 */
export function webOutDir() {
  const offset = Number(process.env.SV_PORT_OFFSET || 0);
  return offset ? `dist-${offset}` : 'dist';
}

// Callables that lost on contention (`aborted`: "Busy right now…") or could not be reached
// (`unavailable`) are tried again once or twice, with jittered backoff; while that happens the app
// shows "Still saving…" (components/ui/toast.tsx reads `retryState`). Every callable is safe to
// repeat: a duplicate of a call that already applied answers with the applied result (docs/contention.md).

const RETRYABLE = ['functions/aborted', 'functions/unavailable'];

/** The waits before the first and the second retry (each ±25 %). */
export const RETRY_DELAYS_MS = [700, 1800];

let retrying = 0;
const listeners = new Set<() => void>();

function change(by: number): void {
  retrying += by;
  for (const listener of listeners) listener();
}

/** How many calls are waiting to be tried again, for useSyncExternalStore. */
export const retryState = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: (): number => retrying,
};

/** Runs `call`, trying again after a retryable error; other errors (and the last) are thrown. */
export async function withRetry<T>(
  call: () => Promise<T>,
  delays: readonly number[] = RETRY_DELAYS_MS,
  sleep: (ms: number) => Promise<unknown> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  let counted = false;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const delay = delays[attempt];
        if (delay === undefined || !RETRYABLE.includes(String((error as { code?: unknown })?.code)))
          throw error;
        if (!counted) change(+1);
        counted = true;
        await sleep(delay * (0.75 + Math.random() / 2));
      }
    }
  } finally {
    if (counted) change(-1);
  }
}

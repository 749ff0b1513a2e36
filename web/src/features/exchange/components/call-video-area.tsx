// The video area of a call room, shared by the one-to-one exchange call and the swap cycle's
// group call (issue 16 item 7). livekit-client loads only when a token was granted.
import type { ExchangeCallTokenResponse } from '@skillverse/domain/contracts/exchange';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { LoadingState } from '@/components/ui/spinner';
import { friendlyError } from '@/lib/errors';

const CallVideo = lazy(() => import('./call-video').then((m) => ({ default: m.CallVideo })));

type VideoState =
  | { kind: 'loading' }
  | { kind: 'ready'; token: Extract<ExchangeCallTokenResponse, { video: true }> }
  | { kind: 'unavailable' }
  | { kind: 'error'; message: string };

/**
 * The video of a call room (an exchange's or a swap cycle's): asks for a LiveKit token with
 * `loadToken` (keep it stable: useCallback) and shows the call, or why there is no video.
 */
export function VideoArea({ loadToken }: { loadToken: () => Promise<ExchangeCallTokenResponse> }) {
  const [state, setState] = useState<VideoState>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    loadToken()
      .then((r) => {
        if (!cancelled) setState(r.video ? { kind: 'ready', token: r } : { kind: 'unavailable' });
      })
      .catch((error: unknown) => !cancelled && setState({ kind: 'error', message: friendlyError(error) }));
    return () => {
      cancelled = true;
    };
  }, [loadToken]);
  if (state.kind === 'ready')
    return (
      <Suspense fallback={<LoadingState label="Loading video…" />}>
        <CallVideo connection={state.token} />
      </Suspense>
    );
  return (
    <section
      aria-label="Video"
      className="flex min-h-40 w-full items-center justify-center rounded-xl bg-stone-900 p-6 text-center"
    >
      {state.kind === 'loading' ? (
        <LoadingState label="Connecting to video…" onDark />
      ) : state.kind === 'unavailable' ? (
        <div data-testid="video-unavailable">
          <p className="text-lg font-semibold text-white">Video needs a LiveKit server</p>
          <p className="mt-1 text-sm text-stone-300">
            Meet on the tool you agreed on; keep this page open — chat and presence still work.
          </p>
        </div>
      ) : (
        <Alert tone="error" title="Video isn’t available">
          {state.message}
        </Alert>
      )}
    </section>
  );
}

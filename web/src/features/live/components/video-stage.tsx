import { VIDEO_UNAVAILABLE_MESSAGE } from '@skillverse/domain/live';
import type { LiveKitTokenResponse } from '@skillverse/domain/live';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { LoadingState } from '@/components/ui/spinner';
import { errorCode, friendlyError } from '@/lib/errors';
import { getLiveKitToken } from '../api/session-actions';

// livekit-client loads only here, and only once a token was granted.
const VideoRoom = lazy(() => import('./video-room').then((m) => ({ default: m.VideoRoom })));

type TokenState =
  | { kind: 'loading' }
  | { kind: 'ready'; token: LiveKitTokenResponse }
  | { kind: 'unavailable' }
  | { kind: 'error'; message: string };

/**
 * The video area: asks getLiveKitToken for a join token and connects (the host's promote/demote
 * then changes what this person may publish in place — no new token); without a LiveKit server it
 * says so plainly.
 */
export function VideoStage({
  sessionId,
  live,
  onLeave,
}: {
  sessionId: string;
  live: boolean;
  onLeave: () => void;
}) {
  const [state, setState] = useState<TokenState>({ kind: 'loading' });

  useEffect(() => {
    if (!live) return;
    let cancelled = false;
    setState({ kind: 'loading' });
    getLiveKitToken({ sessionId })
      .then((token) => !cancelled && setState({ kind: 'ready', token }))
      .catch((error: unknown) => {
        if (cancelled) return;
        const message = error instanceof Error ? error.message : '';
        if (
          errorCode(error) === 'failed-precondition' &&
          message.includes(VIDEO_UNAVAILABLE_MESSAGE.slice(0, 20))
        ) {
          setState({ kind: 'unavailable' });
        } else {
          setState({ kind: 'error', message: message || friendlyError(error) });
        }
      });
    return () => {
      cancelled = true;
    };
  }, [sessionId, live]);

  let body: React.ReactNode;
  if (!live) {
    body = <p className="text-stone-200">The video starts when the host goes live.</p>;
  } else if (state.kind === 'loading') {
    body = <LoadingState label="Connecting to video…" onDark />;
  } else if (state.kind === 'unavailable') {
    body = (
      <div className="text-center" data-testid="video-unavailable">
        <p className="text-lg font-semibold text-white">Video needs a LiveKit server</p>
        <p className="mt-1 text-sm text-stone-300">Chat, questions, polls and raised hands still work.</p>
      </div>
    );
  } else if (state.kind === 'error') {
    body = (
      <Alert tone="error" title="Video isn’t available">
        {state.message}
      </Alert>
    );
  } else {
    return (
      <Suspense fallback={<LoadingState label="Loading video…" />}>
        <VideoRoom sessionId={sessionId} connection={state.token} onLeave={onLeave} />
      </Suspense>
    );
  }
  return (
    <section
      aria-label="Video"
      className="flex min-h-48 w-full items-center justify-center rounded-xl bg-stone-900 p-6"
    >
      {body}
    </section>
  );
}

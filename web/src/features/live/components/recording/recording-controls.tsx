import type { ReactNode } from 'react';
import { egressRunning } from '@skillverse/domain/live-recording';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { friendlyError } from '@/lib/errors';
import { useLiveSession } from '../../api/get-live-sessions';
import { useSessionRecording, useStartRecording, useStopRecording } from '../../api/recording';

/**
 * Cloud recording in the live room (LiveKit Egress). The host starts and stops it while the
 * session is live in its video room; everyone in the room sees that it is recording. Without a
 * LiveKit room (no LiveKit server configured) the host is told why there is nothing to record.
 * Self-contained, so the room page mounts it with one line.
 */
export function RecordingControls({ sessionId, isHost }: { sessionId: string; isHost: boolean }) {
  const session = useLiveSession(sessionId).data;
  const recording = useSessionRecording(sessionId, Boolean(session) && session?.status !== 'cancelled');
  const start = useStartRecording();
  const stop = useStopRecording();
  if (session?.status !== 'live') return null;
  const egress = recording.data?.egress ?? null;
  const running = egressRunning(egress);

  if (!isHost) {
    return running ? (
      <p className="flex items-center gap-2 text-sm font-medium text-red-800" role="status">
        <span aria-hidden="true" className="inline-block size-2.5 rounded-full bg-red-600" />
        This session is being recorded.
      </p>
    ) : null;
  }

  let body: ReactNode;
  if (session.attendanceSource !== 'livekit') {
    body = (
      <p className="text-sm text-stone-700" data-testid="recording-unavailable">
        Cloud recording needs a LiveKit video room, and this session has none (no LiveKit server is
        configured). You can add a recording link on the session page after it ends.
      </p>
    );
  } else if (!session.recordingEnabled) {
    body = (
      <p className="text-sm text-stone-700">
        Recording is off for this session. Turn it on in the session’s details to record it.
      </p>
    );
  } else {
    body = (
      <div className="flex flex-wrap items-center gap-3">
        {running ? (
          <p className="flex items-center gap-2 text-sm font-medium text-red-800">
            <span aria-hidden="true" className="inline-block size-2.5 rounded-full bg-red-600" />
            {egress?.state === 'starting' ? 'Starting the recording…' : 'Recording'}
          </p>
        ) : egress?.state === 'stopping' ? (
          <p className="text-sm text-stone-700">Saving the recording…</p>
        ) : null}
        {running ? (
          <Button
            size="sm"
            variant="secondary"
            loading={stop.isPending}
            onClick={() => stop.mutate({ sessionId })}
          >
            Stop recording
          </Button>
        ) : (
          <Button
            size="sm"
            variant="secondary"
            loading={start.isPending}
            onClick={() => start.mutate({ sessionId })}
          >
            {egress ? 'Record again' : 'Start recording'}
          </Button>
        )}
      </div>
    );
  }
  const error = start.error ?? stop.error;
  return (
    <section
      aria-labelledby="recording-controls-heading"
      className="flex flex-col gap-2 rounded-lg border border-stone-200 bg-white px-4 py-3"
    >
      <h2 id="recording-controls-heading" className="text-sm font-semibold text-stone-900">
        Cloud recording
      </h2>
      {body}
      {error ? (
        <Alert tone="error" title="Recording didn’t change">
          {error instanceof Error ? error.message : friendlyError(error)}
        </Alert>
      ) : null}
    </section>
  );
}
